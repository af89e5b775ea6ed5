import "server-only";
import { describeQuarter, previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { grantRevenueRows } from "../distribution/grant-revenue-rows";
import { pgPool } from "../pg";

// Revenue recognised per quarter for the staff dashboard, the last eight quarters up to the one in
// progress. A quarter whose distribution run is approved (or paid) shows what that run recognised,
// the sum of its grant_revenues rows: the figure royalties were paid from, never changed after. A
// calculated run not yet approved shows its own sum, marked as awaiting approval. Any other quarter
// (no run yet, the quarter in progress, a run still calculating or failed) is an ESTIMATE, worked
// out from today's grants and refunds by the runs' own rule (grant-revenue-rows.ts, with
// src/lib/money/revenue.ts), so it can still move: a later refund reduces it.

export const DASHBOARD_QUARTERS = 8;

export type RevenueSource = "APPROVED_RUN" | "CALCULATED_RUN" | "ESTIMATE";
export type QuarterRevenue = { quarter: string; label: string; recognisedCents: bigint; source: RevenueSource; runId: string | null; isInProgress: boolean };

const APPROVED = new Set(["APPROVED", "PAYING", "PAID"]);

/** Up to `count` quarters ending with today's (fewer only before 2000, where quarters stop). */
function lastQuarters(today: string, count: number): Quarter[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) {
    const first = quarters[0]!;
    if (first.year === 2000 && first.q === 1) break;
    quarters.unshift(previousQuarter(first));
  }
  return quarters;
}

/** Oldest first. `today` (YYYY-MM-DD) is for tests. */
export async function getRevenueByQuarter(actor: Actor | null, options: { today?: string } = {}): Promise<QuarterRevenue[]> {
  authorize(can.readStaffArea(actor));
  const today = options.today ?? todayUtc();
  const quarters = lastQuarters(today, DASHBOARD_QUARTERS);
  const runs = await db.distributionRun.findMany({ where: { quarter: { in: quarters.map((q) => q.code) } }, select: { id: true, quarter: true, status: true } });
  const counted = runs.filter((r) => APPROVED.has(r.status) || r.status === "CALCULATED");
  const sums = counted.length === 0 ? [] : await db.grantRevenue.groupBy({ by: ["runId"], where: { runId: { in: counted.map((r) => r.id) } }, _sum: { recognisedCents: true } });
  const fromRun = new Map(counted.map((r) => [r.quarter, { run: r, cents: sums.find((s) => s.runId === r.id)?._sum.recognisedCents ?? 0n }]));
  const estimated = quarters.filter((q) => !fromRun.has(q.code));
  const estimates = new Map<string, bigint>();
  if (estimated.length > 0) {
    const client = await pgPool().connect();
    try {
      // Only the recognised amount is shown, so no administrative fee is taken off here (0 bps).
      for (const quarter of estimated) estimates.set(quarter.code, (await grantRevenueRows(client, quarter, 0)).reduce((sum, row) => sum + row.recognised, 0n));
    } finally {
      client.release();
    }
  }
  const current = quarters[quarters.length - 1]!.code;
  return quarters.map((quarter) => {
    const run = fromRun.get(quarter.code);
    return {
      quarter: quarter.code,
      label: describeQuarter(quarter),
      recognisedCents: run ? run.cents : estimates.get(quarter.code)!,
      source: !run ? "ESTIMATE" : APPROVED.has(run.run.status) ? "APPROVED_RUN" : "CALCULATED_RUN",
      runId: run?.run.id ?? null,
      isInProgress: quarter.code === current,
    };
  });
}
