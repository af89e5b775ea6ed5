import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, isStaff } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { chartWindow, earningsByIndustry, earningsByPurpose, topWorks } from "./statement-charts-sql";
import { disputeDeadline, isDisputeWindowOpen } from "./dispute-window";
import { statementLinesPage } from "./statement-lines-page";
import { VISIBLE_RUN_STATUSES, ZStatementLinesQuery, type TStatementLinesQuery } from "./statements.schema";
import { isUuid } from "@/lib/uuid";

// A rightsholder's royalty statements as its members (and staff, read-only) see them. Only runs
// that are APPROVED, PAYING or PAID show: a CALCULATED run is a draft staff may still recalculate.
// Another organisation's statement, or a draft's, is "not found".

const FORBIDDEN = "Only this rightsholder's members and staff can see its statements.";
const VISIBLE_RUN = { status: { in: [...VISIBLE_RUN_STATUSES] } };

export const STATEMENTS_PAGE_SIZE = 20;
export const STATEMENT_LINES_PAGE_SIZE = 100;

const STATEMENT_SELECT = {
  id: true, runId: true, rightsholderId: true, carriedInCents: true, allocatedCents: true, grossCents: true, adminFeeCents: true,
  withheldCents: true, paidCents: true, carriedOutCents: true, thresholdCents: true, withholdingBps: true, heldCents: true,
  payoutBlockedReason: true, createdAt: true,
  run: { select: { quarter: true, status: true, approvedAt: true, paidAt: true } },
  payout: { select: { status: true, paidAt: true, amountCents: true } },
} as const;

/** The organisation's statements, newest quarter first, a page at a time, with lifetime totals. */
export async function listStatements(actor: Actor | null, organizationId: string, page = 1) {
  authorize(can.readStatements(actor, organizationId), FORBIDDEN);
  const where = { rightsholderId: organizationId, run: VISIBLE_RUN };
  const [count, totals, statements] = await Promise.all([
    db.statement.count({ where }),
    db.statement.aggregate({ where, _sum: { allocatedCents: true, grossCents: true, adminFeeCents: true, withheldCents: true, paidCents: true, heldCents: true } }),
    db.statement.findMany({
      where,
      orderBy: { run: { quarter: "desc" } },
      skip: (Math.max(1, Math.floor(page)) - 1) * STATEMENTS_PAGE_SIZE,
      take: STATEMENTS_PAGE_SIZE,
      select: { ...STATEMENT_SELECT, _count: { select: { lines: true } } },
    }),
  ]);
  const sum = totals._sum;
  return {
    statements,
    count,
    page: Math.max(1, Math.floor(page)),
    pageCount: Math.max(1, Math.ceil(count / STATEMENTS_PAGE_SIZE)),
    totals: {
      allocatedCents: sum.allocatedCents ?? 0n, grossCents: sum.grossCents ?? 0n, adminFeeCents: sum.adminFeeCents ?? 0n,
      withheldCents: sum.withheldCents ?? 0n, paidCents: sum.paidCents ?? 0n, heldCents: sum.heldCents ?? 0n,
    },
  };
}

/**
 * A visible statement's header, for any reader allowed to see it; anyone else gets "not found"
 * (a licensee, or nobody signed in, is refused outright). Used by the page, the files and disputes.
 */
export async function loadVisibleStatement(actor: Actor | null, statementId: string) {
  const statement = isUuid(statementId)
    ? await db.statement.findFirst({
      where: { id: statementId, run: VISIBLE_RUN },
      select: { ...STATEMENT_SELECT, rightsholder: { select: { name: true, rightsholderProfile: { select: { legalName: true } } } } },
    })
    : null;
  if (!statement || !can.readStatements(actor, statement.rightsholderId)) {
    authorize(isStaff(actor) || can.useRightsholderArea(actor) || (actor?.type === "apiKey" && actor.organizationKind === "RIGHTSHOLDER"), FORBIDDEN);
    throw notFound("That statement");
  }
  return statement;
}

/** What the lines add up to, summed in SQL (the header shows it beside the statement's own figures). */
export async function statementLineTotals(statementId: string) {
  const totals = await db.statementLine.aggregate({
    where: { statementId },
    _count: { _all: true },
    _sum: { units: true, grossCents: true, adminFeeShareCents: true, withholdingCents: true, netCents: true },
  });
  const sum = totals._sum;
  return {
    lineCount: totals._count._all, units: sum.units ?? 0n, grossCents: sum.grossCents ?? 0n, adminFeeShareCents: sum.adminFeeShareCents ?? 0n,
    withholdingCents: sum.withholdingCents ?? 0n, netCents: sum.netCents ?? 0n,
  };
}

/** One statement: its header, totals, one page of lines with their disputes, and the dispute window. */
export async function getStatement(actor: Actor | null, statementId: string, rawQuery: TStatementLinesQuery = {}) {
  const statement = await loadVisibleStatement(actor, statementId);
  const query = ZStatementLinesQuery.parse(rawQuery);
  const [lineTotals, page] = await Promise.all([
    statementLineTotals(statement.id),
    statementLinesPage(statement.id, query, STATEMENT_LINES_PAGE_SIZE),
  ]);
  const disputes = page.lines.length === 0 ? [] : await db.dispute.findMany({
    where: { statementLineId: { in: page.lines.map((l) => l.id) } },
    orderBy: { openedAt: "desc" },
    select: { id: true, statementLineId: true, status: true, openedAt: true, resolvedAt: true, reason: true, resolution: true },
  });
  const deadline = disputeDeadline(statement.run.approvedAt);
  const isWindowOpen = isDisputeWindowOpen(statement.run.approvedAt);
  return {
    ...statement,
    // What withholding took from the carried-in balance rather than from this quarter's lines.
    withheldOnCarriedInCents: statement.withheldCents - lineTotals.withholdingCents,
    lineTotals,
    sort: query.sort,
    lines: page.lines.map((line) => ({ ...line, disputes: disputes.filter((d) => d.statementLineId === line.id) })),
    next: page.next,
    previous: page.previous,
    disputeWindow: { deadline, isOpen: isWindowOpen },
    canDispute: isWindowOpen && can.disputeStatementLine(actor, statement.rightsholderId),
  };
}

export type StatementView = Awaited<ReturnType<typeof getStatement>>;

/**
 * The charts of the statements page over the last eight visible runs: royalties by quarter, by
 * purpose, by licensee industry, and the ten works that earned most. Aggregated in SQL.
 */
export async function statementCharts(actor: Actor | null, organizationId: string) {
  authorize(can.readStatements(actor, organizationId), FORBIDDEN);
  const window = await chartWindow(organizationId);
  if (window.length === 0) return { byQuarter: [], byPurpose: [], byIndustry: [], topWorks: [], totalCents: 0n };
  const statementIds = window.map((w) => w.statementId);
  const [byPurpose, byIndustry, top] = await Promise.all([
    earningsByPurpose(statementIds),
    earningsByIndustry(statementIds),
    topWorks(statementIds, 10),
  ]);
  return {
    byQuarter: [...window].reverse().map((w) => ({ quarter: w.quarter, allocatedCents: w.allocatedCents, paidCents: w.paidCents })),
    byPurpose,
    byIndustry,
    topWorks: top,
    totalCents: window.reduce((sum, w) => sum + w.allocatedCents, 0n),
  };
}
