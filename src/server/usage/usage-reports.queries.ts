import "server-only";
import type { IneligibleReason } from "@/lib/usage/eligibility";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { isUuid } from "@/lib/uuid";

const FORBIDDEN = "Only this licensee's members, its usage:read API keys and staff can see its usage reports.";

export type UsageTotals = { lines: number; units: bigint };
export type UsageSummary = { matched: UsageTotals; open: UsageTotals; eligible: UsageTotals; ineligible: UsageTotals; ineligibleByReason: { reason: IneligibleReason; lines: number; units: bigint }[] };

const REPORT_SELECT = {
  id: true, quarter: true, source: true, status: true, fileName: true, isAdjustment: true, replacedById: true, totalLines: true, acceptedLines: true,
  rejectedLines: true, summedLines: true, processedLines: true, percent: true, errorMessage: true, lockedAt: true, submittedAt: true, processedAt: true,
  replaces: { select: { id: true } },
} as const;

/** The licensee's reports, newest first (replaced ones too: they stay readable). */
export async function listUsageReports(actor: Actor | null, organizationId: string, take = 40) {
  authorize(can.readUsageReports(actor, organizationId), FORBIDDEN);
  return db.usageReport.findMany({ where: { organizationId }, orderBy: { submittedAt: "desc" }, take: Math.min(Math.max(take, 1), 100), select: REPORT_SELECT });
}

/**
 * A page of the licensee's reports, newest first, after a keyset cursor (the last row's submission
 * time and id): the API's list, where offsets would skip or repeat reports arriving meanwhile.
 */
export async function listUsageReportsPage(actor: Actor | null, input: { organizationId: string; limit: number; after: { submittedAt: Date; id: string } | null; quarter?: string }) {
  authorize(can.readUsageReports(actor, input.organizationId), FORBIDDEN);
  const after = input.after;
  return db.usageReport.findMany({
    where: {
      organizationId: input.organizationId,
      ...(input.quarter ? { quarter: input.quarter } : {}),
      ...(after ? { OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: REPORT_SELECT,
  });
}

/**
 * One report with what its lines add up to; another organisation's id is "not found". The
 * progress poll asks `withSummary: false`: while the job works there is nothing to add up.
 */
export async function getUsageReport(actor: Actor | null, input: { organizationId: string; reportId: string; withSummary?: boolean }) {
  authorize(can.readUsageReports(actor, input.organizationId), FORBIDDEN);
  const report = isUuid(input.reportId) ? await db.usageReport.findFirst({ where: { id: input.reportId, organizationId: input.organizationId }, select: REPORT_SELECT }) : null;
  if (!report) throw notFound("The usage report");
  const groups = input.withSummary === false ? [] : await db.usageLine.groupBy({ by: ["matchStatus", "eligibility", "ineligibleReason"], where: { reportId: report.id }, _count: { _all: true }, _sum: { units: true } });
  const zero = (): UsageTotals => ({ lines: 0, units: 0n });
  const summary: UsageSummary = { matched: zero(), open: zero(), eligible: zero(), ineligible: zero(), ineligibleByReason: [] };
  const add = (t: UsageTotals, lines: number, units: bigint) => {
    t.lines += lines;
    t.units += units;
  };
  for (const g of groups) {
    const lines = g._count._all;
    const units = g._sum.units ?? 0n;
    if (g.matchStatus === "MATCHED") add(summary.matched, lines, units);
    if (g.matchStatus === "UNMATCHED" || g.matchStatus === "AMBIGUOUS" || g.matchStatus === "PENDING") add(summary.open, lines, units);
    if (g.eligibility === "ELIGIBLE") add(summary.eligible, lines, units);
    if (g.eligibility === "INELIGIBLE") {
      add(summary.ineligible, lines, units);
      const reason = (g.ineligibleReason ?? "NOT_MATCHED") as IneligibleReason;
      const row = summary.ineligibleByReason.find((r) => r.reason === reason);
      if (row) add(row, lines, units);
      else summary.ineligibleByReason.push({ reason, lines, units });
    }
  }
  summary.ineligibleByReason.sort((a, b) => b.lines - a.lines);
  return { ...report, summary };
}

export const LINE_FILTERS = ["all", "eligible", "ineligible", "open"] as const;
export type LineFilter = (typeof LINE_FILTERS)[number];

/** A page of a report's lines, in line order (keyset on the line number). */
export async function listUsageReportLines(actor: Actor | null, input: { organizationId: string; reportId: string; filter?: LineFilter; after?: number; take?: number }) {
  authorize(can.readUsageReports(actor, input.organizationId), FORBIDDEN);
  const report = isUuid(input.reportId) ? await db.usageReport.findFirst({ where: { id: input.reportId, organizationId: input.organizationId }, select: { id: true } }) : null;
  if (!report) throw notFound("The usage report");
  const take = Math.min(Math.max(input.take ?? 50, 1), 500);
  const filter = input.filter ?? "all";
  const rows = await db.usageLine.findMany({
    where: {
      reportId: report.id,
      ...(input.after ? { lineNumber: { gt: input.after } } : {}),
      ...(filter === "eligible" ? { eligibility: "ELIGIBLE" } : filter === "ineligible" ? { eligibility: "INELIGIBLE" } : filter === "open" ? { matchStatus: { in: ["UNMATCHED", "AMBIGUOUS", "PENDING"] } } : {}),
    },
    orderBy: { lineNumber: "asc" },
    take: take + 1,
    select: {
      id: true, lineNumber: true, rawIdentifier: true, rawTitle: true, rawYear: true, purpose: true, units: true, matchStatus: true, matchMethod: true,
      eligibility: true, ineligibleReason: true, mergedLineCount: true,
      work: { select: { id: true, title: true, publicationYear: true, rightsholder: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, take);
  return { lines: page, nextAfter: rows.length > take ? page.at(-1)!.lineNumber : null };
}

/** The lines the report refused, with their reasons, in line order. */
export async function listUsageLineErrors(actor: Actor | null, input: { organizationId: string; reportId: string; take?: number }) {
  authorize(can.readUsageReports(actor, input.organizationId), FORBIDDEN);
  const report = isUuid(input.reportId) ? await db.usageReport.findFirst({ where: { id: input.reportId, organizationId: input.organizationId }, select: { id: true } }) : null;
  if (!report) throw notFound("The usage report");
  return db.usageLineError.findMany({ where: { reportId: report.id }, orderBy: { lineNumber: "asc" }, take: Math.min(input.take ?? 100, 100_000), select: { lineNumber: true, reason: true, rawLine: true } });
}
