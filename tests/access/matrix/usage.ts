// Usage reports: a licensee's members (and its usage keys, tests/integration/usage-reports-api.test.ts)
// report and read them; staff read every licensee's. The staff queue is in usage-queue.ts.
import { db } from "@/server/db";
import { startUsageReport, startUsageReportFromJson } from "@/server/usage/start-usage-report";
import { usageReportV1 } from "@/server/usage/usage-reports-v1";
import { getUsageReport, listUsageLineErrors, listUsageReportLines, listUsageReports } from "@/server/usage/usage-reports.queries";
import { bytesOf, setUpTempImportStorage } from "../../factories/imports";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

setUpTempImportStorage();

const MEMBERS: ActorKey[] = ["licenseeOwner", "licenseeMember"];
const READERS: ActorKey[] = [...MEMBERS, ...STAFF];
const CSV = "identifier,title,year,purpose,units\n9780306406157,,,TRAIN,10\n";

/** A processed report of the world's licensee, made directly (the job is tested elsewhere). */
async function existingReport(w: World): Promise<string> {
  const report = await db.usageReport.create({
    data: { organizationId: w.licensee.organization.id, quarter: "2025Q1", source: "API", status: "PROCESSED", isAdjustment: true, errors: { create: [{ lineNumber: 3, reason: "units: give a whole number above 0." }] } },
  });
  return report.id;
}

export const USAGE_MATRIX: Record<string, MatrixEntry> = {
  startUsageReport: {
    allowed: MEMBERS,
    run: (actor, w) => startUsageReport(actor, { organizationId: w.licensee.organization.id, quarter: "2026Q1", fileName: "u.csv", body: bytesOf(CSV), declaredSize: CSV.length }),
  },
  startUsageReportFromJson: {
    allowed: MEMBERS,
    run: (actor, w) => startUsageReportFromJson(actor, { organizationId: w.licensee.organization.id, body: { quarter: "2026Q2", lines: [{ identifier: "9780306406157", purpose: "TRAIN", units: 1 }] } }),
  },
  listUsageReports: { allowed: READERS, run: (actor, w) => listUsageReports(actor, w.licensee.organization.id) },
  getUsageReport: { allowed: READERS, run: async (actor, w) => getUsageReport(actor, { organizationId: w.licensee.organization.id, reportId: await existingReport(w) }) },
  listUsageReportLines: { allowed: READERS, run: async (actor, w) => listUsageReportLines(actor, { organizationId: w.licensee.organization.id, reportId: await existingReport(w) }) },
  listUsageLineErrors: { allowed: READERS, run: async (actor, w) => listUsageLineErrors(actor, { organizationId: w.licensee.organization.id, reportId: await existingReport(w) }) },
  usageReportV1: { allowed: READERS, run: async (actor, w) => usageReportV1(actor, { organizationId: w.licensee.organization.id, reportId: await existingReport(w), query: new URLSearchParams() }) },
};

export const USAGE_PUBLIC: Record<string, string> = {};

export const USAGE_INTERNAL = [
  // eligibility as SQL: called inside use cases and the usage job
  "recomputeEligibility", "ineligibleReasonSql", "licensedWindows", "insertLinesSql",
  // the usage.process job and its parts: run by the worker for a report a member submitted
  "runUsageReport", "readUsageFile", "readUsageRecord", "readUsageFields", "usageStorageDir", "usageTemplateCsv",
  // request plumbing of the browser routes, which then call the use cases above
  "uploadUsageReportResponse", "usageReportProgressResponse", "usageErrorsCsvResponse",
];
