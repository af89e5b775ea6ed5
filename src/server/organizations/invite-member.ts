import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { newToken } from "../auth/tokens";
import { db } from "../db";
import { validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { invitationMail } from "../mail/templates";
import { ZInviteMemberInput, type TInviteMemberInput } from "./members.schema";

export const INVITATION_DAYS = 7;

/** An owner invites a person by email; the emailed link is valid for seven days. */
export async function inviteMember(actor: Actor | null, rawInput: TInviteMemberInput) {
  const input = ZInviteMemberInput.parse(rawInput);
  authorize(can.manageMembers(actor, input.organizationId), "Only the organisation's owners can invite members.");
  const inviter = requireUser(actor);

  const organization = await db.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { name: true } });
  const alreadyMember = await db.membership.findFirst({
    where: { organizationId: input.organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) {
    throw validation("This person is already a member.", { email: ["This person is already a member."] });
  }

  const { token, tokenHash } = newToken();
  return db.$transaction(async (tx) => {
    // A new invitation replaces any open one for the same email, so only the latest link works.
    await tx.invitation.updateMany({
      where: { organizationId: input.organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        organizationId: input.organizationId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: inviter.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, actor, {
      action: "member.invited",
      entityType: "Invitation",
      entityId: invitation.id,
      organizationId: input.organizationId,
      after: invitation,
    });
    await enqueueMail(tx, invitationMail(input.email, inviter.name, organization.name, token));
    return invitation;
  });
}
