import "server-only";
import type { PgClient } from "../pg";
import { FINAL_RUN_STATUSES_SQL } from "./runs.schema";

// What a run takes over from earlier runs: the general pool they held (when nobody reported
// usage) and, per payee, their carried balances (payee-sql.ts). Only approved runs hand anything
// on; the approval check (approve-distribution-run.ts) makes sure the run being approved read
// the approved runs as they are now.

/** The latest approved run before the quarter, if any. */
export const PREVIOUS_FINAL_RUN_SQL = `
SELECT id, quarter, "heldOutCents"::text AS "heldOutCents", "approvedAt"
  FROM distribution_runs
 WHERE status IN ${FINAL_RUN_STATUSES_SQL} AND quarter < $1 AND id <> $2::uuid
 ORDER BY quarter DESC LIMIT 1`;

/** The general pool held by the latest earlier approved run, carried into this one. */
export async function heldInFor(client: PgClient, runId: string, quarter: string): Promise<bigint> {
  const { rows } = await client.query<{ heldOutCents: string }>(PREVIOUS_FINAL_RUN_SQL, [quarter, runId]);
  return rows[0] ? BigInt(rows[0].heldOutCents) : 0n;
}
