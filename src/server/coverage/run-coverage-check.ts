import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, stat, unlink } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { decideCoverage, type CoverageFacts, type CoverageReason, type PurposeCode } from "@/lib/coverage/coverage-rule";
import { csvLine, CSV_BOM } from "@/lib/works/works-csv";
import { db } from "../db";
import { pgPool } from "../pg";
import { copyField, copyRowsIn, copyRowsOut, parseCopyRow } from "../pg-copy";
import { CoverageFileError, readCoverageLines, type CoverageLine } from "./coverage-check-lines";
import { coverageStorageDir, RESULT_COLUMNS } from "./coverage-checks.schema";
import { licenseTermsOf } from "./license-terms";

// The coverage.check job (docs/decisions/013-bulk-coverage.md). Set-based, in one transaction on
// one connection: the file's lines are COPYed into a temporary table as they are read, one join
// gathers each line's facts (its work, the work's rightsholder standing, exclusion, purposes, open
// disputes), and those facts stream back out through decideCoverage, the same rule that answers
// one question at a time, into the result file. Nothing is written to the database but the check's
// own row, so a run that dies part-way is simply run again from the start; the result file appears
// (by rename) only when complete.

export type RunCoverageCheckOptions = {
  /** Called every few seconds; false means the job's lease is gone: stop. */
  keepAlive?: () => Promise<boolean>;
  /** For tests: a lower line limit than COVERAGE_CHECK_LIMITS.maxLines. */
  maxLines?: number;
};

export type RunCoverageCheckOutcome = "completed" | "failed" | "not-runnable";

const READ_CHUNK_BYTES = 256 * 1024;
const PROGRESS_EVERY_MS = 1_000;
/** Of the progress bar: reading and loading the file, then the answers written out. */
const READ_SHARE = 60;

export class LeaseLostError extends Error {}

function lineRow(l: CoverageLine): string {
  return `${l.line}\t${copyField(l.given)}\t${copyField(l.identifier?.type ?? null)}\t${copyField(l.identifier?.value ?? null)}\t${copyField(l.purpose)}\t${copyField(l.date)}\t${copyField(l.problem)}\n`;
}

// Each line's facts. A merged work answers for the work it was merged into (as a single question
// does); merged works are few, so that second lookup is by primary key for those rows only.
const FACTS_SQL = `
  WITH disputed AS (
    SELECT "workId" AS id FROM disputes WHERE status = 'OPEN'
    UNION SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL
  ), matched AS (
    SELECT l.*, COALESCE(m.id, h.id) AS work_id
      FROM coverage_lines l
      LEFT JOIN work_identifiers wi ON wi.type = l.id_type AND wi.value = l.id_value
      LEFT JOIN works h ON h.id = wi."workId"
      LEFT JOIN works m ON h.status = 'MERGED' AND m.id = h."mergedIntoId"
  )
  SELECT x.line, x.given, x.id_type, x.id_value, x.purpose, x.on_date, x.problem,
         w.status, w."createdAt"::date, CASE WHEN rp.status = 'APPROVED' THEN rp."approvedAt"::date END,
         w."excludedFrom", w.purposes, d.id IS NOT NULL, w.title, o.name
    FROM matched x
    LEFT JOIN works w ON w.id = x.work_id
    LEFT JOIN organizations o ON o.id = w."rightsholderId"
    LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
    LEFT JOIN disputed d ON d.id = w.id
   ORDER BY x.line`;

type Counts = { covered: number; notCovered: number; invalid: number; reasons: Partial<Record<CoverageReason | "INVALID", number>> };

/** One facts row → one result line (and its count). */
function answerRow(fields: (string | null)[], terms: CoverageFacts["licenseTerms"], counts: Counts): string {
  const [line, given, idType, idValue, purpose, date, problem, status, enrolledOn, approvedOn, excludedFrom, purposes, disputed, title, rightsholder] = fields;
  if (problem !== null) {
    counts.invalid++;
    counts.reasons.INVALID = (counts.reasons.INVALID ?? 0) + 1;
    return csvLine([line, given, idType, idValue, purpose, date, "no", "INVALID", problem, null, null]);
  }
  const facts: CoverageFacts = {
    licenseTerms: terms,
    work: status === null ? null : {
      status: status as "ENROLLED" | "SUSPENDED" | "MERGED",
      enrolledOn: enrolledOn!,
      rightsholderApprovedOn: approvedOn ?? null,
      excludedFrom: excludedFrom ?? null,
      purposes: purposes!.slice(1, -1).split(",").filter(Boolean) as PurposeCode[],
      hasOpenDispute: disputed === "t",
    },
  };
  const answer = decideCoverage(facts, purpose as PurposeCode, date!);
  if (answer.covered) counts.covered++;
  else counts.notCovered++;
  counts.reasons[answer.reason] = (counts.reasons[answer.reason] ?? 0) + 1;
  return csvLine([line, given, idType, idValue, purpose, date, answer.covered ? "yes" : "no", answer.reason, answer.message, title, rightsholder]);
}

export async function runCoverageCheck(checkId: string, options: RunCoverageCheckOptions = {}): Promise<RunCoverageCheckOutcome> {
  const started = await db.coverageCheck.updateMany({
    where: { id: checkId, status: { in: ["QUEUED", "PROCESSING"] } },
    data: { status: "PROCESSING", startedAt: new Date(), percent: 0 },
  });
  if (started.count === 0) return "not-runnable";
  const check = await db.coverageCheck.findUniqueOrThrow({ where: { id: checkId } });
  const terms = await licenseTermsOf(check.organizationId);
  const defaults = { purpose: check.purpose as PurposeCode, date: check.onDate.toISOString().slice(0, 10) };
  const fileSize = Number(check.fileSize);
  const resultPath = `${check.organizationId}/${check.id}.result.csv`;
  const finalFile = path.join(coverageStorageDir(), resultPath);
  const partFile = `${finalFile}.part`;

  let lastBeat = Date.now();
  const heartbeat = async (percent: number) => {
    if (Date.now() - lastBeat < PROGRESS_EVERY_MS) return;
    lastBeat = Date.now();
    if (options.keepAlive && !(await options.keepAlive())) throw new LeaseLostError("The job's lease was lost.");
    await db.coverageCheck.updateMany({ where: { id: checkId, status: "PROCESSING" }, data: { percent: Math.min(99, Math.floor(percent)) } });
  };

  const inputFile = path.join(coverageStorageDir(), check.storagePath);
  if (!(await stat(inputFile).catch(() => null))) {
    await db.coverageCheck.updateMany({
      where: { id: checkId, status: "PROCESSING" },
      data: { status: "FAILED", errorMessage: "The uploaded file is no longer in storage. Upload it again.", finishedAt: new Date() },
    });
    return "failed";
  }
  await mkdir(path.dirname(partFile), { recursive: true });
  const out = createWriteStream(partFile);
  // A write error (disk full) surfaces at "finish" below; without a listener it would crash the process.
  let writeError: Error | null = null;
  out.on("error", (error) => (writeError ??= error));
  await once(out, "open");

  const counts: Counts = { covered: 0, notCovered: 0, invalid: 0, reasons: {} };
  let lineCount = 0;
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE coverage_lines (line int NOT NULL, given text NOT NULL, id_type "IdentifierType", id_value text, purpose "Purpose", on_date date, problem text) ON COMMIT DROP`);
    const input = createReadStream(inputFile, { highWaterMark: READ_CHUNK_BYTES });
    await copyRowsIn(client, "COPY coverage_lines FROM STDIN", (async function* () {
      for await (const batch of readCoverageLines(input, defaults, options.maxLines)) {
        lineCount += batch.lines.length;
        yield batch.lines.map(lineRow).join("");
        await heartbeat(fileSize > 0 ? (batch.bytesRead / fileSize) * READ_SHARE : 0);
      }
    })());
    await client.query("ANALYZE coverage_lines");

    out.write(`${CSV_BOM}${RESULT_COLUMNS.join(",")}\r\n`);
    let written = 0;
    for await (const rows of copyRowsOut(client, `COPY (${FACTS_SQL}) TO STDOUT`)) {
      let text = "";
      for (const row of rows) text += answerRow(parseCopyRow(row), terms, counts);
      written += rows.length;
      if (!out.write(text)) await once(out, "drain");
      await heartbeat(READ_SHARE + (written / Math.max(lineCount, 1)) * (100 - READ_SHARE));
    }
    out.end();
    if (!writeError) await once(out, "finish");
    if (writeError) throw writeError;
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    out.destroy();
    await unlink(partFile).catch(() => undefined);
    if (error instanceof CoverageFileError) {
      await db.coverageCheck.updateMany({ where: { id: checkId, status: "PROCESSING" }, data: { status: "FAILED", errorMessage: error.message, finishedAt: new Date() } });
      return "failed";
    }
    throw error;
  } finally {
    client.release();
  }

  await rename(partFile, finalFile);
  await db.coverageCheck.updateMany({
    where: { id: checkId, status: "PROCESSING" },
    data: {
      status: "COMPLETED",
      percent: 100,
      lineCount,
      coveredCount: counts.covered,
      notCoveredCount: counts.notCovered,
      invalidCount: counts.invalid,
      reasonCounts: counts.reasons,
      resultPath,
      finishedAt: new Date(),
    },
  });
  return "completed";
}
