import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZRevokeInvitationInput, type TRevokeInvitationInput } from "./members.schema";

export async function revokeInvitation(actor: Actor | null, rawInput: TRevokeInvitationInput) {
  const input = ZRevokeInvitationInput.parse(rawInput);
  authorize(can.manageMembers(actor, input.organizationId), "Only the organisation's owners can revoke invitations.");
  await db.$transaction(async (tx) => {
    // The organisation in `where` makes another organisation's invitation id simply not found.
    const revoked = await tx.invitation.updateMany({
      where: { id: input.invitationId, organizationId: input.organizationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw notFound("That invitation");
    await writeAudit(tx, actor, {
      action: "member.invitation_revoked",
      entityType: "Invitation",
      entityId: input.invitationId,
      organizationId: input.organizationId,
    });
  });
}
