// The distribution bench's raw baseline: ONE SQL statement computing the quarter's allocation the
// way shared/DOMAIN.md and decisions 015/017 state it, straight from the source tables, with no
// rows written but its answer (per payee, plus a few totals to hold the run's figures against):
// - recognition per grant, floor(F·d_end/D) − floor(F·d_start/D), with at most ONE refund per grant
//   (decision 015: what C(r) recognised stays, F − C(r) − R is spread over the remaining days) —
//   the seed gives no grant a second refund;
// - the admin fee per grant, round half up; each licensee's net over its eligible usage by units,
//   largest remainder (ties by work id); licensees without eligible usage into the general pool,
//   split by all eligible units per work; a merged work's usage counts for the work it went into;
// - a work's total over its co-owner rows by basis points, largest remainder by row id, else 100 %
//   to its rightsholder; works under an OPEN dispute (either side) held, external co-owners apart.
// div()/mod() on numeric are exact (a numeric quotient is rounded, and floor() of it can be off).
export type RawQuarter = { code: string; startsOn: string; endsOn: string; adminFeeBps: number };

/** Rows (payee, cents): one per payee organisation, then EXTERNAL, HELD, RECOGNISED, ADMIN_FEE, POOL. */
export const RAW_TABLE = "bench_raw_result";

export const rawDistributionSql = (q: RawQuarter) => `
CREATE UNLOGGED TABLE ${RAW_TABLE} AS
WITH held AS (
  SELECT "workId" AS work FROM disputes WHERE status = 'OPEN'
  UNION SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL
), terms AS (
  SELECT g.id, g."organizationId" AS lic, g."feeCents"::numeric AS f, g."termDays"::numeric AS dd,
         LEAST(GREATEST(DATE '${q.startsOn}' - g."startsOn", 0), g."termDays")::numeric AS ds,
         LEAST(GREATEST(DATE '${q.endsOn}' - g."startsOn", 0), g."termDays")::numeric AS de,
         -- GREATEST/LEAST skip NULLs: a grant without a refund keeps ra NULL only through the CASE.
         CASE WHEN r.id IS NOT NULL THEN LEAST(GREATEST(r."effectiveOn" - g."startsOn", 0), g."termDays")::numeric END AS ra, r."amountCents"::numeric AS rv
    FROM license_grants g LEFT JOIN refunds r ON r."grantId" = g.id
   WHERE g.status IN ('ACTIVE', 'EXPIRED', 'REVOKED') AND g."startsOn" IS NOT NULL AND g."termDays" > 0
), curve AS (
  SELECT t.*, div(t.f * t.ra, t.dd) AS cr FROM terms t
), recognised AS (
  SELECT c.id, c.lic, e.c_end - s.c_start AS cents
    FROM curve c,
         LATERAL (SELECT CASE WHEN c.ra IS NULL OR c.de <= c.ra OR c.ra = c.dd THEN div(c.f * c.de, c.dd)
                              ELSE c.cr + div(GREATEST(c.f - c.cr - c.rv, 0) * (c.de - c.ra), c.dd - c.ra) END AS c_end) e,
         LATERAL (SELECT CASE WHEN c.ra IS NULL OR c.ds <= c.ra OR c.ra = c.dd THEN div(c.f * c.ds, c.dd)
                              ELSE c.cr + div(GREATEST(c.f - c.cr - c.rv, 0) * (c.ds - c.ra), c.dd - c.ra) END AS c_start) s
), fees AS (
  SELECT id, lic, cents, div(cents * ${q.adminFeeBps} + 5000, 10000) AS fee FROM recognised
), licensee AS (
  SELECT lic, sum(cents - fee) AS net FROM fees GROUP BY lic
), usage AS (
  SELECT r."organizationId" AS lic, CASE WHEN w.status = 'MERGED' THEN w."mergedIntoId" ELSE w.id END AS work, sum(l.units)::numeric AS units
    FROM usage_reports r JOIN usage_lines l ON l."reportId" = r.id JOIN works w ON w.id = l."workId"
   WHERE r.quarter = '${q.code}' AND r.status = 'PROCESSED' AND NOT r."isAdjustment" AND l.eligibility = 'ELIGIBLE'
   GROUP BY 1, 2
), licensee_split AS (
  SELECT u.lic, u.work, n.net, div(n.net * u.units, sum(u.units) OVER byLicensee) AS base, mod(n.net * u.units, sum(u.units) OVER byLicensee) AS rem
    FROM usage u JOIN licensee n ON n.lic = u.lic
  WINDOW byLicensee AS (PARTITION BY u.lic)
), licensee_alloc AS (
  SELECT work, base + CASE WHEN row_number() OVER (PARTITION BY lic ORDER BY rem DESC, work) <= net - sum(base) OVER (PARTITION BY lic) THEN 1 ELSE 0 END AS cents
    FROM licensee_split
), pool AS (
  SELECT COALESCE(sum(n.net) FILTER (WHERE NOT EXISTS (SELECT 1 FROM usage u WHERE u.lic = n.lic)), 0)
         + COALESCE((SELECT "heldOutCents" FROM distribution_runs WHERE status IN ('APPROVED', 'PAYING', 'PAID') AND quarter < '${q.code}' ORDER BY quarter DESC LIMIT 1), 0) AS cents
    FROM licensee n
), pool_split AS (
  SELECT w.work, p.cents AS pool, div(p.cents * w.units, sum(w.units) OVER ()) AS base, mod(p.cents * w.units, sum(w.units) OVER ()) AS rem
    FROM (SELECT work, sum(units) AS units FROM usage GROUP BY work) w CROSS JOIN pool p
), pool_alloc AS (
  SELECT work, base + CASE WHEN row_number() OVER (ORDER BY rem DESC, work) <= pool - sum(base) OVER () THEN 1 ELSE 0 END AS cents FROM pool_split
), per_work AS (
  SELECT work, sum(cents) AS cents, work IN (SELECT work FROM held) AS is_held
    FROM (SELECT work, cents FROM licensee_alloc UNION ALL SELECT work, cents FROM pool_alloc) a GROUP BY work
), co_split AS (
  SELECT c.id, c."organizationId" AS org, w.work, w.cents,
         div(w.cents * c."shareBps", sum(c."shareBps") OVER byWork) AS base, mod(w.cents * c."shareBps", sum(c."shareBps") OVER byWork) AS rem
    FROM per_work w JOIN work_co_owners c ON c."workId" = w.work WHERE NOT w.is_held
  WINDOW byWork AS (PARTITION BY w.work)
), payees AS (
  SELECT org, base + CASE WHEN row_number() OVER (PARTITION BY work ORDER BY rem DESC, id) <= cents - sum(base) OVER (PARTITION BY work) THEN 1 ELSE 0 END AS cents
    FROM co_split
  UNION ALL
  SELECT wk."rightsholderId", w.cents FROM per_work w JOIN works wk ON wk.id = w.work
   WHERE NOT w.is_held AND NOT EXISTS (SELECT 1 FROM work_co_owners c WHERE c."workId" = w.work)
)
SELECT org::text AS payee, sum(cents) AS cents FROM payees WHERE org IS NOT NULL GROUP BY org
UNION ALL SELECT 'EXTERNAL', COALESCE(sum(cents), 0) FROM payees WHERE org IS NULL
UNION ALL SELECT 'HELD', COALESCE(sum(cents), 0) FROM per_work WHERE is_held
UNION ALL SELECT 'RECOGNISED', COALESCE(sum(cents), 0) FROM fees
UNION ALL SELECT 'ADMIN_FEE', COALESCE(sum(fee), 0) FROM fees
UNION ALL SELECT 'POOL', cents FROM pool
`;
