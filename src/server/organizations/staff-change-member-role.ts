import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound, validation } from "../errors";
import { applyRoleChange } from "./apply-role-change";
import { ZStaffChangeMemberRoleInput, type TStaffChangeMemberRoleInput } from "./staff-organizations.schema";

const ROLE_LABEL = { OWNER: "an owner", MEMBER: "a member" } as const;

/**
 * Staff (ADMIN) change a member's role, with a reason, under the organisation's own rule: at least
 * one owner remains (checked after the change with the memberships locked). The member's sessions
 * end so the new role applies at once, as when an owner changes it.
 */
export async function changeMemberRoleAsStaff(actor: Actor | null, rawInput: TStaffChangeMemberRoleInput) {
  authorize(can.administer(actor), "Only staff administrators change members' roles.");
  const input = ZStaffChangeMemberRoleInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({
      where: { id: input.membershipId, organizationId: input.organizationId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!before) throw notFound("That member");
    if (before.role === input.role) {
      throw validation(`${before.user.email} is already ${ROLE_LABEL[input.role]}.`, { role: [`Already ${ROLE_LABEL[input.role]}.`] });
    }
    await applyRoleChange(tx, actor, { organizationId: input.organizationId, membership: before, role: input.role, after: { reason: input.reason, email: before.user.email } });
    return { email: before.user.email, role: input.role };
  });
}
