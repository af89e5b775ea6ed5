import "server-only";
import { z } from "zod";
import type { PayoutStatus, RunStatus } from "@/generated/prisma/enums";
import { describeQuarter, parseQuarter, previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { FINAL_RUN_STATUSES } from "./runs.schema";
import { CALCULATE_JOB } from "./ensure-run-for-quarter";
import { isUuid } from "@/lib/uuid";

// The staff console's read models of distribution runs: the list, one run with what can be done
// with it now, and the quarters a run can still be created for. Both staff roles read them;
// the `can*` flags say what ADMIN may do (the use cases decide again).

const FORBIDDEN = "Only staff can see distribution runs.";
const PAYOUT_STATUSES: PayoutStatus[] = ["PENDING", "SUBMITTED", "PAID", "FAILED"];
/** A job is about to change the run: the console refreshes itself. */
const MOVING_STATUSES: RunStatus[] = ["PENDING", "CALCULATING", "APPROVED", "PAYING"];
const RECALCULABLE: RunStatus[] = ["PENDING", "CALCULATED", "FAILED"];
const isFinal = (status: RunStatus) => (FINAL_RUN_STATUSES as readonly string[]).includes(status);

const RUN_SELECT = {
  id: true, quarter: true, status: true, recognisedCents: true, adminFeeCents: true, allocatedCents: true, heldInCents: true,
  heldOutCents: true, disputeHeldCents: true, releasedCents: true, externalCents: true, carriedInCents: true, paidCents: true,
  withheldCents: true, carriedOutCents: true, progressDone: true, progressTotal: true, progressLabel: true, calculatedAt: true,
  approvedAt: true, approvedById: true, paidAt: true, lastError: true, createdAt: true, createdById: true, settingsSnapshot: true,
} as const;

export type PayoutTally = { count: number; amountCents: bigint };
export type StatementCounts = { statements: number; paid: number; carried: number; blocked: number };

function progressOf(run: { status: RunStatus; progressDone: number; progressTotal: number; progressLabel: string | null }) {
  const percent = run.progressTotal > 0 ? Math.min(100, Math.round((run.progressDone / run.progressTotal) * 100)) : 0;
  return { done: run.progressDone, total: run.progressTotal, label: run.progressLabel, percent };
}

async function statementCountsOf(runIds: string[]): Promise<Map<string, StatementCounts>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.$queryRaw<({ runId: string } & StatementCounts)[]>`
    SELECT "runId"::text AS "runId", COUNT(*)::int AS statements, COUNT(*) FILTER (WHERE "paidCents" > 0)::int AS paid,
           COUNT(*) FILTER (WHERE "carriedOutCents" > 0)::int AS carried, COUNT(*) FILTER (WHERE "payoutBlockedReason" IS NOT NULL)::int AS blocked
      FROM statements WHERE "runId" = ANY(${runIds}::uuid[]) GROUP BY "runId"`;
  return new Map(rows.map(({ runId, ...counts }) => [runId, counts]));
}

async function payoutTalliesOf(runIds: string[]): Promise<Map<string, Record<PayoutStatus, PayoutTally>>> {
  const groups = runIds.length === 0 ? [] : await db.payout.groupBy({ by: ["runId", "status"], where: { runId: { in: runIds } }, _count: { _all: true }, _sum: { amountCents: true } });
  const tallies = new Map<string, Record<PayoutStatus, PayoutTally>>();
  for (const id of runIds) tallies.set(id, Object.fromEntries(PAYOUT_STATUSES.map((s) => [s, { count: 0, amountCents: 0n }])) as Record<PayoutStatus, PayoutTally>);
  for (const g of groups) tallies.get(g.runId)![g.status] = { count: g._count._all, amountCents: g._sum.amountCents ?? 0n };
  return tallies;
}

const NO_STATEMENTS: StatementCounts = { statements: 0, paid: 0, carried: 0, blocked: 0 };

/** Every run, newest quarter first, with its totals, progress and counts. */
export async function listDistributionRuns(actor: Actor | null) {
  authorize(can.readDistributionRuns(actor), FORBIDDEN);
  const runs = await db.distributionRun.findMany({ orderBy: { quarter: "desc" }, select: RUN_SELECT });
  const ids = runs.map((r) => r.id);
  const [statements, payouts] = await Promise.all([statementCountsOf(ids), payoutTalliesOf(ids)]);
  return runs.map((run) => ({
    id: run.id, quarter: run.quarter, status: run.status, recognisedCents: run.recognisedCents, adminFeeCents: run.adminFeeCents,
    allocatedCents: run.allocatedCents, paidCents: run.paidCents, calculatedAt: run.calculatedAt, approvedAt: run.approvedAt,
    progress: progressOf(run), isMoving: MOVING_STATUSES.includes(run.status),
    counts: statements.get(run.id) ?? NO_STATEMENTS, payouts: payouts.get(run.id)!,
  }));
}

export type DistributionRunListItem = Awaited<ReturnType<typeof listDistributionRuns>>[number];

const cents = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    return BigInt(v);
  } catch {
    ctx.addIssue({ code: "custom", message: "not whole cents" });
    return z.NEVER;
  }
});
const ZSettingsSnapshot = z.object({
  adminFeeBps: z.number(), thresholdCents: cents, yearEndThresholdCents: cents, financialYearEndMonth: z.number(),
  domesticWithholdingBps: z.number(), foreignWithholdingBps: z.number(), isYearEnd: z.boolean(), thresholdAppliedCents: cents,
});
export type RunSettingsSnapshot = z.output<typeof ZSettingsSnapshot>;

/**
 * Why ADMIN could not approve the run now, or null when it can be: only a calculated run, never
 * one earlier than an approved run, and not when an earlier run was approved after this one was
 * calculated (its carried balances and held pool would be stale: recalculate first).
 */
async function approvalBlocker(run: { id: string; quarter: string; status: RunStatus; calculatedAt: Date | null }): Promise<string | null> {
  if (run.status !== "CALCULATED") return isFinal(run.status) ? "This run is approved already." : "Only a calculated run can be approved.";
  const later = await db.distributionRun.findFirst({ where: { quarter: { gt: run.quarter }, status: { in: [...FINAL_RUN_STATUSES] } }, orderBy: { quarter: "asc" }, select: { quarter: true } });
  if (later) return `The ${later.quarter} run is approved already, so this earlier quarter can no longer be approved.`;
  const stale = await db.distributionRun.findFirst({
    where: { quarter: { lt: run.quarter }, status: { in: [...FINAL_RUN_STATUSES] }, approvedAt: { gt: run.calculatedAt ?? new Date(0) } },
    orderBy: { quarter: "desc" }, select: { quarter: true },
  });
  if (stale) return `The ${stale.quarter} run was approved after this one was calculated: recalculate this run so it takes that run's carried balances and held pool, then approve it.`;
  return null;
}

/**
 * CALCULATING with no calculation job that will finish it (queued, under a live lease, or with
 * attempts left): its worker died during the last attempt. Staff recalculate it
 * (`recalculateDistributionRun` releases it the same way).
 */
async function isCalculationStranded(runId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ live: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM jobs WHERE "singletonKey" = ${`${CALCULATE_JOB}:${runId}`}
                      AND (status = 'QUEUED' OR (status = 'RUNNING' AND ("lockedUntil" >= now() OR attempts < "maxAttempts")))) AS live`;
  return !row?.live;
}

/** One run with its settings, totals, progress, payouts by status, who approved it, and what can be done now. */
export async function getDistributionRun(actor: Actor | null, runId: string) {
  authorize(can.readDistributionRuns(actor), FORBIDDEN);
  const run = isUuid(runId) ? await db.distributionRun.findUnique({ where: { id: runId }, select: RUN_SELECT }) : null;
  if (!run) throw notFound("That distribution run");
  const people = [run.approvedById, run.createdById].filter((id): id is string => id !== null);
  const [statements, payouts, externalShares, users, blocker, isStranded] = await Promise.all([
    statementCountsOf([run.id]),
    payoutTalliesOf([run.id]),
    db.externalPayeeShare.count({ where: { runId: run.id } }),
    people.length > 0 ? db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }) : [],
    approvalBlocker(run),
    run.status === "CALCULATING" ? isCalculationStranded(run.id) : false,
  ]);
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? "Staff") : null);
  const isAdministrator = can.manageDistributionRuns(actor);
  const { settingsSnapshot, approvedById, createdById, ...figures } = run;
  const snapshot = ZSettingsSnapshot.safeParse(settingsSnapshot);
  return {
    ...figures,
    quarterLabel: describeQuarter(parseQuarter(run.quarter)!),
    settings: snapshot.success ? snapshot.data : null,
    progress: progressOf(run),
    isMoving: MOVING_STATUSES.includes(run.status),
    isCalculated: run.status === "CALCULATED" || isFinal(run.status),
    isFinal: isFinal(run.status),
    approvedBy: nameOf(approvedById),
    createdBy: nameOf(createdById),
    counts: statements.get(run.id) ?? NO_STATEMENTS,
    payouts: payouts.get(run.id)!,
    externalShares,
    approveBlockedReason: blocker,
    canApprove: isAdministrator && blocker === null,
    isStranded,
    canRecalculate: isAdministrator && (RECALCULABLE.includes(run.status) || isStranded),
  };
}

export type DistributionRunView = Awaited<ReturnType<typeof getDistributionRun>>;

function nextQuarter(quarter: Quarter): Quarter {
  return parseQuarter(quarter.q === 4 ? `${quarter.year + 1}Q1` : `${quarter.year}Q${quarter.q + 1}`)!;
}

/**
 * The closed quarters without a run, newest first, for the "calculate a run" form: from the
 * quarter of the first grant's start (nothing was recognised before it) to the last closed one.
 */
export async function listQuartersWithoutRun(actor: Actor | null, today = todayUtc()) {
  authorize(can.readDistributionRuns(actor), FORBIDDEN);
  const [first, runs] = await Promise.all([
    db.licenseGrant.aggregate({ where: { startsOn: { not: null } }, _min: { startsOn: true } }),
    db.distributionRun.findMany({ select: { quarter: true } }),
  ]);
  const firstStart = first._min.startsOn;
  if (!firstStart) return [];
  const taken = new Set(runs.map((r) => r.quarter));
  const last = previousQuarter(quarterOf(today));
  const quarters: { code: string; label: string }[] = [];
  for (let q = quarterOf(firstStart.toISOString().slice(0, 10)); q.code <= last.code; q = nextQuarter(q)) {
    if (!taken.has(q.code)) quarters.push({ code: q.code, label: describeQuarter(q) });
  }
  return quarters.reverse();
}
