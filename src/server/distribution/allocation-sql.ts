import "server-only";
import { FINAL_RUN_STATUSES_SQL } from "./runs.schema";

// The allocation half of a run's calculation as SQL over temporary tables (dropped at commit).
// Every proportional split is DOMAIN.md's largest remainder, in the same shape each time: floor
// each share with numeric arithmetic (cents × units passes 2^63), then hand the cents left over to
// the rows ranked by remainder, descending, ties by ascending id — exactly what
// src/lib/money/split.ts does, which the tests hold this SQL against.

/** `$1` run id, `$2` quarter code, `$3` calculation time (adjustments processed by then count). */
export const USAGE_SQL = `
CREATE TEMP TABLE dist_usage ON COMMIT DROP AS
SELECT r."organizationId" AS org, COALESCE(w."mergedIntoId", w.id) AS work, SUM(l.units)::numeric AS units
  FROM usage_reports r
  JOIN usage_lines l ON l."reportId" = r.id
  JOIN works w ON w.id = l."workId"
 WHERE r.status = 'PROCESSED' AND l.eligibility = 'ELIGIBLE' AND l.units > 0
   AND ((r.quarter = $2 AND NOT r."isAdjustment")
     OR (r."isAdjustment" AND r.quarter < $2 AND r."processedAt" <= $3
         AND (r."appliedInRunId" IS NULL OR r."appliedInRunId" = $1::uuid)))
 GROUP BY 1, 2`;

/** `$1` run id: each licensee's recognised revenue, fee and net, from the run's grant revenues. */
export const LICENSEE_SQL = `
CREATE TEMP TABLE dist_licensee ON COMMIT DROP AS
SELECT "organizationId" AS org, SUM("recognisedCents")::numeric AS recognised,
       SUM("adminFeeCents")::numeric AS fee, SUM("netCents")::numeric AS net
  FROM grant_revenues WHERE "runId" = $1::uuid GROUP BY 1`;

/** Works whose money is held: under an open dispute, on either side (held-works.ts reads the same). */
export const HELD_SQL = `
CREATE TEMP TABLE dist_held ON COMMIT DROP AS
SELECT "workId" AS work FROM disputes WHERE status = 'OPEN'
 UNION
SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL`;

/** Follow the money: each licensee's net (and fee, for the gross) over its own usage by units. */
export const LICENSEE_ALLOCATION_SQL = `
CREATE TEMP TABLE dist_alloc ON COMMIT DROP AS
WITH base AS (
  SELECT u.org, u.work, u.units, l.net, l.fee, SUM(u.units) OVER (PARTITION BY u.org) AS total
    FROM dist_usage u JOIN dist_licensee l ON l.org = u.org
), parts AS (
  SELECT org, work, units, net, fee,
         div(net * units, total) AS net_floor, mod(net * units, total) AS net_rem,
         div(fee * units, total) AS fee_floor, mod(fee * units, total) AS fee_rem
    FROM base
), ranked AS (
  SELECT *,
         net - SUM(net_floor) OVER (PARTITION BY org) AS net_left,
         ROW_NUMBER() OVER (PARTITION BY org ORDER BY net_rem DESC, work) AS net_rank,
         fee - SUM(fee_floor) OVER (PARTITION BY org) AS fee_left,
         ROW_NUMBER() OVER (PARTITION BY org ORDER BY fee_rem DESC, work) AS fee_rank
    FROM parts
)
SELECT 'LICENSEE'::text AS source, org, work, units,
       net_floor + CASE WHEN net_rank <= net_left THEN 1 ELSE 0 END AS amount,
       fee_floor + CASE WHEN fee_rank <= fee_left THEN 1 ELSE 0 END AS fee
  FROM ranked`;

/** The pool's net and fee: licensees with revenue and no eligible usage. */
export const POOL_SOURCES_SQL = `
SELECT COALESCE(SUM(l.net), 0)::text AS net, COALESCE(SUM(l.fee), 0)::text AS fee, COUNT(*)::int AS licensees,
       (SELECT COALESCE(SUM(units), 0) FROM dist_usage)::text AS units
  FROM dist_licensee l WHERE NOT EXISTS (SELECT 1 FROM dist_usage u WHERE u.org = l.org)`;

/** `$1` pool net, `$2` pool fee: the general pool over all licensees' usage, units summed per work. */
export const POOL_ALLOCATION_SQL = `
INSERT INTO dist_alloc (source, org, work, units, amount, fee)
WITH w AS (SELECT work, SUM(units) AS units FROM dist_usage GROUP BY work),
parts AS (
  SELECT work, units, SUM(units) OVER () AS total FROM w
), shares AS (
  SELECT work, units, div($1::numeric * units, total) AS net_floor, mod($1::numeric * units, total) AS net_rem,
         div($2::numeric * units, total) AS fee_floor, mod($2::numeric * units, total) AS fee_rem
    FROM parts
), ranked AS (
  SELECT *, $1::numeric - SUM(net_floor) OVER () AS net_left, ROW_NUMBER() OVER (ORDER BY net_rem DESC, work) AS net_rank,
            $2::numeric - SUM(fee_floor) OVER () AS fee_left, ROW_NUMBER() OVER (ORDER BY fee_rem DESC, work) AS fee_rank
    FROM shares
)
SELECT 'GENERAL_POOL', NULL::uuid, work, units,
       net_floor + CASE WHEN net_rank <= net_left THEN 1 ELSE 0 END,
       fee_floor + CASE WHEN fee_rank <= fee_left THEN 1 ELSE 0 END
  FROM ranked`;

/**
 * `$1` run id, `$2` quarter: money earlier approved runs held for works no longer under an open
 * dispute, released into this run (approval marks the allocations released).
 */
export const RELEASED_ALLOCATION_SQL = `
INSERT INTO dist_alloc (source, org, work, units, amount, fee)
SELECT 'RELEASED', NULL::uuid, a."workId", 0, SUM(a."amountCents"), SUM(a."adminFeeCents")
  FROM allocations a JOIN distribution_runs r ON r.id = a."runId"
 WHERE a."isHeld" AND a."releasedInRunId" IS NULL
   AND r.status IN ${FINAL_RUN_STATUSES_SQL} AND r.quarter < $2 AND r.id <> $1::uuid
   AND NOT EXISTS (SELECT 1 FROM dist_held h WHERE h.work = a."workId")
 GROUP BY a."workId"`;

/** `$1` run id: the allocation rows, each marked held when its work is under dispute now. */
export const INSERT_ALLOCATIONS_SQL = `
INSERT INTO allocations ("runId", "workId", "licenseeOrganizationId", source, units, "amountCents", "adminFeeCents", "isHeld")
SELECT $1::uuid, a.work, a.org, a.source::"AllocationSource", a.units, a.amount, a.fee,
       a.source <> 'RELEASED' AND EXISTS (SELECT 1 FROM dist_held h WHERE h.work = a.work)
  FROM dist_alloc a`;

/** Per work, the money that goes to its owners now (held works stay out). */
export const WORK_MONEY_SQL = `
CREATE TEMP TABLE dist_work ON COMMIT DROP AS
SELECT a.work, SUM(a.amount) AS amount, SUM(a.fee) AS fee,
       COALESCE(SUM(a.units) FILTER (WHERE a.source = 'LICENSEE'), 0) AS units,
       COUNT(*) FILTER (WHERE a.source = 'LICENSEE')::int AS licensees
  FROM dist_alloc a
 WHERE NOT EXISTS (SELECT 1 FROM dist_held h WHERE h.work = a.work)
 GROUP BY a.work`;

/**
 * A work's money over its owners: its co-owner rows by basis points (largest remainder by row id,
 * over the shares' sum), or wholly its rightsholder. Named external payees keep org NULL.
 */
export const PAYEE_LINES_SQL = `
CREATE TEMP TABLE dist_line ON COMMIT DROP AS
WITH owned AS (
  SELECT d.work, d.amount, d.fee, d.units, d.licensees, c.id AS owner_row, c."organizationId" AS org,
         c."externalPayeeName" AS payee_name, c."externalPayeeEmail" AS payee_email, c."shareBps"::numeric AS bps,
         SUM(c."shareBps") OVER (PARTITION BY d.work)::numeric AS total
    FROM dist_work d JOIN work_co_owners c ON c."workId" = d.work
), shares AS (
  SELECT *, div(amount * bps, total) AS amount_floor, mod(amount * bps, total) AS amount_rem,
            div(fee * bps, total) AS fee_floor, mod(fee * bps, total) AS fee_rem
    FROM owned
), ranked AS (
  SELECT *, amount - SUM(amount_floor) OVER w AS amount_left, ROW_NUMBER() OVER (PARTITION BY work ORDER BY amount_rem DESC, owner_row) AS amount_rank,
            fee - SUM(fee_floor) OVER w AS fee_left, ROW_NUMBER() OVER (PARTITION BY work ORDER BY fee_rem DESC, owner_row) AS fee_rank
    FROM shares WINDOW w AS (PARTITION BY work)
)
SELECT work, org, payee_name, payee_email, bps::int AS bps, units, licensees,
       amount_floor + CASE WHEN amount_rank <= amount_left THEN 1 ELSE 0 END AS amount,
       fee_floor + CASE WHEN fee_rank <= fee_left THEN 1 ELSE 0 END AS fee
  FROM ranked
 UNION ALL
SELECT d.work, w."rightsholderId", NULL, NULL, 10000, d.units, d.licensees, d.amount, d.fee
  FROM dist_work d JOIN works w ON w.id = d.work
 WHERE NOT EXISTS (SELECT 1 FROM work_co_owners c WHERE c."workId" = d.work)`;
