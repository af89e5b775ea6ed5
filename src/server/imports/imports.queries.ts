import "server-only";
import type { ImportFormat, ImportStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { importJobKey } from "./imports.schema";
import { isUuid } from "@/lib/uuid";

// Read models of an organisation's works imports, for its members and staff. Every query carries
// the organisation in `where`: another organisation's import id is "not found".

export type ImportCounts = { created: number; updated: number; unchanged: number; rejected: number; disputed: number };

export type WorksImportSummary = {
  id: string;
  fileName: string;
  format: ImportFormat;
  status: ImportStatus;
  /** True while the import is queued or being processed. */
  isActive: boolean;
  fileSize: number;
  bytesProcessed: number;
  /** 0–100, from the bytes read: rows are only counted once they are all read. */
  percent: number;
  processedRows: number;
  counts: ImportCounts;
  errorMessage: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdByName: string | null;
};

const SUMMARY_SELECT = {
  id: true,
  fileName: true,
  format: true,
  status: true,
  fileSize: true,
  bytesProcessed: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  rejectedCount: true,
  disputedCount: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdById: true,
} as const;

type SummaryRow = {
  id: string;
  fileName: string;
  format: ImportFormat;
  status: ImportStatus;
  fileSize: bigint;
  bytesProcessed: bigint;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  disputedCount: number;
  errorMessage: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdById: string | null;
};


function requireImportId(importId: string): string {
  if (!isUuid(importId)) throw notFound("This import");
  return importId;
}

const STOPPED_MESSAGE = "Processing stopped because of an error on our side. Upload the file again; rows already imported will show as unchanged.";

async function toSummaries(rows: SummaryRow[]): Promise<WorksImportSummary[]> {
  const creatorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const creators = creatorIds.length ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(creators.map((c) => [c.id, c.name]));
  // An active import whose job has given up (its worker died on the last attempt) is shown as failed.
  const active = rows.filter((r) => r.status === "QUEUED" || r.status === "PROCESSING");
  const deadJobs = active.length
    ? await db.job.findMany({
        where: { singletonKey: { in: active.map((r) => importJobKey(r.id)) }, status: { in: ["FAILED", "CANCELLED"] } },
        select: { singletonKey: true },
      })
    : [];
  const isDead = new Set(deadJobs.map((j) => j.singletonKey));
  return rows.map((r) => {
    const status: ImportStatus = isDead.has(importJobKey(r.id)) ? "FAILED" : r.status;
    const fileSize = Number(r.fileSize);
    const bytesProcessed = Number(r.bytesProcessed);
    return {
      id: r.id,
      fileName: r.fileName,
      format: r.format,
      status,
      isActive: status === "QUEUED" || status === "PROCESSING" || status === "UPLOADING",
      fileSize,
      bytesProcessed,
      percent: status === "COMPLETED" ? 100 : fileSize > 0 ? Math.min(99, Math.floor((bytesProcessed * 100) / fileSize)) : 0,
      processedRows: r.processedRows,
      counts: { created: r.createdCount, updated: r.updatedCount, unchanged: r.unchangedCount, rejected: r.rejectedCount, disputed: r.disputedCount },
      errorMessage: status === "FAILED" && r.status !== "FAILED" ? STOPPED_MESSAGE : r.errorMessage,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      createdByName: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    };
  });
}

/** The organisation's imports, newest first. */
export async function listWorksImports(actor: Actor | null, organizationId: string, options: { take?: number } = {}): Promise<WorksImportSummary[]> {
  authorize(can.readWorks(actor, organizationId));
  const rows = await db.worksImport.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 50, 200),
    select: SUMMARY_SELECT,
  });
  return toSummaries(rows);
}

export type WorksImportDetail = WorksImportSummary & {
  /** When the same file (same SHA-256) was imported before this one, if it was. */
  sameFileImportedAt: Date | null;
  errorRowCount: number;
};

/** One import with its progress and outcome; "not found" outside the organisation. */
export async function getWorksImport(actor: Actor | null, input: { organizationId: string; importId: string }): Promise<WorksImportDetail> {
  authorize(can.readWorks(actor, input.organizationId));
  const row = await db.worksImport.findFirst({
    where: { id: requireImportId(input.importId), organizationId: input.organizationId },
    select: { ...SUMMARY_SELECT, fileSha256: true, _count: { select: { errors: true } } },
  });
  if (!row) throw notFound("This import");
  const earlier = await db.worksImport.findFirst({
    where: { organizationId: input.organizationId, fileSha256: row.fileSha256, createdAt: { lt: row.createdAt } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [summary] = await toSummaries([row]);
  return { ...summary!, sameFileImportedAt: earlier?.createdAt ?? null, errorRowCount: row._count.errors };
}

export type ImportErrorRow = { id: string; lineNumber: number; reason: string; rawLine: string | null };

/** The first problems of an import, by line. */
export async function listImportErrors(
  actor: Actor | null,
  input: { organizationId: string; importId: string; take?: number },
): Promise<ImportErrorRow[]> {
  authorize(can.readWorks(actor, input.organizationId));
  const rows = await db.importError.findMany({
    where: { importId: requireImportId(input.importId), import: { organizationId: input.organizationId } },
    orderBy: [{ lineNumber: "asc" }, { id: "asc" }],
    take: Math.min(input.take ?? 50, 500),
    select: { id: true, lineNumber: true, reason: true, rawLine: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

const CSV_PAGE = 2_000;

function csvCell(value: string): string {
  // A cell a spreadsheet would run as a formula gets an apostrophe first (our importer takes it off).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The import's error file as a stream of CSV (line, reason, raw_line), read a page at a time so
 * 100,000 error rows never sit in memory. Access is checked before the first byte.
 */
export async function importErrorsCsv(
  actor: Actor | null,
  input: { organizationId: string; importId: string },
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  authorize(can.readWorks(actor, input.organizationId));
  const found = await db.worksImport.findFirst({
    where: { id: requireImportId(input.importId), organizationId: input.organizationId },
    select: { id: true, fileName: true },
  });
  if (!found) throw notFound("This import");
  const encoder = new TextEncoder();
  let after: { lineNumber: number; id: bigint } | null = null;
  let isHeaderSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode("\uFEFFline,reason,raw_line\r\n"));
        return;
      }
      const page: { id: bigint; lineNumber: number; reason: string; rawLine: string | null }[] = await db.importError.findMany({
        where: {
          importId: found.id,
          ...(after ? { OR: [{ lineNumber: { gt: after.lineNumber } }, { lineNumber: after.lineNumber, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ lineNumber: "asc" }, { id: "asc" }],
        take: CSV_PAGE,
        select: { id: true, lineNumber: true, reason: true, rawLine: true },
      });
      if (page.length === 0) {
        controller.close();
        return;
      }
      const last = page.at(-1)!;
      after = { lineNumber: last.lineNumber, id: last.id };
      controller.enqueue(encoder.encode(page.map((e) => `${e.lineNumber},${csvCell(e.reason)},${csvCell(e.rawLine ?? "")}\r\n`).join("")));
    },
  });
  const base = found.fileName.replace(/\.[^.]+$/, "") || "import";
  return { fileName: `${base}-errors.csv`, body };
}
