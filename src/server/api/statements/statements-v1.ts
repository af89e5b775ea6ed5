import "server-only";
import type { Actor } from "../../auth/actor";
import { authorize, can } from "../../auth/policies";
import { db } from "../../db";
import { notFound } from "../../errors";
import { STATEMENT_LINE_SORTS, VISIBLE_RUN_STATUSES, type StatementLineSort } from "../../statements/statements.schema";
import { loadVisibleStatement, statementLineTotals } from "../../statements/statements.queries";
import { statementLinesPage } from "../../statements/statement-lines-page";
import { disputeDeadline, isDisputeWindowOpen } from "../../statements/dispute-window";
import { ApiRequestError } from "../api-errors";
import { encodeListCursor, pageOf, parseListQuery } from "../lists/list-query";

// GET /api/v1/statements and /api/v1/statements/{id}: a rightsholder's approved royalty
// statements, as its statements page shows them, for its own systems (a statements:read key).
// Amounts are integer cents written as decimal strings, like every large number in this API.

const cents = (v: bigint) => v.toString();
const invalidQuery = (details: Record<string, string[]>) => new ApiRequestError("VALIDATION", "Check the query parameters.", details);

const HEADER = {
  id: true, carriedInCents: true, allocatedCents: true, grossCents: true, adminFeeCents: true, withheldCents: true, paidCents: true,
  carriedOutCents: true, thresholdCents: true, withholdingBps: true, heldCents: true, payoutBlockedReason: true,
  run: { select: { quarter: true, status: true, approvedAt: true, paidAt: true } },
  payout: { select: { status: true, paidAt: true, amountCents: true } },
} as const;

type Header = {
  id: string; carriedInCents: bigint; allocatedCents: bigint; grossCents: bigint; adminFeeCents: bigint; withheldCents: bigint; paidCents: bigint;
  carriedOutCents: bigint; thresholdCents: bigint; withholdingBps: number; heldCents: bigint; payoutBlockedReason: string | null;
  run: { quarter: string; status: string; approvedAt: Date | null; paidAt: Date | null };
  payout: { status: string; paidAt: Date | null; amountCents: bigint } | null;
};

function headerJson(s: Header) {
  return {
    id: s.id,
    quarter: s.run.quarter,
    runStatus: s.run.status,
    approvedAt: s.run.approvedAt?.toISOString() ?? null,
    currency: "USD",
    carriedInCents: cents(s.carriedInCents),
    allocatedCents: cents(s.allocatedCents),
    grossCents: cents(s.grossCents),
    adminFeeCents: cents(s.adminFeeCents),
    withheldCents: cents(s.withheldCents),
    withholdingBps: s.withholdingBps,
    paidCents: cents(s.paidCents),
    carriedOutCents: cents(s.carriedOutCents),
    thresholdCents: cents(s.thresholdCents),
    heldCents: cents(s.heldCents),
    payoutBlockedReason: s.payoutBlockedReason,
    payout: s.payout ? { status: s.payout.status, amountCents: cents(s.payout.amountCents), paidAt: s.payout.paidAt?.toISOString() ?? null } : null,
    links: { self: `/api/v1/statements/${s.id}` },
  };
}

/** The organisation's statements, newest quarter first (one per quarter, so the quarter is the cursor). */
export async function statementsListV1(actor: Actor | null, input: { organizationId: string; params: URLSearchParams }) {
  authorize(can.readStatements(actor, input.organizationId), "This API key can't read these statements.");
  const parsed = parseListQuery(input.params);
  if (!parsed.ok) throw invalidQuery(parsed.details);
  const before = parsed.query.cursor?.key;
  if (before !== undefined && !/^\d{4}Q[1-4]$/.test(before)) throw invalidQuery({ cursor: ["This cursor is not one we gave out; start again without it."] });
  const rows = await db.statement.findMany({
    where: { rightsholderId: input.organizationId, run: { status: { in: [...VISIBLE_RUN_STATUSES] }, ...(before ? { quarter: { lt: before } } : {}) } },
    orderBy: { run: { quarter: "desc" } },
    take: parsed.query.limit + 1,
    select: HEADER,
  });
  const page = pageOf(rows, parsed.query.limit, (s) => ({ key: s.run.quarter, id: s.id }));
  return { data: page.data.map(headerJson), nextCursor: page.nextCursor };
}

/** One statement with a page of its lines (`sort` net or title; the lines' own cursor). */
export async function statementV1(actor: Actor | null, input: { organizationId: string; statementId: string; params: URLSearchParams }) {
  const parsed = parseListQuery(input.params, ["sort"] as const);
  if (!parsed.ok) throw invalidQuery(parsed.details);
  const sort = parsed.extra.sort ?? "net";
  if (!(STATEMENT_LINE_SORTS as readonly string[]).includes(sort)) throw invalidQuery({ sort: [`Use ${STATEMENT_LINE_SORTS.join(" or ")}.`] });
  const statement = await loadVisibleStatement(actor, input.statementId);
  if (statement.rightsholderId !== input.organizationId) throw notFound("That statement");
  const after = parsed.query.cursor ? encodeListCursor(parsed.query.cursor) : undefined;
  const [totals, page] = await Promise.all([
    statementLineTotals(statement.id),
    statementLinesPage(statement.id, { sort: sort as StatementLineSort, after }, parsed.query.limit),
  ]);
  return {
    ...headerJson(statement),
    withheldOnCarriedInCents: cents(statement.withheldCents - totals.withholdingCents),
    disputeWindow: { deadline: disputeDeadline(statement.run.approvedAt)?.toISOString() ?? null, isOpen: isDisputeWindowOpen(statement.run.approvedAt) },
    lines: {
      count: totals.lineCount,
      data: page.lines.map((l) => ({
        id: l.id.toString(),
        workId: l.workId,
        identifier: l.identifier,
        title: l.title,
        licenseesCounted: l.licenseesCounted,
        units: l.units.toString(),
        shareBps: l.shareBps,
        grossCents: cents(l.grossCents),
        adminFeeShareCents: cents(l.adminFeeShareCents),
        withholdingCents: cents(l.withholdingCents),
        netCents: cents(l.netCents),
      })),
      nextCursor: page.next,
    },
  };
}
