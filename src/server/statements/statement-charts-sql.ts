import "server-only";
import { splitLargestRemainder } from "@/lib/money/split";
import { INDUSTRY_LABELS, type IndustryGroupCode } from "@/lib/pricing/price-license";
import { PURPOSE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { VISIBLE_RUN_STATUSES } from "./statements.schema";

// The statements page's charts, aggregated in SQL over a handful of statements (never their lines
// in JS). What a chart shows of a line is its allocated money (gross − admin fee share, before
// withholding), so every chart adds up to the same total as the statements' "allocated".
//
// By purpose and by licensee industry are FOR DISPLAY: the run allocates money per work and
// licensee, not per purpose, so a line's money is apportioned over the allocations of its work in
// that run (by their net amounts), and an allocation's over the purposes of the eligible usage
// lines behind it (by units): the licensee's own current report for the quarter and adjustments
// the run took, or every licensee's for the general pool. Money released from an earlier run has
// no usage of its own ("Released"); usage reported under a work since merged into another, or a
// line without allocations, shows as "Not attributed". The shares are exact sums in `numeric`,
// then rounded to cents by largest remainder so the bars add up to the total to the cent.

export const CHART_RUNS = 8;

export type ChartBar = { key: string; label: string; cents: bigint };

const SPECIAL_LABELS: Record<string, string> = {
  GENERAL_POOL: "General pool",
  RELEASED: "Released",
  NOT_STATED: "Industry not stated",
  UNATTRIBUTED: "Not attributed",
};

/** The organisation's last eight visible statements, newest quarter first. */
export async function chartWindow(organizationId: string) {
  const rows = await db.statement.findMany({
    where: { rightsholderId: organizationId, run: { status: { in: [...VISIBLE_RUN_STATUSES] } } },
    orderBy: { run: { quarter: "desc" } },
    take: CHART_RUNS,
    select: { id: true, allocatedCents: true, paidCents: true, run: { select: { quarter: true } } },
  });
  return rows.map((r) => ({ statementId: r.id, quarter: r.run.quarter, allocatedCents: r.allocatedCents, paidCents: r.paidCents }));
}

/** "123.456789" (numeric, six decimals) → millionths of a cent, exactly. */
function micros(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
}

/** Exact cents per bucket that sum to `totalCents`, largest first. */
function toBars(totalCents: bigint, rows: { bucket: string; amount: string }[], labelOf: (key: string) => string): ChartBar[] {
  const weighted = rows.map((r) => ({ id: r.bucket, weight: micros(r.amount) })).filter((r) => r.weight > 0n);
  if (totalCents === 0n || weighted.length === 0) return [];
  const cents = splitLargestRemainder(totalCents, weighted);
  return [...cents.entries()]
    .map(([key, value]) => ({ key, label: labelOf(key), cents: value }))
    .filter((bar) => bar.cents > 0n)
    .sort((a, b) => (a.cents === b.cents ? a.label.localeCompare(b.label) : a.cents > b.cents ? -1 : 1));
}

async function allocatedTotal(statementIds: string[]): Promise<bigint> {
  const rows = await db.$queryRaw<{ total: bigint | null }[]>`
    SELECT SUM("grossCents" - "adminFeeShareCents")::bigint AS total FROM statement_lines WHERE "statementId" = ANY(${statementIds}::uuid[])`;
  return rows[0]?.total ?? 0n;
}

/** The lines of the statements and the allocations of their works in their runs, with each one's weight. */
const LINES_AND_ALLOCATIONS = (statementIds: string[]) => Prisma.sql`
  lines AS (
    SELECT l.id, l."workId", s."runId", r.quarter, (l."grossCents" - l."adminFeeShareCents")::numeric AS money
      FROM statement_lines l
      JOIN statements s ON s.id = l."statementId"
      JOIN distribution_runs r ON r.id = s."runId"
     WHERE l."statementId" = ANY(${statementIds}::uuid[])
  ),
  alloc AS (
    SELECT li.id AS line_id, li.money, li.quarter, a.id AS alloc_id, a."runId", a."workId", a.source::text AS source,
           a."licenseeOrganizationId", a."amountCents"::numeric AS weight,
           SUM(a."amountCents") OVER (PARTITION BY li.id)::numeric AS line_weight
      FROM lines li
      JOIN allocations a ON a."runId" = li."runId" AND a."workId" = li."workId"
  ),
  unattributed_lines AS (
    SELECT 'UNATTRIBUTED'::text AS bucket, li.money AS share FROM lines li
     WHERE NOT EXISTS (SELECT 1 FROM alloc al WHERE al.line_id = li.id AND al.line_weight > 0)
  )`;

/** Royalties by the licensee industry the money came from; the general pool and released money apart. */
export async function earningsByIndustry(statementIds: string[]): Promise<ChartBar[]> {
  const [total, rows] = await Promise.all([
    allocatedTotal(statementIds),
    db.$queryRaw<{ bucket: string; amount: string }[]>`
      WITH ${LINES_AND_ALLOCATIONS(statementIds)},
      shares AS (
        SELECT CASE al.source WHEN 'LICENSEE' THEN COALESCE(lp."industryGroup"::text, 'NOT_STATED') ELSE al.source END AS bucket,
               al.money * al.weight / al.line_weight AS share
          FROM alloc al
          LEFT JOIN licensee_profiles lp ON lp."organizationId" = al."licenseeOrganizationId"
         WHERE al.line_weight > 0
        UNION ALL SELECT bucket, share FROM unattributed_lines
      )
      SELECT bucket, round(SUM(share), 6)::text AS amount FROM shares GROUP BY bucket`,
  ]);
  return toBars(total, rows, (key) => SPECIAL_LABELS[key] ?? INDUSTRY_LABELS[key as IndustryGroupCode] ?? key);
}

/** Royalties by AI purpose, apportioned over the eligible usage behind each allocation (display only). */
export async function earningsByPurpose(statementIds: string[]): Promise<ChartBar[]> {
  const [total, rows] = await Promise.all([
    allocatedTotal(statementIds),
    db.$queryRaw<{ bucket: string; amount: string }[]>`
      WITH ${LINES_AND_ALLOCATIONS(statementIds)},
      usage AS (
        SELECT al.alloc_id, ul.purpose::text AS purpose, SUM(ul.units)::numeric AS units
          FROM alloc al
          JOIN usage_lines ul ON ul."workId" = al."workId" AND ul.eligibility = 'ELIGIBLE'
          JOIN usage_reports ur ON ur.id = ul."reportId"
         WHERE al.source <> 'RELEASED' AND al.line_weight > 0
           AND (al.source = 'GENERAL_POOL' OR ur."organizationId" = al."licenseeOrganizationId")
           AND ((ur.quarter = al.quarter AND ur.status = 'PROCESSED' AND NOT ur."isAdjustment") OR ur."appliedInRunId" = al."runId")
         GROUP BY al.alloc_id, ul.purpose
      ),
      usage_weighted AS (
        SELECT alloc_id, purpose, units, SUM(units) OVER (PARTITION BY alloc_id) AS alloc_units FROM usage
      ),
      shares AS (
        SELECT uw.purpose AS bucket, al.money * al.weight / al.line_weight * uw.units / uw.alloc_units AS share
          FROM usage_weighted uw JOIN alloc al ON al.alloc_id = uw.alloc_id
         WHERE uw.alloc_units > 0
        UNION ALL
        SELECT CASE WHEN al.source = 'RELEASED' THEN 'RELEASED' ELSE 'UNATTRIBUTED' END, al.money * al.weight / al.line_weight
          FROM alloc al
         WHERE al.line_weight > 0 AND NOT EXISTS (SELECT 1 FROM usage_weighted uw WHERE uw.alloc_id = al.alloc_id AND uw.alloc_units > 0)
        UNION ALL SELECT bucket, share FROM unattributed_lines
      )
      SELECT bucket, round(SUM(share), 6)::text AS amount FROM shares GROUP BY bucket`,
  ]);
  return toBars(total, rows, (key) => SPECIAL_LABELS[key] ?? PURPOSE_LABELS[key as PurposeCode] ?? key);
}

export type TopWork = { workId: number; title: string; identifier: string | null; allocatedCents: bigint; netCents: bigint; units: bigint };

/** The works that earned most over the statements, with the title and identifier of their latest line. */
export async function topWorks(statementIds: string[], limit: number): Promise<TopWork[]> {
  const rows = await db.$queryRaw<{ workId: number; title: string; identifier: string | null; allocatedCents: bigint; netCents: bigint; units: bigint }[]>`
    SELECT l."workId",
           (array_agg(l.title ORDER BY r.quarter DESC))[1] AS title,
           (array_agg(l.identifier ORDER BY r.quarter DESC))[1] AS identifier,
           SUM(l."grossCents" - l."adminFeeShareCents")::bigint AS "allocatedCents",
           SUM(l."netCents")::bigint AS "netCents",
           SUM(l.units)::bigint AS units
      FROM statement_lines l
      JOIN statements s ON s.id = l."statementId"
      JOIN distribution_runs r ON r.id = s."runId"
     WHERE l."statementId" = ANY(${statementIds}::uuid[])
     GROUP BY l."workId"
     ORDER BY "allocatedCents" DESC, l."workId"
     LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, workId: Number(r.workId) }));
}
