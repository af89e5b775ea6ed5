import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { isUser } from "../auth/policies";
import { hashPassword } from "../auth/password";
import { hashToken } from "../auth/tokens";
import { db } from "../db";
import { forbidden, validation } from "../errors";
import { ZAcceptInvitationInput, type TAcceptInvitationInput } from "./members.schema";

const INVALID = "This invitation is invalid, was revoked or has expired. Ask for a new one.";

/** What the invitation page shows before accepting; null when the link is not usable. */
export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, name: true, kind: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  const hasAccount = (await db.user.count({ where: { email: invitation.email } })) > 0;
  return { ...invitation, hasAccount };
}

/**
 * Accepting needs proof of the invited email: either the signed-in user has it, or the person
 * creates the account for it here (which the emailed link proves). An existing account must sign
 * in first, so nobody can attach a membership to someone else's account.
 */
export async function acceptInvitation(actor: Actor | null, rawInput: TAcceptInvitationInput, context: { ip: string | null }) {
  const input = ZAcceptInvitationInput.parse(rawInput);
  const invitation = await findOpenInvitation(input.token);
  if (!invitation) throw validation(INVALID, { token: [INVALID] });

  let userId: string;
  let newPasswordHash: string | null = null;
  if (isUser(actor)) {
    if (actor.email !== invitation.email) {
      throw forbidden(`This invitation was sent to ${invitation.email}. Sign in with that account to accept it.`);
    }
    userId = actor.userId;
  } else {
    if (invitation.hasAccount) {
      throw validation("An account with this email already exists. Sign in first, then open the link again.");
    }
    const fieldErrors: Record<string, string[]> = {};
    if (!input.name) fieldErrors.name = ["Enter your name."];
    if (!input.password) fieldErrors.password = ["Choose a password of at least 10 characters."];
    if (Object.keys(fieldErrors).length) throw validation("Complete the form to create your account.", fieldErrors);
    newPasswordHash = await hashPassword(input.password!);
    userId = "";
  }

  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw validation(INVALID, { token: [INVALID] });
    if (newPasswordHash) {
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name!, passwordHash: newPasswordHash },
        select: { id: true },
      });
      userId = user.id;
    }
    const membership = await tx.membership.upsert({
      where: { userId_organizationId: { userId, organizationId: invitation.organization.id } },
      create: { userId, organizationId: invitation.organization.id, role: invitation.role },
      update: {},
      select: { id: true, role: true },
    });
    await writeAudit(tx, actor, {
      action: "member.joined",
      entityType: "Membership",
      entityId: membership.id,
      organizationId: invitation.organization.id,
      after: { email: invitation.email, role: membership.role },
      ip: context.ip,
    });
    return { organization: invitation.organization, email: invitation.email, isNewAccount: newPasswordHash !== null };
  });
}
