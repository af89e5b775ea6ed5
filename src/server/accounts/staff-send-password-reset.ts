import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { newToken } from "../auth/tokens";
import { db } from "../db";
import { notFound, validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { passwordResetMail } from "../mail/templates";
import { ZStaffUserInput, type TStaffUserInput } from "../organizations/staff-organizations.schema";
import { RESET_TOKEN_MINUTES } from "./request-password-reset";

/**
 * Staff (ADMIN) send a member the same one-hour reset link the "forgot password" page sends (same
 * token table, expiry and mail), with a reason. Staff never see or set the password: the person
 * chooses it from the link, and that ends their other sessions (resetPassword).
 */
export async function sendPasswordResetAsStaff(actor: Actor | null, rawInput: TStaffUserInput) {
  authorize(can.administer(actor), "Only staff administrators send reset links.");
  const input = ZStaffUserInput.parse(rawInput);
  const membership = await db.membership.findFirst({
    where: { organizationId: input.organizationId, userId: input.userId },
    select: { user: { select: { id: true, name: true, email: true, isActive: true } } },
  });
  if (!membership) throw notFound("That member");
  const { user } = membership;
  if (!user.isActive) throw validation(`${user.email} is deactivated, and a reset link would not work. Reactivate the account first.`);
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } });
    await writeAudit(tx, actor, {
      action: "account.password_reset_sent",
      entityType: "User",
      entityId: user.id,
      organizationId: input.organizationId,
      after: { reason: input.reason, email: user.email, expiresAt },
    });
    await enqueueMail(tx, passwordResetMail(user.email, user.name, token, true));
  });
  return { email: user.email, expiresAt };
}
