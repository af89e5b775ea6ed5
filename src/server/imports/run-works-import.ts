import "server-only";
import { createReadStream } from "node:fs";
import { access, unlink } from "node:fs/promises";
import path from "node:path";
import { parseWork, todayUtc, type WorkDraft, type WorkFieldErrors } from "@/lib/works/work-input";
import { SYSTEM, type Actor } from "../auth/actor";
import { db } from "../db";
import { withPgTransaction, type PgClient } from "../pg";
import { describeIdentifier, mergeWorks } from "../works/merge-works";
import { readCsvRows } from "./csv-rows";
import { FirstOccurrence } from "./first-occurrence";
import { finishWorksImport } from "./finish-works-import";
import { ImportFileError, type ImportRow, type ImportRowSource } from "./import-rows";
import { IMPORT_LIMITS, importStorageDir } from "./imports.schema";
import { readOnixRows } from "./onix-rows";

// The works.import job (docs/decisions/007-works-import-pipeline.md). It reads the stored file
// from the start, and commits it in batches: each batch's works, its error rows, the counts,
// processedRows and bytesProcessed in ONE transaction that first moves processedRows from the
// value this run expects to the next, so a second worker on the same import cannot apply a
// batch twice. After a crash, the next run parses the rows before processedRows again (to rebuild
// what it needs to know about them) without writing them, and goes on from there. A finished
// import is never run again.

export type RunImportOptions = {
  /** Called after each committed batch; false means the job's lease is gone: stop. */
  keepAlive?: () => Promise<boolean>;
  batchRows?: number;
  /** For tests: stop after this many committed batches, as a crash would. */
  stopAfterBatches?: number;
  today?: string;
};

export type RunImportOutcome = "completed" | "failed" | "not-runnable" | "stopped";

/** A row after parseWork and the in-file repeat check: a work to merge, or its reasons. */
type PreparedRow = { line: number; raw: string; bytesRead: number; work: WorkDraft | null; reasons: string[] };

const COLUMN_OF: Record<string, string> = { publicationYear: "publication_year", excludedFrom: "excluded_from" };

const NO_IDENTIFIER = /^Give at least one identifier/;

function fieldReasons(errors: WorkFieldErrors, format: "CSV" | "ONIX"): string[] {
  return Object.entries(errors).flatMap(([field, messages = []]) => {
    // "Give at least one identifier" says nothing more when the identifiers given are each explained.
    const useful = messages.length > 1 ? messages.filter((m) => !NO_IDENTIFIER.test(m)) : messages;
    return useful.map((message) => `${format === "CSV" ? (COLUMN_OF[field] ?? field) : field}: ${message}`);
  });
}

function prepare(row: ImportRow, format: "CSV" | "ONIX", seen: FirstOccurrence): PreparedRow {
  const base = { line: row.line, raw: row.raw, bytesRead: row.bytesRead };
  if (!row.ok) return { ...base, work: null, reasons: row.reasons };
  const parsed = parseWork(row.work);
  if (!parsed.ok) return { ...base, work: null, reasons: fieldReasons(parsed.errors, format) };
  for (const identifier of parsed.work.identifiers) {
    const first = seen.firstLine(`${identifier.type}:${identifier.value}`, row.line);
    if (first !== row.line) {
      return { ...base, work: null, reasons: [`${describeIdentifier(identifier)} is also on line ${first}; give each work one row.`] };
    }
  }
  return { ...base, work: parsed.work, reasons: [] };
}

class BatchConflict extends Error {}

/**
 * A batch's writes run before its claim on processedRows, so a second worker on the same import
 * writing the same rows meets this one's identifiers in the unique index (or a deadlock) rather
 * than a failed claim. When processedRows has moved past what this batch expected, that is what
 * happened: the batch is another worker's, and this run starts over from what is committed.
 */
async function asConflictIfOvertaken(error: unknown, importId: string, expected: number): Promise<never> {
  const code = (error as { code?: string }).code;
  if (code === "23505" || code === "40P01") {
    const row = await db.worksImport.findUnique({ where: { id: importId }, select: { processedRows: true, status: true } });
    if (!row || row.processedRows !== expected || row.status !== "PROCESSING") throw new BatchConflict();
  }
  throw error;
}

/** Batches in the database at once: two keep both cores of a small server busy. */
const COMMITS_IN_FLIGHT = 2;

/** Small reads keep few rows alive at once (the young heap stays small, and so do GC pauses). */
const READ_CHUNK_BYTES = 64 * 1024;

type ImportRecord = NonNullable<Awaited<ReturnType<typeof loadImport>>>;

function loadImport(importId: string) {
  return db.worksImport.findUnique({
    where: { id: importId },
    select: {
      id: true,
      organizationId: true,
      format: true,
      fileName: true,
      storagePath: true,
      status: true,
      fileSize: true,
      processedRows: true,
      createdById: true,
      startedAt: true,
      _count: { select: { errors: true } },
    },
  });
}

/** The uploader, as the actor the audit trail names for every work the file changes. */
async function uploaderActor(userId: string | null): Promise<Actor> {
  if (!userId) return SYSTEM;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  if (!user) return SYSTEM;
  return { type: "user", userId: user.id, email: user.email, name: user.name, staffRole: null, memberships: [], ip: null };
}

function openRows(record: ImportRecord, filePath: string): ImportRowSource {
  const stream = createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES });
  return record.format === "CSV" ? readCsvRows(stream) : readOnixRows(stream);
}

async function commitBatch(
  client: PgClient,
  context: { record: ImportRecord; actor: Actor; today: string; errorRowsLeft: { value: number } },
  batch: PreparedRow[],
  expected: number,
  /** The commit of the batch before this one, when it is still in flight. */
  previous: Promise<void> | null,
): Promise<void> {
  const { record } = context;
  const last = batch.at(-1)!;
  const mergeable = batch.filter((row) => row.work !== null);
  const results = mergeable.length === 0 ? [] : await mergeWorks(client, {
    organizationId: record.organizationId,
    actor: context.actor,
    source: { kind: "import", importId: record.id, fileName: record.fileName },
    rows: mergeable.map((row) => ({ ref: row.line, work: row.work! })),
    today: context.today,
  });
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: batch.length - mergeable.length, disputed: 0 };
  const notes = new Map<number, string[]>();
  for (const row of batch) if (row.work === null) notes.set(row.line, row.reasons);
  for (const result of results) {
    counts[result.outcome]++;
    if (result.outcome === "rejected") notes.set(result.ref, result.reasons);
    if (result.disputed.length > 0) {
      counts.disputed++;
      notes.set(result.ref, [
        `Enrolled, but ${result.disputed.map(describeIdentifier).join(", ")} ${result.disputed.length === 1 ? "is" : "are"} held by another rightsholder: a dispute was opened for staff, and the identifier stays with the other work until it is resolved.`,
      ]);
    }
  }

  const rawByLine = new Map(batch.map((row) => [row.line, row.raw]));
  const errors: { line: number; reason: string; raw: string }[] = [];
  for (const [line, reasons] of notes) {
    for (const reason of reasons.slice(0, 5)) {
      if (context.errorRowsLeft.value <= 0) break;
      errors.push({ line, reason: clean(reason).slice(0, 2000), raw: clean(rawByLine.get(line) ?? "") });
      context.errorRowsLeft.value--;
    }
  }
  if (errors.length > 0) {
    await client.query(
      `INSERT INTO import_errors ("importId", "lineNumber", reason, "rawLine")
       SELECT $1::uuid, u.line, u.reason, u.raw FROM unnest($2::int[], $3::text[], $4::text[]) AS u(line, reason, raw)
       ON CONFLICT ("importId", "lineNumber", reason) DO NOTHING`,
      [record.id, errors.map((e) => e.line), errors.map((e) => e.reason), errors.map((e) => e.raw)],
    );
  }
  // The claim comes last, once the batch before this one has committed: batches do their heavy
  // work side by side and still commit strictly in file order. If the one before failed, this one
  // rolls back too (processedRows would not be what it expects anyway).
  if (previous) await previous.catch(() => Promise.reject(new BatchConflict()));
  const claimed = await client.query(
    `UPDATE works_imports SET "processedRows" = $2, "bytesProcessed" = LEAST($3::bigint, "fileSize"),
            "createdCount" = "createdCount" + $5, "updatedCount" = "updatedCount" + $6, "unchangedCount" = "unchangedCount" + $7,
            "rejectedCount" = "rejectedCount" + $8, "disputedCount" = "disputedCount" + $9
      WHERE id = $1 AND "processedRows" = $4 AND status = 'PROCESSING'`,
    [record.id, expected + batch.length, last.bytesRead, expected, counts.created, counts.updated, counts.unchanged, counts.rejected, counts.disputed],
  );
  if (claimed.rowCount !== 1) throw new BatchConflict();
}

/** PostgreSQL text cannot hold NUL; the rest is kept as read. */
function clean(value: string): string {
  return value.includes("\u0000") ? value.replace(/\u0000/g, "\uFFFD") : value;
}

/** Processes (or resumes) one import. Safe to call any number of times, from any number of workers. */
export async function runWorksImport(importId: string, options: RunImportOptions = {}): Promise<RunImportOutcome> {
  const batchRows = options.batchRows ?? IMPORT_LIMITS.batchRows;
  const today = options.today ?? todayUtc();
  for (let pass = 0; pass < 5; pass++) {
    const record = await loadImport(importId);
    if (!record || record.status === "COMPLETED" || record.status === "FAILED" || record.status === "UPLOADING") return "not-runnable";
    await db.worksImport.updateMany({
      where: { id: importId, status: { in: ["QUEUED", "PROCESSING"] } },
      data: { status: "PROCESSING", startedAt: record.startedAt ?? new Date() },
    });

    const filePath = path.join(importStorageDir(), record.storagePath);
    if (!(await access(filePath).then(() => true, () => false))) {
      await finishWorksImport(record.id, {
        processedRows: record.processedRows,
        failure: { line: null, message: "The uploaded file is no longer on the server; upload it again." },
      });
      return "failed";
    }

    const context = {
      record,
      actor: await uploaderActor(record.createdById),
      today,
      errorRowsLeft: { value: IMPORT_LIMITS.maxErrorRows - record._count.errors },
    };
    const seen = new FirstOccurrence();
    let committed = record.processedRows;
    /** processedRows once every batch started so far has committed: the next batch's expectation. */
    let planned = record.processedRows;
    let consumed = 0;
    let batches = 0;
    let batch: PreparedRow[] = [];
    // Batches are written while the next ones are read and checked, and up to COMMITS_IN_FLIGHT
    // of them run in the database at once (one connection each), so this process and PostgreSQL's
    // backends work side by side. They still commit in file order (see commitBatch). Batches
    // never share an identifier (a repeat is rejected by `seen`), so none depends on another's rows.
    const inFlight: Promise<void>[] = [];
    /** Waits until at most `keep` commits are in flight; the first failure is thrown. */
    const settle = async (keep = 0) => {
      while (inFlight.length > keep) await inFlight.shift();
    };
    /** After a failure or a stop: lets every commit still in flight end, whatever its outcome. */
    const drain = async () => {
      await Promise.allSettled(inFlight.splice(0));
    };
    const startCommit = () => {
      const rows = batch;
      const expected = planned;
      planned += rows.length;
      batch = [];
      const previous = inFlight.at(-1) ?? null;
      const pending = withPgTransaction((client) => commitBatch(client, context, rows, expected, previous))
        .catch((error: unknown) => asConflictIfOvertaken(error, record.id, expected))
        .then(() => {
          committed += rows.length;
          batches++;
        });
      pending.catch(() => undefined); // awaited by settle(); this only keeps it from counting as unhandled
      inFlight.push(pending);
    };

    let failure: { line: number | null; message: string } | null = null;
    try {
      try {
        for await (const rows of openRows(record, filePath)) {
          for (const row of rows) {
            consumed++;
            const prepared = prepare(row, record.format, seen);
            if (consumed <= record.processedRows) {
              // Committed by an earlier run: only re-read (a long catch-up still renews the lease).
              if (consumed % 20_000 === 0 && options.keepAlive && !(await options.keepAlive())) return "stopped";
              continue;
            }
            batch.push(prepared);
            if (batch.length < batchRows) continue;
            if (options.stopAfterBatches !== undefined) await settle();
            else await settle(COMMITS_IN_FLIGHT - 1);
            if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) return "stopped";
            if (batches > 0 && options.keepAlive && !(await options.keepAlive())) {
              await drain();
              return "stopped";
            }
            startCommit();
          }
        }
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        failure = { line: error.line, message: error.message };
      }
      await settle();
      if (batch.length > 0) {
        startCommit();
        await settle();
      }
    } catch (error) {
      await drain();
      if (error instanceof BatchConflict) continue; // another worker moved on: start over from its processedRows
      // The file went away while this run read it: another worker finished the import (and
      // removed it) meanwhile, or it was lost; the next pass tells which.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    if (consumed < record.processedRows && !failure) {
      failure = { line: null, message: "The file has fewer rows than were already imported from it; was it changed on the server?" };
    }
    const finished = await finishWorksImport(record.id, { processedRows: committed, failure });
    if (finished) await unlink(filePath).catch(() => undefined);
    return failure ? "failed" : "completed";
  }
  return "stopped";
}
