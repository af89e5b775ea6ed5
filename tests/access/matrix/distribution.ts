// Distribution runs: ADMIN creates, recalculates and approves them; ANALYST and every
// organisation role are refused (the console's reads are in distribution-console.ts). The runs
// here use a quarter of their own and are never calculated, so nothing is approved for real.
import { db } from "@/server/db";
import { approveDistributionRun } from "@/server/distribution/approve-distribution-run";
import { recalculateDistributionRun } from "@/server/distribution/recalculate-distribution-run";
import { requestDistributionRun } from "@/server/distribution/request-distribution-run";
import { uniquePastQuarter } from "../../factories/distribution";
import type { MatrixEntry } from "./types";

let quarter: Promise<string> | undefined;
const matrixQuarter = () => (quarter ??= uniquePastQuarter().then((q) => q.code));

/** A run waiting to be calculated (approving it is refused as a conflict, past the access check). */
async function pendingRun(): Promise<string> {
  const code = await matrixQuarter();
  const run = await db.distributionRun.upsert({ where: { quarter: code }, create: { quarter: code }, update: {} });
  return run.id;
}

export const DISTRIBUTION_MATRIX: Record<string, MatrixEntry> = {
  requestDistributionRun: { allowed: ["admin"], run: async (actor) => requestDistributionRun(actor, { quarter: await matrixQuarter() }) },
  recalculateDistributionRun: { allowed: ["admin"], run: async (actor) => recalculateDistributionRun(actor, { runId: await pendingRun() }) },
  approveDistributionRun: { allowed: ["admin"], run: async (actor) => approveDistributionRun(actor, { runId: await pendingRun() }) },
};

export const DISTRIBUTION_PUBLIC: Record<string, string> = {};

export const DISTRIBUTION_INTERNAL = [
  // the jobs' bodies and the steps of a calculation
  "calculateDistributionRun", "runDistributionSchedule", "ensureRunForQuarter", "enqueueCalculation",
  "grantRevenueRows", "insertGrantRevenues", "heldInFor", "runSettingsFor", "settingsSnapshotJson",
];
