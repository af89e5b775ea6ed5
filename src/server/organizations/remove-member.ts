import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { assertOwnerRemains } from "./last-owner";
import { ZRemoveMemberInput, type TRemoveMemberInput } from "./members.schema";

export async function removeMember(actor: Actor | null, rawInput: TRemoveMemberInput) {
  const input = ZRemoveMemberInput.parse(rawInput);
  authorize(can.manageMembers(actor, input.organizationId), "Only the organisation's owners can remove members.");
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({
      where: { id: input.membershipId, organizationId: input.organizationId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!before) throw notFound("That member");
    await tx.membership.delete({ where: { id: before.id } });
    await assertOwnerRemains(tx, input.organizationId);
    await tx.user.update({ where: { id: before.userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: "member.removed",
      entityType: "Membership",
      entityId: before.id,
      organizationId: input.organizationId,
      before: { email: before.user.email, role: before.role },
    });
  });
}
