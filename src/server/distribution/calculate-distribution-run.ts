import "server-only";
import { parseQuarter } from "@/lib/usage/quarters";
import { db } from "../db";
import { withPgTransaction, type PgClient } from "../pg";
import {
  HELD_SQL, INSERT_ALLOCATIONS_SQL, LICENSEE_ALLOCATION_SQL, LICENSEE_SQL, PAYEE_LINES_SQL, POOL_ALLOCATION_SQL,
  POOL_SOURCES_SQL, RELEASED_ALLOCATION_SQL, USAGE_SQL, WORK_MONEY_SQL,
} from "./allocation-sql";
import { grantRevenueRows, insertGrantRevenues } from "./grant-revenue-rows";
import {
  INSERT_CARRIED_SQL, INSERT_EXTERNAL_SQL, INSERT_PAYOUTS_SQL, INSERT_STATEMENT_LINES_SQL, INSERT_STATEMENTS_SQL, PAYEE_SQL, TOTALS_SQL,
} from "./payee-sql";
import { heldInFor } from "./previous-runs";
import { runSettingsFor, settingsSnapshotJson } from "./run-settings";

export type CalculateOptions = {
  /** Called as each step begins (tests stop the calculation there, as a crash would). */
  onStep?: (step: string) => void | Promise<void>;
};

const STEPS = [
  "Recognising revenue",
  "Reading eligible usage",
  "Allocating each licensee's revenue",
  "Allocating the general pool",
  "Releasing money held for resolved disputes",
  "Writing allocations",
  "Splitting works over their owners",
  "Settling each payee",
  "Writing statements",
  "Writing statement lines",
  "Writing payouts and carried balances",
] as const;

/**
 * Calculates a run (the `distribution.calculate` job): everything in one transaction, so a crash
 * anywhere leaves the run as it was and the job's retry starts over; an advisory lock makes a
 * second worker wait and then find the run calculated. Set-based: the money moves in SQL over
 * temporary tables (allocation-sql.ts, payee-sql.ts); only the grants, a few thousand, go through
 * TypeScript. Returns false when there was nothing to do (approved, or not asked for).
 */
export async function calculateDistributionRun(runId: string, options: CalculateOptions = {}): Promise<boolean> {
  const started = await db.distributionRun.updateMany({
    where: { id: runId, status: { in: ["PENDING", "CALCULATING"] } },
    data: { status: "CALCULATING", progressDone: 0, progressTotal: STEPS.length, progressLabel: "Starting", lastError: null },
  });
  if (started.count === 0) return false;
  return withPgTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('distribution:' || $1::text, 0))`, [runId]);
    const { rows } = await client.query<{ quarter: string; status: string }>(`SELECT quarter, status FROM distribution_runs WHERE id = $1`, [runId]);
    if (rows[0]?.status !== "CALCULATING") return false;
    // Sorts and hashes over a million rows: give this transaction room, and skip JIT compiling.
    await client.query(`SET LOCAL work_mem = '128MB'`);
    await client.query(`SET LOCAL jit = off`);
    await calculateInTransaction(client, runId, rows[0].quarter, options);
    return true;
  });
}

async function calculateInTransaction(client: PgClient, runId: string, quarterCode: string, options: CalculateOptions) {
  const quarter = parseQuarter(quarterCode)!;
  const calculatedAt = new Date();
  const step = async (index: number) => {
    await options.onStep?.(STEPS[index]!);
    await db.distributionRun.update({ where: { id: runId }, data: { progressDone: index, progressLabel: STEPS[index] } });
  };
  const run = (sql: string, params: unknown[] = []) => client.query(sql, params);

  for (const table of ["payouts", "statements", "allocations", "grant_revenues", "carried_balances", "external_payee_shares"]) {
    await run(`DELETE FROM ${table} WHERE "runId" = $1`, [runId]);
  }
  const settings = await runSettingsFor(quarter);

  await step(0);
  await insertGrantRevenues(client, runId, await grantRevenueRows(client, quarter, settings.adminFeeBps));
  await run(LICENSEE_SQL, [runId]);

  await step(1);
  await run(USAGE_SQL, [runId, quarter.code, calculatedAt]);
  await run(`UPDATE grant_revenues g SET "toGeneralPool" = true
              WHERE g."runId" = $1 AND NOT EXISTS (SELECT 1 FROM dist_usage u WHERE u.org = g."organizationId")`, [runId]);
  await run(HELD_SQL);
  await run(`ANALYZE dist_usage`);

  await step(2);
  await run(LICENSEE_ALLOCATION_SQL);

  await step(3);
  const heldIn = await heldInFor(client, runId, quarter.code);
  const pool = (await run(POOL_SOURCES_SQL)).rows[0] as { net: string; fee: string; units: string };
  const poolNet = BigInt(pool.net) + heldIn;
  const hasUsage = BigInt(pool.units) > 0n;
  if (hasUsage && (poolNet > 0n || BigInt(pool.fee) > 0n)) await run(POOL_ALLOCATION_SQL, [poolNet.toString(), pool.fee]);
  const heldOut = hasUsage ? 0n : poolNet;

  await step(4);
  await run(RELEASED_ALLOCATION_SQL, [runId, quarter.code]);
  await run(`ANALYZE dist_alloc`);

  await step(5);
  await run(INSERT_ALLOCATIONS_SQL, [runId]);

  await step(6);
  await run(WORK_MONEY_SQL);
  await run(PAYEE_LINES_SQL);
  // Fresh statistics, or the identifier lookup below is planned for a fraction of the lines.
  await run(`ANALYZE dist_work`);
  await run(`ANALYZE dist_line`);

  await step(7);
  const day = calculatedAt.toISOString().slice(0, 10);
  await run(PAYEE_SQL, [runId, quarter.code, settings.thresholdAppliedCents.toString(), settings.domesticWithholdingBps, settings.foreignWithholdingBps, day]);
  await run(`ANALYZE dist_payee`);

  await step(8);
  await run(INSERT_STATEMENTS_SQL, [runId, settings.thresholdAppliedCents.toString()]);

  await step(9);
  await run(INSERT_STATEMENT_LINES_SQL, [runId]);

  await step(10);
  await run(INSERT_CARRIED_SQL, [runId]);
  await run(INSERT_PAYOUTS_SQL, [runId]);
  await run(INSERT_EXTERNAL_SQL, [runId]);

  const t = (await run(TOTALS_SQL)).rows[0] as Record<string, string>;
  await run(
    `UPDATE distribution_runs SET status = 'CALCULATED', "calculatedAt" = $2, "settingsSnapshot" = $3::jsonb,
            "recognisedCents" = $4, "adminFeeCents" = $5, "allocatedCents" = $6, "heldInCents" = $7, "heldOutCents" = $8,
            "disputeHeldCents" = $9, "releasedCents" = $10, "externalCents" = $11, "carriedInCents" = $12, "paidCents" = $13,
            "withheldCents" = $14, "carriedOutCents" = $15, "progressDone" = "progressTotal", "progressLabel" = 'Calculated',
            "lastError" = NULL, "updatedAt" = now()
      WHERE id = $1 AND status = 'CALCULATING'`,
    [runId, calculatedAt, JSON.stringify(settingsSnapshotJson(settings)), t.recognised, t.fee, t.allocated, heldIn.toString(), heldOut.toString(),
      t.dispute_held, t.released, t.external, t.carried_in, t.paid, t.withheld, t.carried_out],
  );
}
