import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import { pgPool } from "../pg";
import { copyField, copyRowsIn } from "../pg-copy";
import { isRejected, readUsageFile, UsageFileError, type RejectedLine, type UsageLineInput } from "./usage-lines";
import { parseQuarter } from "@/lib/usage/quarters";
import { licensedWindows } from "./eligibility-sql";
import { insertLinesSql, MATCH_STEPS, USAGE_IN_TABLE } from "./usage-matching-sql";
import { USAGE_LIMITS, usageStorageDir } from "./usage-reports.schema";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { usageReportEventData } from "../webhooks/webhook-event-data";

// The usage.process job (docs/decisions/014-usage-reports.md). In one transaction on one
// connection: the file's lines are checked as they are read, the accepted ones COPYed into a
// temporary table and the rejected ones kept (up to a limit) for the error list; one statement
// matches, sums and judges them into usage_lines (usage-matching-sql.ts); the report's counts and
// status commit with them. A run that dies part-way leaves nothing, so a retry starts from the
// file; a report replaced meanwhile is not overwritten (the last update is conditional).

export type RunUsageReportOptions = { keepAlive?: () => Promise<boolean> };
export type RunUsageReportOutcome = "processed" | "failed" | "not-runnable";

const READ_CHUNK_BYTES = 256 * 1024;
const PROGRESS_EVERY_MS = 1_000;

class ReportSuperseded extends Error {}

function lineRow(l: UsageLineInput): string {
  return `${l.line}\t${copyField(l.rawIdentifier)}\t${copyField(l.rawTitle)}\t${copyField(l.year)}\t${l.purpose}\t${l.units}\t${copyField(l.identifier?.type ?? null)}\t${copyField(l.identifier?.value ?? null)}\t${copyField(l.normalizedTitle)}\n`;
}

async function fail(reportId: string, message: string): Promise<"failed"> {
  await db.$transaction(async (tx) => {
    const [failed] = await tx.usageReport.updateManyAndReturn({ where: { id: reportId, status: "PROCESSING" }, data: { status: "FAILED", errorMessage: message, processedAt: new Date() } });
    if (failed) await emitWebhookEvent(tx, { organizationId: failed.organizationId, type: "usage_report.failed", data: usageReportEventData(failed, "FAILED") });
  });
  return "failed";
}

export async function runUsageReport(reportId: string, options: RunUsageReportOptions = {}): Promise<RunUsageReportOutcome> {
  const started = await db.usageReport.updateMany({ where: { id: reportId, status: { in: ["RECEIVED", "PROCESSING"] } }, data: { status: "PROCESSING", percent: 0, errorMessage: null } });
  if (started.count === 0) return "not-runnable";
  const report = await db.usageReport.findUniqueOrThrow({ where: { id: reportId } });
  const file = report.storagePath ? path.join(usageStorageDir(), report.storagePath) : null;
  if (!file || !(await stat(file).catch(() => null))) return fail(reportId, "The uploaded file is no longer in storage. Upload the report again.");
  const fileSize = Number(report.fileSize) || 1;

  let lastBeat = Date.now();
  const heartbeat = async (percent: number) => {
    if (Date.now() - lastBeat < PROGRESS_EVERY_MS) return;
    lastBeat = Date.now();
    if (options.keepAlive && !(await options.keepAlive())) throw new Error("The job's lease was lost.");
    await db.usageReport.updateMany({ where: { id: reportId, status: "PROCESSING" }, data: { percent: Math.min(99, Math.floor(percent)) } });
  };

  let accepted = 0;
  let rejected = 0;
  const errors: RejectedLine[] = [];
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM usage_lines WHERE "reportId" = $1`, [reportId]);
    await client.query(`DELETE FROM usage_line_errors WHERE "reportId" = $1`, [reportId]);
    await client.query(USAGE_IN_TABLE);
    await copyRowsIn(client, "COPY usage_in (line, raw_identifier, raw_title, raw_year, purpose, units, id_type, id_value, norm_title) FROM STDIN", (async function* () {
      for await (const batch of readUsageFile(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }))) {
        let rows = "";
        for (const line of batch.lines) {
          if (isRejected(line)) {
            rejected++;
            if (errors.length < USAGE_LIMITS.maxErrorRows) errors.push(line);
          } else {
            accepted++;
            rows += lineRow(line);
          }
        }
        if (rows !== "") yield rows;
        await heartbeat((batch.bytesRead / fileSize) * 60);
      }
    })());
    if (errors.length > 0) {
      await copyRowsIn(client, `COPY usage_line_errors ("reportId", "lineNumber", reason, "rawLine") FROM STDIN`, [
        errors.map((e) => `${reportId}\t${e.line}\t${copyField(e.reasons.join(" "))}\t${copyField(e.raw)}\n`).join(""),
      ]);
    }
    await client.query("ANALYZE usage_in");
    for (const [i, step] of MATCH_STEPS.entries()) {
      await client.query(step);
      await heartbeat(60 + i * 5);
    }
    const windows = await licensedWindows(report.organizationId, parseQuarter(report.quarter)!);
    const inserted = await client.query(insertLinesSql(windows), [reportId]);
    const groups = inserted.rowCount ?? 0;
    const done = await client.query(
      `UPDATE usage_reports SET status = 'PROCESSED', "totalLines" = $2, "acceptedLines" = $3, "rejectedLines" = $4, "summedLines" = $5,
              "processedLines" = $6, percent = 100, "processedAt" = now(), "errorMessage" = NULL
        WHERE id = $1 AND status = 'PROCESSING'`,
      [reportId, accepted + rejected, accepted, rejected, accepted - groups, groups],
    );
    if (done.rowCount !== 1) throw new ReportSuperseded();
    await emitWebhookEvent(client, { organizationId: report.organizationId, type: "usage_report.processed", data: usageReportEventData({ ...report, totalLines: accepted + rejected, acceptedLines: accepted, rejectedLines: rejected, summedLines: accepted - groups, errorMessage: null }, "PROCESSED") });
    await client.query("COMMIT");
    return "processed";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof ReportSuperseded) return "not-runnable";
    if (error instanceof UsageFileError) return fail(reportId, error.line === null ? error.message : `Line ${error.line}: ${error.message}`);
    throw error;
  } finally {
    client.release();
  }
}
