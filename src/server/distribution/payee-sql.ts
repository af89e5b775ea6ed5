import "server-only";
import { FINAL_RUN_STATUSES_SQL } from "./runs.schema";

// The payee half of a run's calculation (after allocation-sql.ts): each payee's balance, the
// threshold, withholding and what is paid or carried (src/lib/money/payouts.ts settlePayee, as
// SQL), then the statements, their lines, carried balances, payouts and external shares.

/** A tax form on file that is valid on `$6` (src/lib/participation/tax-form.ts, as SQL). */
const TAX_FORM_VALID = `(p."taxFormType" IS NOT NULL AND p."taxFormSignedOn" IS NOT NULL AND (
     p."taxFormType" = 'W9'
  OR (p."taxFormType" = 'OTHER' AND p."taxFormValid")
  OR (p."taxFormType" IN ('W8BEN', 'W8BEN_E') AND $6::date <= make_date(extract(year FROM p."taxFormSignedOn")::int + 3, 12, 31))))`;

export const NO_PAYOUT_ACCOUNT = "No payout account is connected yet: the balance is carried until payouts are set up.";

/**
 * `$1` run id, `$2` quarter, `$3` threshold applied, `$4` domestic and `$5` foreign withholding
 * bps, `$6` the calculation day. A payee's carried in is the carried out of its statement in the
 * latest earlier approved run that has one.
 */
export const PAYEE_SQL = `
CREATE TEMP TABLE dist_payee ON COMMIT DROP AS
WITH alloc AS (
  SELECT org, SUM(amount) AS allocated, SUM(amount + fee) AS gross, SUM(fee) AS fee
    FROM dist_line WHERE org IS NOT NULL GROUP BY org
), carried AS (
  SELECT DISTINCT ON (s."rightsholderId") s."rightsholderId" AS org, s."carriedOutCents"::numeric AS carried
    FROM statements s JOIN distribution_runs r ON r.id = s."runId"
   WHERE r.status IN ${FINAL_RUN_STATUSES_SQL} AND r.quarter < $2 AND r.id <> $1::uuid
   ORDER BY s."rightsholderId", r.quarter DESC
), held AS (
  SELECT w."rightsholderId" AS org, SUM(a.amount) AS held
    FROM dist_alloc a JOIN works w ON w.id = a.work
   WHERE EXISTS (SELECT 1 FROM dist_held h WHERE h.work = a.work) AND a.source <> 'RELEASED'
   GROUP BY 1
), orgs AS (
  SELECT org FROM alloc UNION SELECT org FROM carried WHERE carried > 0 UNION SELECT org FROM held
), facts AS (
  SELECT o.org, COALESCE(c.carried, 0) AS carried_in, COALESCE(a.allocated, 0) AS allocated,
         COALESCE(a.gross, 0) AS gross, COALESCE(a.fee, 0) AS fee, COALESCE(h.held, 0) AS held,
         p."stripeAccountId" AS account, (p."stripeAccountId" IS NOT NULL AND COALESCE(p."payoutsEnabled", false)) AS can_pay,
         CASE WHEN ${TAX_FORM_VALID} THEN 0 WHEN COALESCE(p."isTaxDomestic", true) THEN $4::int ELSE $5::int END AS rate
    FROM orgs o
    LEFT JOIN alloc a ON a.org = o.org
    LEFT JOIN carried c ON c.org = o.org
    LEFT JOIN held h ON h.org = o.org
    LEFT JOIN rightsholder_profiles p ON p."organizationId" = o.org
), settled AS (
  SELECT *, carried_in + allocated AS balance,
         (carried_in + allocated > 0 AND carried_in + allocated >= $3::numeric) AS reached
    FROM facts
)
SELECT org, carried_in, allocated, gross, fee, held, account, rate,
       CASE WHEN reached AND can_pay THEN div(balance * rate + 5000, 10000) ELSE 0 END AS withheld,
       CASE WHEN reached AND can_pay THEN balance - div(balance * rate + 5000, 10000) ELSE 0 END AS paid,
       CASE WHEN reached AND can_pay THEN 0 ELSE balance END AS carried_out,
       CASE WHEN reached AND NOT can_pay THEN '${NO_PAYOUT_ACCOUNT}' END AS blocked
  FROM settled`;

/** `$1` run id, `$2` threshold applied. */
export const INSERT_STATEMENTS_SQL = `
INSERT INTO statements (id, "runId", "rightsholderId", "carriedInCents", "allocatedCents", "withheldCents", "paidCents",
                        "carriedOutCents", "thresholdCents", "withholdingBps", "grossCents", "adminFeeCents", "heldCents", "payoutBlockedReason")
SELECT gen_random_uuid(), $1::uuid, org, carried_in, allocated, withheld, paid, carried_out, $2::bigint, rate, gross, fee, held, blocked
  FROM dist_payee`;

/**
 * The statement lines. A paid statement's withholding is split over its lines by what each line
 * allocated, largest remainder, with the carried-in balance as one more part (id past any work's)
 * whose share stays on the statement: Σ line withholding + that share = the statement's.
 */
export const INSERT_STATEMENT_LINES_SQL = `
WITH ident AS (
  SELECT DISTINCT ON (i."workId") i."workId" AS work, i.value
    FROM work_identifiers i
   WHERE i."workId" IN (SELECT work FROM dist_work)
   ORDER BY i."workId", array_position(ARRAY['ISBN13', 'ISSN', 'DOI', 'URL']::"IdentifierType"[], i.type), i.id
), parts AS (
  SELECT l.org, l.work, l.amount AS weight, p.withheld, p.carried_in + p.allocated AS balance
    FROM dist_line l JOIN dist_payee p ON p.org = l.org WHERE p.withheld > 0
  UNION ALL
  SELECT org, 2147483647, carried_in, withheld, carried_in + allocated FROM dist_payee WHERE withheld > 0 AND carried_in > 0
), shares AS (
  SELECT org, work, withheld, div(withheld * weight, balance) AS w_floor, mod(withheld * weight, balance) AS w_rem FROM parts
), withholding AS (
  SELECT org, work, w_floor + CASE WHEN ROW_NUMBER() OVER (PARTITION BY org ORDER BY w_rem DESC, work) <= withheld - SUM(w_floor) OVER (PARTITION BY org) THEN 1 ELSE 0 END AS withheld
    FROM shares
)
INSERT INTO statement_lines ("statementId", "workId", identifier, title, "licenseesCounted", units, "grossCents",
                             "adminFeeShareCents", "withholdingCents", "netCents", "shareBps")
SELECT s.id, l.work, ident.value, w.title, l.licensees, l.units, l.amount + l.fee, l.fee,
       COALESCE(wh.withheld, 0), l.amount - COALESCE(wh.withheld, 0), l.bps
  FROM dist_line l
  JOIN statements s ON s."runId" = $1::uuid AND s."rightsholderId" = l.org
  JOIN works w ON w.id = l.work
  LEFT JOIN ident ON ident.work = l.work
  LEFT JOIN withholding wh ON wh.org = l.org AND wh.work = l.work`;

/** `$1` run id. */
export const INSERT_CARRIED_SQL = `
INSERT INTO carried_balances ("runId", "organizationId", "amountCents")
SELECT $1::uuid, org, carried_out FROM dist_payee WHERE carried_out > 0`;

/** `$1` run id: one payout per paid statement; its idempotency key is the same on every recalculation. */
export const INSERT_PAYOUTS_SQL = `
INSERT INTO payouts (id, "runId", "statementId", "rightsholderId", "amountCents", "idempotencyKey", "stripeAccountId")
SELECT gen_random_uuid(), $1::uuid, s.id, s."rightsholderId", s."paidCents", 'payout:' || $1 || ':' || s."rightsholderId", p.account
  FROM statements s JOIN dist_payee p ON p.org = s."rightsholderId"
 WHERE s."runId" = $1::uuid AND s."paidCents" > 0`;

/** `$1` run id. */
export const INSERT_EXTERNAL_SQL = `
INSERT INTO external_payee_shares ("runId", "workId", "payeeName", "payeeEmail", "shareBps", "amountCents")
SELECT $1::uuid, work, payee_name, COALESCE(payee_email, ''), bps, amount FROM dist_line WHERE org IS NULL`;

/** The run's figures from what was written. */
export const TOTALS_SQL = `
SELECT
  (SELECT COALESCE(SUM(recognised), 0) FROM dist_licensee)::text AS recognised,
  (SELECT COALESCE(SUM(fee), 0) FROM dist_licensee)::text AS fee,
  (SELECT COALESCE(SUM(amount), 0) FROM dist_alloc)::text AS allocated,
  (SELECT COALESCE(SUM(amount), 0) FROM dist_alloc a WHERE a.source <> 'RELEASED' AND EXISTS (SELECT 1 FROM dist_held h WHERE h.work = a.work))::text AS dispute_held,
  (SELECT COALESCE(SUM(amount), 0) FROM dist_alloc WHERE source = 'RELEASED')::text AS released,
  (SELECT COALESCE(SUM(amount), 0) FROM dist_line WHERE org IS NULL)::text AS external,
  (SELECT COALESCE(SUM(carried_in), 0) FROM dist_payee)::text AS carried_in,
  (SELECT COALESCE(SUM(paid), 0) FROM dist_payee)::text AS paid,
  (SELECT COALESCE(SUM(withheld), 0) FROM dist_payee)::text AS withheld,
  (SELECT COALESCE(SUM(carried_out), 0) FROM dist_payee)::text AS carried_out,
  (SELECT COUNT(*) FROM dist_payee)::int AS payees`;
