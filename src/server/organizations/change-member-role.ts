import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { applyRoleChange } from "./apply-role-change";
import { ZChangeMemberRoleInput, type TChangeMemberRoleInput } from "./members.schema";

/** Changes a member's role and ends that member's sessions so the new role applies at once. */
export async function changeMemberRole(actor: Actor | null, rawInput: TChangeMemberRoleInput) {
  const input = ZChangeMemberRoleInput.parse(rawInput);
  authorize(can.manageMembers(actor, input.organizationId), "Only the organisation's owners can change roles.");
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({
      where: { id: input.membershipId, organizationId: input.organizationId },
      select: { id: true, role: true, userId: true },
    });
    if (!before) throw notFound("That member");
    if (before.role === input.role) return;
    await applyRoleChange(tx, actor, { organizationId: input.organizationId, membership: before, role: input.role });
  });
}
