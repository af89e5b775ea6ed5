import "server-only";
import { randomUUID } from "node:crypto";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Prisma } from "@/generated/prisma/client";
import { parseQuarter, quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { csvLine } from "@/lib/works/works-csv";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, validation } from "../errors";
import { detectFormat, storeUpload, UploadTooLargeError } from "../imports/stored-upload";
import { enqueueJob } from "../jobs/queue";
import { USAGE_COLUMN_NAMES, USAGE_JOB, USAGE_JOB_ATTEMPTS, USAGE_LIMITS, usageJobKey, usageStorageDir, ZUsageJsonBody, ZUsageJsonLine } from "./usage-reports.schema";

export type StartedUsageReport = { id: string; quarter: string; isAdjustment: boolean; replacesId: string | null };

const FORBIDDEN = "Only this licensee's members and its usage:write API keys can report its usage.";
const MAX_NAMED_LINES = 20;

/** The quarter reported: a real one, already begun. */
function checkQuarter(raw: unknown): string {
  const quarter = typeof raw === "string" ? parseQuarter(raw) : null;
  if (!quarter) throw validation('Give the quarter as YYYYQn, e.g. "2026Q3".', { quarter: ['Use a quarter such as "2026Q3".'] });
  if (quarter.startsOn > quarterOf(todayUtc()).startsOn) throw validation(`${quarter.code} has not begun yet.`, { quarter: [`${quarter.code} has not begun yet: report a quarter once it has started.`] });
  return quarter.code;
}

/**
 * A licensee reports a quarter by uploading a CSV file: streamed to storage (never held in memory),
 * then the report and its job are created. A report replaces the quarter's current one until that
 * quarter's distribution is approved; after that the quarter is locked and a new report is an
 * adjustment for the next run. A refusal leaves nothing behind.
 */
export async function startUsageReport(
  actor: Actor | null,
  input: { organizationId: string; quarter: unknown; fileName: string; body: AsyncIterable<Uint8Array> | null; declaredSize: number | null },
): Promise<StartedUsageReport> {
  authorize(can.reportUsage(actor, input.organizationId), FORBIDDEN);
  const quarter = checkQuarter(input.quarter);
  if (input.declaredSize !== null && input.declaredSize > USAGE_LIMITS.maxFileBytes) throw new UploadTooLargeError(USAGE_LIMITS.maxFileBytes);
  if (!input.body || input.declaredSize === 0) throw validation("The file is empty.", { file: ["The file is empty: it needs a header row and a line per work used."] });
  const fileName = (input.fileName.split(/[\\/]/).at(-1) ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "usage.csv";
  const id = randomUUID();
  const storagePath = `${input.organizationId}/${id}.csv`;
  const filePath = path.join(usageStorageDir(), storagePath);
  const stored = await storeUpload(input.body, filePath, USAGE_LIMITS.maxFileBytes);
  try {
    if (input.declaredSize !== null && stored.size !== input.declaredSize) throw validation("The upload was cut off before the end of the file. Try again.", { file: ["The upload was incomplete."] });
    if (stored.size === 0) throw validation("The file is empty.", { file: ["The file is empty: it needs a header row and a line per work used."] });
    if (detectFormat(fileName, stored.head) !== "CSV") throw validation("This looks like an XML file. Upload the report as CSV (download the template).", { file: ["Not a CSV file."] });
    return await createReport(actor, { id, organizationId: input.organizationId, quarter, source: "FILE", fileName, storagePath, fileSize: stored.size });
  } catch (error) {
    await unlink(filePath).catch(() => undefined);
    throw error;
  }
}

/** POST /api/v1/usage-reports: `{quarter, lines: [...]}`, written as the same CSV a person uploads. */
export async function startUsageReportFromJson(actor: Actor | null, input: { organizationId: string; body: unknown }): Promise<StartedUsageReport> {
  authorize(can.reportUsage(actor, input.organizationId), FORBIDDEN);
  const parsed = ZUsageJsonBody.safeParse(input.body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "body")] ??= []).push(issue.message);
    // Say what is wrong with the quarter too, so one answer lists everything to fix.
    const body = input.body as { quarter?: unknown } | null;
    if (!fieldErrors.quarter) {
      try {
        checkQuarter(body?.quarter);
      } catch (error) {
        if (error instanceof AppError && error.fieldErrors?.quarter) fieldErrors.quarter = error.fieldErrors.quarter;
      }
    }
    throw validation("Check the body: quarter and lines.", fieldErrors);
  }
  const quarter = checkQuarter(parsed.data.quarter);
  // A line that is not an object of strings and numbers is a malformed request (422 naming it);
  // what its values say (an unknown purpose, zero units…) is judged per line by the job, as in a file.
  // The first few malformed lines are named; a body of 100,000 of them gets one sentence for the rest.
  const shapeErrors: Record<string, string[]> = {};
  let malformed = 0;
  const lines = parsed.data.lines.map((raw, index) => {
    const line = ZUsageJsonLine.safeParse(raw);
    if (!line.success && ++malformed <= MAX_NAMED_LINES) shapeErrors[`lines[${index}]`] = ["Each line is an object: {identifier?, title?, year?, purpose, units} with strings or numbers."];
    return line.success ? line.data : null;
  });
  if (malformed > MAX_NAMED_LINES) shapeErrors.lines = [`${(malformed - MAX_NAMED_LINES).toLocaleString("en-GB")} more lines are not shaped as a usage line either.`];
  if (Object.keys(shapeErrors).length > 0) throw validation("Some lines are not shaped as a usage line.", shapeErrors);
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const rows = lines.map((l) => csvLine([text(l!.identifier), text(l!.title), text(l!.year), text(l!.purpose), text(l!.units)]));
  const id = randomUUID();
  const storagePath = `${input.organizationId}/${id}.csv`;
  const filePath = path.join(usageStorageDir(), storagePath);
  const stored = await storeUpload(Readable.from([Buffer.from(`${USAGE_COLUMN_NAMES.join(",")}\r\n${rows.join("")}`, "utf8")]), filePath, USAGE_LIMITS.maxFileBytes);
  try {
    return await createReport(actor, { id, organizationId: input.organizationId, quarter, source: "API", fileName: null, storagePath, fileSize: stored.size });
  } catch (error) {
    await unlink(filePath).catch(() => undefined);
    throw error;
  }
}

type NewReport = { id: string; organizationId: string; quarter: string; source: "FILE" | "API"; fileName: string | null; storagePath: string; fileSize: number };

async function createReport(actor: Actor | null, report: NewReport): Promise<StartedUsageReport> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.usageReport.findFirst({
        where: { organizationId: report.organizationId, quarter: report.quarter, status: { not: "REPLACED" }, isAdjustment: false },
        select: { id: true, lockedAt: true },
      });
      const run = await tx.distributionRun.findUnique({ where: { quarter: report.quarter }, select: { status: true } });
      const isLocked = current?.lockedAt != null || (run !== null && ["APPROVED", "PAYING", "PAID"].includes(run.status));
      const replaces = !isLocked && current ? current.id : null;
      if (replaces) {
        const moved = await tx.usageReport.updateMany({ where: { id: replaces, status: { not: "REPLACED" }, lockedAt: null }, data: { status: "REPLACED" } });
        if (moved.count !== 1) throw new AppError("CONFLICT", "Another report for this quarter arrived at the same moment. Reload and try again.");
      }
      const actorIds = actor?.type === "user" ? { submittedById: actor.userId } : {};
      await tx.usageReport.create({
        data: { id: report.id, organizationId: report.organizationId, quarter: report.quarter, source: report.source, fileName: report.fileName, storagePath: report.storagePath, fileSize: BigInt(report.fileSize), isAdjustment: isLocked, ...actorIds },
      });
      if (replaces) await tx.usageReport.update({ where: { id: replaces }, data: { replacedById: report.id } });
      await enqueueJob(tx, USAGE_JOB, { reportId: report.id }, { singletonKey: usageJobKey(report.id), maxAttempts: USAGE_JOB_ATTEMPTS });
      await writeAudit(tx, actor, {
        action: "usage-report.submitted",
        entityType: "UsageReport",
        entityId: report.id,
        organizationId: report.organizationId,
        after: { quarter: report.quarter, source: report.source, fileName: report.fileName, isAdjustment: isLocked, replaces },
      });
      return { id: report.id, quarter: report.quarter, isAdjustment: isLocked, replacesId: replaces };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Another report for this quarter arrived at the same moment. Reload and try again.");
    }
    throw error;
  }
}
