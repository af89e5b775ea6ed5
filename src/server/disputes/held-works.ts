import "server-only";
import type { DbOrTx } from "../db";

/**
 * The works whose royalties are held: every work under an OPEN dispute, on either side (the work
 * holding the identifier and the claimant's work). "Neither side is paid for a disputed work until
 * it is resolved" (DOMAIN.md); the distribution run reads this set. One query, no per-work calls.
 */
export async function heldWorkIds(client: DbOrTx): Promise<number[]> {
  const rows = await client.$queryRaw<{ id: number }[]>`
    SELECT "workId" AS id FROM disputes WHERE status = 'OPEN'
    UNION
    SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL
    ORDER BY id`;
  return rows.map((r) => Number(r.id));
}
