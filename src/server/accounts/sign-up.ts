import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { welcomeMail } from "../mail/templates";
import { ZSignUpInput, type TSignUpInput } from "./accounts.schema";

const EMAIL_TAKEN = "An account with this email already exists. Sign in, or reset your password.";

/**
 * Creates the user, the organisation, its OWNER membership and the organisation's empty profile in
 * one transaction: a failure anywhere leaves nothing behind. Anyone may sign up (no actor).
 */
export async function signUp(rawInput: TSignUpInput, context: { ip: string | null }) {
  const input = ZSignUpInput.parse(rawInput);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw validation(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const organization = await tx.organization.create({
        data: { name: input.organizationName, kind: input.organizationKind },
        select: { id: true, name: true, kind: true },
      });
      await tx.membership.create({ data: { userId: user.id, organizationId: organization.id, role: "OWNER" } });
      if (organization.kind === "RIGHTSHOLDER") {
        await tx.rightsholderProfile.create({ data: { organizationId: organization.id, contactName: user.name, contactEmail: user.email } });
      } else {
        await tx.licenseeProfile.create({ data: { organizationId: organization.id } });
      }
      await writeAudit(tx, null, {
        action: "account.sign_up",
        entityType: "Organization",
        entityId: organization.id,
        organizationId: organization.id,
        after: { user, organization },
        ip: context.ip,
      });
      await enqueueMail(tx, welcomeMail(user.email, user.name, organization.name));
      return { user, organization };
    });
  } catch (error) {
    // Two sign-ups racing with one email: the unique index decides, the loser gets the same message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw validation(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    }
    throw error;
  }
}
