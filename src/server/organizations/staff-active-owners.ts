import "server-only";
import type { Tx } from "../db";

/**
 * The organisations `userId` owns that would have no active owner left if that account were
 * deactivated. Called inside the deactivating transaction: the memberships of those
 * organisations are locked first (in id order), so two administrators deactivating an
 * organisation's two owners at once are serialised and the second one sees the first.
 */
export async function organizationsLeftWithoutActiveOwner(tx: Tx, userId: string): Promise<{ id: string; name: string }[]> {
  await tx.$queryRaw`
    SELECT m.id FROM memberships m
     WHERE m."organizationId" IN (SELECT "organizationId" FROM memberships WHERE "userId" = ${userId}::uuid AND role = 'OWNER')
     ORDER BY m.id FOR UPDATE`;
  return tx.organization.findMany({
    where: {
      memberships: {
        some: { userId, role: "OWNER" },
        none: { role: "OWNER", userId: { not: userId }, user: { isActive: true } },
      },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
