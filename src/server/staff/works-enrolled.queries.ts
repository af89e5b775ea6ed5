import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";

// Works for the staff dashboard: how many are enrolled now, how many were enrolled this quarter,
// and enrollments per month over the last twelve. works has no index on createdAt, and at 1M
// works each exact count is a full scan (measured: ~90 ms for the enrolled total, ~140 ms for
// the months, on 2 cores). Above EXACT_BELOW works the figures come from the planner's statistics
// instead (EXPLAIN's row estimate for the same condition: within a few per cent, in well under a
// millisecond, as fresh as the last ANALYZE) and the page says they are estimates. Below it,
// where a scan costs little, they are exact.

export const EXACT_BELOW = 100_000;
export const DASHBOARD_MONTHS = 12;

const MONTH_LABEL = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export type MonthCount = { month: string; label: string; count: number };

function lastMonths(today: string, count: number): { month: string; startsOn: string; endsOn: string }[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    return { month: start.toISOString().slice(0, 7), startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) };
  });
}

/** The planner's estimate of the rows matching `where` over works (top node of the plan). */
async function estimatedRows(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM works WHERE ${where}`;
  return Math.round(row?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
}

const createdIn = (startsOn: string, endsOn: string) => Prisma.sql`"createdAt" >= ${startsOn}::timestamp AND "createdAt" < ${endsOn}::timestamp`;

/** `today` (YYYY-MM-DD) and `exactBelow` are for tests. Months oldest first; counts include works since merged or suspended (they were enrolled then). */
export async function getWorksEnrolled(actor: Actor | null, options: { today?: string; exactBelow?: number } = {}) {
  authorize(can.readStaffArea(actor));
  const today = options.today ?? todayUtc();
  const months = lastMonths(today, DASHBOARD_MONTHS);
  const quarter = quarterOf(today);
  const [stats] = await db.$queryRaw<{ rows: number }[]>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'works'::regclass`;
  // reltuples is -1 until the table is first analysed: small, or new; count it.
  const isEstimate = (stats?.rows ?? 0) >= (options.exactBelow ?? EXACT_BELOW);
  const label = (month: string) => MONTH_LABEL.format(new Date(`${month}-01T00:00:00Z`));
  if (isEstimate) {
    const [enrolled, thisQuarter, ...perMonth] = await Promise.all([
      estimatedRows(Prisma.sql`status = 'ENROLLED'`),
      estimatedRows(createdIn(quarter.startsOn, quarter.endsOn)),
      ...months.map((m) => estimatedRows(createdIn(m.startsOn, m.endsOn))),
    ]);
    return { isEstimate, enrolled: enrolled!, thisQuarter: thisQuarter!, quarter: quarter.code, months: months.map((m, i) => ({ month: m.month, label: label(m.month), count: perMonth[i]! })) };
  }
  const [[totals], rows] = await Promise.all([
    db.$queryRaw<{ enrolled: number; thisQuarter: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'ENROLLED')::int AS enrolled,
             count(*) FILTER (WHERE ${createdIn(quarter.startsOn, quarter.endsOn)})::int AS "thisQuarter"
        FROM works`,
    db.$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(date_trunc('month', "createdAt"), 'YYYY-MM') AS month, count(*)::int AS count
        FROM works WHERE ${createdIn(months[0]!.startsOn, months[months.length - 1]!.endsOn)}
       GROUP BY 1`,
  ]);
  return {
    isEstimate, enrolled: totals?.enrolled ?? 0, thisQuarter: totals?.thisQuarter ?? 0, quarter: quarter.code,
    months: months.map((m) => ({ month: m.month, label: label(m.month), count: rows.find((r) => r.month === m.month)?.count ?? 0 })),
  };
}
