import "server-only";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { grantRevenueRows } from "../distribution/grant-revenue-rows";
import { runSettingsFor } from "../distribution/run-settings";
import { pgPool } from "../pg";
import { VISIBLE_RUN_STATUSES } from "./statements.schema";

const VISIBLE_RUN = { in: [...VISIBLE_RUN_STATUSES] };

/** Net revenue (recognised less the admin fee, per grant) the grants will recognise in the quarter, by the run's own rule. */
async function quarterNetRevenue(quarter: Quarter, adminFeeBps: number): Promise<bigint> {
  const client = await pgPool().connect();
  try {
    const rows = await grantRevenueRows(client, quarter, adminFeeBps);
    return rows.reduce((sum, row) => sum + row.net, 0n);
  } finally {
    client.release();
  }
}

/**
 * An ESTIMATE of the rightsholder's payout for the quarter in progress, and where it stands
 * against the threshold that quarter will apply. Balance now: the carried-out balance of its
 * latest approved statement. Estimate: its share of the last approved run's allocations (its
 * statement's allocated over the run's allocated) times the net revenue the grants in force this
 * quarter will recognise in it (recognised less the admin fee in force). Usage decides the real
 * split, so the page labels this as an estimate. `today` (YYYY-MM-DD) is for tests.
 */
export async function projectedPayout(actor: Actor | null, organizationId: string, options: { today?: string } = {}) {
  authorize(can.readStatements(actor, organizationId), "Only this rightsholder's members and staff can see its statements.");
  const quarter = quarterOf(options.today ?? todayUtc());
  const [latestStatement, lastRun, settings] = await Promise.all([
    db.statement.findFirst({
      where: { rightsholderId: organizationId, run: { status: VISIBLE_RUN, quarter: { lt: quarter.code } } },
      orderBy: { run: { quarter: "desc" } },
      select: { carriedOutCents: true, run: { select: { quarter: true } } },
    }),
    db.distributionRun.findFirst({
      where: { status: VISIBLE_RUN, quarter: { lt: quarter.code } },
      orderBy: { quarter: "desc" },
      select: { quarter: true, allocatedCents: true, statements: { where: { rightsholderId: organizationId }, select: { allocatedCents: true } } },
    }),
    runSettingsFor(quarter),
  ]);
  const ownAllocated = lastRun?.statements[0]?.allocatedCents ?? 0n;
  const estimateCents = lastRun && lastRun.allocatedCents > 0n && ownAllocated > 0n
    ? ((await quarterNetRevenue(quarter, settings.adminFeeBps)) * ownAllocated) / lastRun.allocatedCents
    : 0n;
  const carriedCents = latestStatement?.carriedOutCents ?? 0n;
  const projectedBalanceCents = carriedCents + estimateCents;
  const thresholdCents = settings.thresholdAppliedCents;
  const shortfall = (balance: bigint) => (balance >= thresholdCents ? 0n : thresholdCents - balance);
  return {
    quarter: quarter.code,
    carriedCents,
    carriedFromQuarter: latestStatement?.run.quarter ?? null,
    estimateCents,
    /** The run the share was taken from; null before any approved run. */
    basedOnQuarter: lastRun?.quarter ?? null,
    projectedBalanceCents,
    thresholdCents,
    isYearEnd: settings.isYearEnd,
    carriedShortfallCents: shortfall(carriedCents),
    projectedShortfallCents: shortfall(projectedBalanceCents),
    wouldBePaid: projectedBalanceCents > 0n && projectedBalanceCents >= thresholdCents,
    /** The quarter just ended has no approved run yet: its royalties are not in the balance. */
    isPreviousQuarterPending: lastRun?.quarter !== previousQuarter(quarter).code,
  };
}

export type ProjectedPayout = Awaited<ReturnType<typeof projectedPayout>>;
