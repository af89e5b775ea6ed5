// The staff distribution console: both staff roles read runs, their payouts and statements, the
// reconciliation and the exports; every organisation role is refused. The run read here has a
// quarter of its own and is written as calculated with nothing in it (never approved).
import { db } from "@/server/db";
import { getDistributionRun, listDistributionRuns, listQuartersWithoutRun } from "@/server/distribution/distribution-runs.queries";
import { reconcileDistributionRun } from "@/server/distribution/reconciliation";
import { exportDistributionRunCsv } from "@/server/distribution/run-exports";
import { listRunPayouts, listRunStatements } from "@/server/distribution/run-rows.queries";
import { uniquePastQuarter } from "../../factories/distribution";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

let run: Promise<string> | undefined;
const consoleRun = () =>
  (run ??= uniquePastQuarter().then(async (q) => (await db.distributionRun.create({ data: { quarter: q.code, status: "CALCULATED", calculatedAt: new Date() } })).id));

export const DISTRIBUTION_CONSOLE_MATRIX: Record<string, MatrixEntry> = {
  listDistributionRuns: { allowed: STAFF, run: (actor) => listDistributionRuns(actor) },
  getDistributionRun: { allowed: STAFF, run: async (actor) => getDistributionRun(actor, await consoleRun()) },
  listQuartersWithoutRun: { allowed: STAFF, run: (actor) => listQuartersWithoutRun(actor) },
  listRunPayouts: { allowed: STAFF, run: async (actor) => listRunPayouts(actor, await consoleRun(), { status: "FAILED" }) },
  listRunStatements: { allowed: STAFF, run: async (actor) => listRunStatements(actor, await consoleRun(), { search: "matrix" }) },
  reconcileDistributionRun: { allowed: STAFF, run: async (actor) => reconcileDistributionRun(actor, await consoleRun()) },
  exportDistributionRunCsv: { allowed: STAFF, run: async (actor) => exportDistributionRunCsv(actor, await consoleRun(), "allocations") },
};

export const DISTRIBUTION_CONSOLE_PUBLIC: Record<string, string> = {};

export const DISTRIBUTION_CONSOLE_INTERNAL = [
  // the reconciliation's body, run inside reconcileDistributionRun's snapshot (tests break rows in a rolled-back one)
  "collectReconciliationChecks", "ledgerChecks",
  // request plumbing of the export routes, which then call exportDistributionRunCsv
  "distributionRunCsvResponse",
];
