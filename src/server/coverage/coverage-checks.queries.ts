import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { Prisma } from "@/generated/prisma/client";
import type { CoverageReason } from "@/lib/coverage/coverage-rule";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { coverageStorageDir } from "./coverage-checks.schema";
import { isUuid } from "@/lib/uuid";

export type CoverageCheckStatusValue = "QUEUED" | "PROCESSING" | "COMPLETED" | "FAILED";

export type CoverageCheckView = {
  id: string;
  source: "FILE" | "API";
  fileName: string;
  fileSize: number;
  purpose: "TRAIN" | "FINE_TUNE" | "RAG";
  date: string;
  status: CoverageCheckStatusValue;
  isActive: boolean;
  percent: number;
  lineCount: number | null;
  counts: { covered: number; notCovered: number; invalid: number };
  /** Lines per reason, biggest first (INVALID for lines that could not be read). */
  reasons: { reason: CoverageReason | "INVALID"; count: number }[];
  errorMessage: string | null;
  hasResult: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

const SELECT = {
  id: true, source: true, fileName: true, fileSize: true, purpose: true, onDate: true, status: true, percent: true, lineCount: true,
  coveredCount: true, notCoveredCount: true, invalidCount: true, reasonCounts: true, resultPath: true, errorMessage: true,
  createdAt: true, startedAt: true, finishedAt: true,
} as const satisfies Prisma.CoverageCheckSelect;

type Row = Prisma.CoverageCheckGetPayload<{ select: typeof SELECT }>;

function view(row: Row): CoverageCheckView {
  const reasonCounts = (row.reasonCounts ?? {}) as Record<string, number>;
  return {
    id: row.id,
    source: row.source,
    fileName: row.fileName,
    fileSize: Number(row.fileSize),
    purpose: row.purpose,
    date: row.onDate.toISOString().slice(0, 10),
    status: row.status,
    isActive: row.status === "QUEUED" || row.status === "PROCESSING",
    percent: row.percent,
    lineCount: row.lineCount,
    counts: { covered: row.coveredCount, notCovered: row.notCoveredCount, invalid: row.invalidCount },
    reasons: Object.entries(reasonCounts)
      .map(([reason, count]) => ({ reason: reason as CoverageReason | "INVALID", count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    errorMessage: row.errorMessage,
    hasResult: row.status === "COMPLETED" && row.resultPath !== null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The licensee's latest bulk checks, newest first. */
export async function listCoverageChecks(actor: Actor | null, input: { organizationId: string; take?: number }): Promise<CoverageCheckView[]> {
  authorize(can.readCoverageChecks(actor, input.organizationId), "Only this licensee's members, its API keys and staff can see its coverage checks.");
  const rows = await db.coverageCheck.findMany({
    where: { organizationId: input.organizationId },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(input.take ?? 10, 1), 50),
    select: SELECT,
  });
  return rows.map(view);
}

/** A page of the licensee's checks, newest first, after a keyset cursor (creation time and id): the API's list. */
export async function listCoverageChecksPage(actor: Actor | null, input: { organizationId: string; limit: number; after: { createdAt: Date; id: string } | null }) {
  authorize(can.readCoverageChecks(actor, input.organizationId), "Only this licensee's members, its API keys and staff can see its coverage checks.");
  const after = input.after;
  const rows = await db.coverageCheck.findMany({
    where: {
      organizationId: input.organizationId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: SELECT,
  });
  return rows.map(view);
}

/** One check of the licensee's; another organisation's id is "not found". */
export async function getCoverageCheck(actor: Actor | null, input: { organizationId: string; checkId: string }): Promise<CoverageCheckView> {
  authorize(can.readCoverageChecks(actor, input.organizationId), "Only this licensee's members, its API keys and staff can see its coverage checks.");
  const row = isUuid(input.checkId)
    ? await db.coverageCheck.findFirst({ where: { id: input.checkId, organizationId: input.organizationId }, select: SELECT })
    : null;
  if (!row) throw notFound("The coverage check");
  return view(row);
}

/** The result file, streamed from storage. */
export async function coverageCheckResult(actor: Actor | null, input: { organizationId: string; checkId: string }): Promise<{ fileName: string; size: number; body: ReadableStream<Uint8Array> }> {
  authorize(can.readCoverageChecks(actor, input.organizationId), "Only this licensee's members, its API keys and staff can see its coverage checks.");
  const row = isUuid(input.checkId)
    ? await db.coverageCheck.findFirst({ where: { id: input.checkId, organizationId: input.organizationId }, select: { status: true, resultPath: true, fileName: true } })
    : null;
  if (!row) throw notFound("The coverage check");
  if (row.status !== "COMPLETED" || !row.resultPath) throw new AppError("NOT_FOUND", "The result is not ready yet: the check is still running, or it stopped.");
  const file = path.join(coverageStorageDir(), row.resultPath);
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("NOT_FOUND", "The result file is no longer kept. Run the check again.");
  const base = row.fileName.replace(/\.[^.]*$/, "") || "identifiers";
  const body = Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>;
  return { fileName: `${base}-coverage.csv`, size: info.size, body };
}
