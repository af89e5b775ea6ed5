import "server-only";
import { parseQuarter } from "@/lib/usage/quarters";
import type { Actor } from "../../auth/actor";
import { listUsageReportsPage } from "../../usage/usage-reports.queries";
import { ApiRequestError } from "../api-errors";
import { pageOf, parseListQuery, timeCursor } from "./list-query";

// GET /api/v1/usage-reports: the licensee's reports, newest first, a cursor page at a time;
// `quarter` keeps one quarter's (its current report, replaced ones and adjustments).

export async function usageReportsListV1(actor: Actor | null, input: { organizationId: string; params: URLSearchParams }) {
  const parsed = parseListQuery(input.params, ["quarter"] as const);
  if (!parsed.ok) throw new ApiRequestError("VALIDATION", "Check the query parameters.", parsed.details);
  const quarter = parsed.extra.quarter;
  if (quarter !== undefined && parseQuarter(quarter) === null) {
    throw new ApiRequestError("VALIDATION", "Check the query parameters.", { quarter: ["Give a quarter such as 2026Q3."] });
  }
  const cursor = timeCursor(parsed.query.cursor);
  const after = cursor ? { submittedAt: cursor.at, id: cursor.id } : null;
  const rows = await listUsageReportsPage(actor, { organizationId: input.organizationId, limit: parsed.query.limit, after, quarter: quarter ? parseQuarter(quarter)!.code : undefined });
  const page = pageOf(rows, parsed.query.limit, (r) => ({ key: r.submittedAt.toISOString(), id: r.id }));
  return {
    data: page.data.map((r) => ({
      id: r.id,
      quarter: r.quarter,
      source: r.source,
      status: r.status,
      percent: r.percent,
      isAdjustment: r.isAdjustment,
      isLocked: r.lockedAt !== null,
      replacedBy: r.replacedById,
      counts: { lines: r.totalLines, accepted: r.acceptedLines, rejected: r.rejectedLines, summed: r.summedLines },
      errorMessage: r.errorMessage,
      submittedAt: r.submittedAt.toISOString(),
      processedAt: r.processedAt?.toISOString() ?? null,
      links: { self: `/api/v1/usage-reports/${r.id}` },
    })),
    nextCursor: page.nextCursor,
  };
}
