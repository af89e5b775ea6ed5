import "server-only";
import { INELIGIBLE_MESSAGES, type IneligibleReason } from "@/lib/usage/eligibility";
import type { Actor } from "../auth/actor";
import { getUsageReport, listUsageLineErrors, listUsageReportLines, LINE_FILTERS, type LineFilter } from "./usage-reports.queries";

// GET /api/v1/usage-reports/{id}: the report, what its lines add up to, its refused lines and a
// page of its lines. A line of a JSON-submitted report also gives its `index` in the request's
// `lines` array (its CSV line number less the header's 2).

const units = (t: { lines: number; units: bigint }) => ({ lines: t.lines, units: t.units.toString() });

export async function usageReportV1(actor: Actor | null, input: { organizationId: string; reportId: string; query: URLSearchParams }) {
  const report = await getUsageReport(actor, input);
  const filter = (LINE_FILTERS as readonly string[]).includes(input.query.get("filter") ?? "") ? (input.query.get("filter") as LineFilter) : "all";
  const after = Number(input.query.get("after") ?? 0);
  const limit = Number(input.query.get("limit") ?? 100);
  const page = await listUsageReportLines(actor, { ...input, filter, after: Number.isInteger(after) && after > 0 ? after : undefined, take: Number.isInteger(limit) ? limit : 100 });
  const errors = await listUsageLineErrors(actor, { ...input, take: 1_000 });
  const isApi = report.source === "API";
  const where = (line: number) => (isApi ? { line, index: line - 2 } : { line });
  return {
    id: report.id,
    quarter: report.quarter,
    source: report.source,
    status: report.status,
    percent: report.percent,
    isAdjustment: report.isAdjustment,
    isLocked: report.lockedAt !== null,
    replacedBy: report.replacedById,
    errorMessage: report.errorMessage,
    counts: { lines: report.totalLines, accepted: report.acceptedLines, rejected: report.rejectedLines, summed: report.summedLines },
    summary: {
      matched: units(report.summary.matched),
      unmatched: units(report.summary.open),
      eligible: units(report.summary.eligible),
      ineligible: units(report.summary.ineligible),
      ineligibleByReason: Object.fromEntries(report.summary.ineligibleByReason.map((r) => [r.reason, { lines: r.lines, units: r.units.toString() }])),
    },
    errors: errors.map((e) => ({ ...where(e.lineNumber), reason: e.reason })),
    lines: page.lines.map((l) => ({
      ...where(l.lineNumber),
      identifier: l.rawIdentifier,
      title: l.rawTitle,
      year: l.rawYear,
      purpose: l.purpose,
      units: l.units.toString(),
      summedLines: l.mergedLineCount,
      match: { status: l.matchStatus, method: l.matchMethod, work: l.work ? { id: l.work.id, title: l.work.title, rightsholder: l.work.rightsholder.name } : null },
      eligibility: l.eligibility,
      reason: l.ineligibleReason,
      message: l.ineligibleReason ? INELIGIBLE_MESSAGES[l.ineligibleReason as IneligibleReason] : null,
    })),
    next: page.nextAfter === null ? null : `/api/v1/usage-reports/${report.id}?filter=${filter}&after=${page.nextAfter}`,
  };
}
