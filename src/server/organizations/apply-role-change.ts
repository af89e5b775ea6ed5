import "server-only";
import type { MembershipRole } from "@/generated/prisma/enums";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { assertOwnerRemains } from "./last-owner";

/**
 * A member's new role, inside the caller's transaction, the same whoever changes it (an owner or
 * staff): the update, at least one owner left, the member's sessions ended so the role applies at
 * once, and the audit row (`after` gets what the caller adds, such as staff's reason).
 */
export async function applyRoleChange(
  tx: Tx,
  actor: Actor | null,
  change: { organizationId: string; membership: { id: string; role: MembershipRole; userId: string }; role: MembershipRole; after?: Record<string, string> },
): Promise<void> {
  const { organizationId, membership, role } = change;
  await tx.membership.update({ where: { id: membership.id }, data: { role } });
  await assertOwnerRemains(tx, organizationId);
  await tx.user.update({ where: { id: membership.userId }, data: { sessionVersion: { increment: 1 } } });
  await writeAudit(tx, actor, {
    action: "member.role_changed",
    entityType: "Membership",
    entityId: membership.id,
    organizationId,
    before: { role: membership.role },
    after: { role, ...change.after },
  });
}
