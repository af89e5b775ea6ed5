import "server-only";
import type { Tx } from "../db";
import { validation } from "../errors";

/**
 * Every organisation keeps at least one owner. Called inside the transaction that removes or
 * demotes an owner, after the change, with the organisation's memberships locked so two owners
 * demoting each other at once cannot both succeed.
 */
export async function assertOwnerRemains(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM memberships WHERE "organizationId" = ${organizationId}::uuid FOR UPDATE`;
  const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners === 0) {
    throw validation("An organisation needs at least one owner. Make someone else an owner first.", {
      role: ["An organisation needs at least one owner."],
    });
  }
}
