import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { PayoutStatus, RunStatus } from "@/generated/prisma/enums";
import { isStorableText } from "@/lib/storable-text";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { isUuid } from "@/lib/uuid";

// A run's payouts and statements for the staff console, a page at a time: a run has up to 100k
// payees, so both lists are keyset pages in payee-name order (name, then id, so equal names page
// correctly), with an opaque cursor. Both staff roles read; ADMIN may retry a failed payout.

const FORBIDDEN = "Only staff can see distribution runs.";
export const RUN_ROWS_PAGE_SIZE = 50;

type Cursor = { name: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString("base64url");
}

/** A cursor from the query string; anything that is not one starts from the first page. */
function decodeCursor(token: string | undefined): Cursor | null {
  if (!token) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown[];
    return typeof name === "string" && isStorableText(name) && typeof id === "string" && isUuid(id) ? { name, id } : null;
  } catch {
    return null;
  }
}

async function runOf(runId: string): Promise<{ id: string; status: RunStatus }> {
  const run = isUuid(runId) ? await db.distributionRun.findUnique({ where: { id: runId }, select: { id: true, status: true } }) : null;
  if (!run) throw notFound("That distribution run");
  return run;
}

function afterCursor(cursor: Cursor | null, idColumn: Prisma.Sql): Prisma.Sql {
  return cursor ? Prisma.sql`AND (o.name, ${idColumn}) > (${cursor.name}, ${cursor.id}::uuid)` : Prisma.empty;
}

function pageOf<T extends { id: string; rightsholderName: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor({ name: last.rightsholderName, id: last.id }) : null };
}

const limit = z.coerce.number().int().min(1).max(200).catch(RUN_ROWS_PAGE_SIZE);

const ZPayoutsQuery = z.object({
  status: z.enum(["PENDING", "SUBMITTED", "PAID", "FAILED"]).optional().catch(undefined),
  cursor: z.string().max(2000).optional().catch(undefined),
  limit,
});

type PayoutRow = {
  id: string; statementId: string; rightsholderId: string; rightsholderName: string; amountCents: bigint; currency: string;
  status: PayoutStatus; attempts: number; lastError: string | null; paidAt: Date | null; stripeTransferId: string | null; stripeAccountId: string | null;
};

/** A page of the run's payouts, optionally of one status, with the payees' names. */
export async function listRunPayouts(actor: Actor | null, runId: string, rawQuery: { status?: string; cursor?: string; limit?: number } = {}) {
  authorize(can.readDistributionRuns(actor), FORBIDDEN);
  const run = await runOf(runId);
  const { status, cursor: token, limit: take } = ZPayoutsQuery.parse(rawQuery);
  const cursor = decodeCursor(token);
  const rows = await db.$queryRaw<PayoutRow[]>`
    SELECT p.id::text, p."statementId"::text AS "statementId", p."rightsholderId"::text AS "rightsholderId", o.name AS "rightsholderName",
           p."amountCents", p.currency, p.status::text AS status, p.attempts, p."lastError", p."paidAt", p."stripeTransferId", p."stripeAccountId"
      FROM payouts p JOIN organizations o ON o.id = p."rightsholderId"
     WHERE p."runId" = ${run.id}::uuid ${status ? Prisma.sql`AND p.status = ${status}::"PayoutStatus"` : Prisma.empty} ${afterCursor(cursor, Prisma.sql`p.id`)}
     ORDER BY o.name, p.id
     LIMIT ${take + 1}`;
  // retryPayout takes a failed payout of a run still being paid; the flag shows its button.
  const canRetry = can.manageDistributionRuns(actor) && (run.status === "APPROVED" || run.status === "PAYING");
  const { rows: payouts, nextCursor } = pageOf(rows, take);
  return { status: status ?? null, nextCursor, payouts: payouts.map((p) => ({ ...p, canRetry: canRetry && p.status === "FAILED" })) };
}

const ZStatementsQuery = z.object({
  // Text PostgreSQL can't hold (NUL) would fail the query; such a search is dropped like any malformed one.
  search: z.string().trim().max(200).refine(isStorableText).optional().catch(undefined),
  cursor: z.string().max(2000).optional().catch(undefined),
  limit,
});

type StatementRow = {
  id: string; rightsholderId: string; rightsholderName: string; carriedInCents: bigint; allocatedCents: bigint; grossCents: bigint;
  adminFeeCents: bigint; heldCents: bigint; withheldCents: bigint; paidCents: bigint; carriedOutCents: bigint; thresholdCents: bigint;
  withholdingBps: number; payoutBlockedReason: string | null; lines: number; payoutStatus: PayoutStatus | null;
};

/** A page of the run's statements, optionally of payees whose name contains `search`. */
export async function listRunStatements(actor: Actor | null, runId: string, rawQuery: { search?: string; cursor?: string; limit?: number } = {}) {
  authorize(can.readDistributionRuns(actor), FORBIDDEN);
  const run = await runOf(runId);
  const { search, cursor: token, limit: take } = ZStatementsQuery.parse(rawQuery);
  const cursor = decodeCursor(token);
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db.$queryRaw<StatementRow[]>`
    SELECT s.id::text, s."rightsholderId"::text AS "rightsholderId", o.name AS "rightsholderName", s."carriedInCents", s."allocatedCents",
           s."grossCents", s."adminFeeCents", s."heldCents", s."withheldCents", s."paidCents", s."carriedOutCents", s."thresholdCents",
           s."withholdingBps", s."payoutBlockedReason", p.status::text AS "payoutStatus",
           (SELECT COUNT(*)::int FROM statement_lines l WHERE l."statementId" = s.id) AS lines
      FROM statements s
      JOIN organizations o ON o.id = s."rightsholderId"
      LEFT JOIN payouts p ON p."statementId" = s.id
     WHERE s."runId" = ${run.id}::uuid ${pattern ? Prisma.sql`AND o.name ILIKE ${pattern}` : Prisma.empty} ${afterCursor(cursor, Prisma.sql`s.id`)}
     ORDER BY o.name, s.id
     LIMIT ${take + 1}`;
  const { rows: statements, nextCursor } = pageOf(rows, take);
  return { search: search ?? "", nextCursor, statements };
}
