// The distribution bench's checks on a calculated run: decision 017's invariants on the rows the
// run wrote, and the run held against the raw baseline's answer (distribution-raw.ts), payee by
// payee. Each is one query; a check passes when its query says so.
import pg from "pg";
import { RAW_TABLE } from "./distribution-raw";

export type CheckResult = { name: string; ok: boolean; detail: string };

type Check = { name: string; sql: string };

const NEGATIVE_COLUMNS: Record<string, string[]> = {
  distribution_runs: ["recognisedCents", "adminFeeCents", "allocatedCents", "heldInCents", "heldOutCents", "disputeHeldCents", "releasedCents", "externalCents", "carriedInCents", "paidCents", "withheldCents", "carriedOutCents"],
  grant_revenues: ["recognisedCents", "adminFeeCents", "netCents"],
  allocations: ["units", "amountCents", "adminFeeCents"],
  statements: ["carriedInCents", "allocatedCents", "withheldCents", "paidCents", "carriedOutCents", "thresholdCents", "grossCents", "adminFeeCents", "heldCents"],
  payouts: ["amountCents"],
  carried_balances: ["amountCents"],
  external_payee_shares: ["amountCents"],
};

const negativeRows = (table: string, columns: string[]) =>
  `(SELECT count(*) FROM ${table} WHERE ${table === "distribution_runs" ? "id" : `"runId"`} = $1::uuid AND (${columns.map((c) => `"${c}" < 0`).join(" OR ")}))`;

// Every query takes the run id as $1 and returns (ok boolean, detail text).
const CHECKS: Check[] = [
  { name: "the run is CALCULATED", sql: `SELECT status = 'CALCULATED' AS ok, status::text AS detail FROM distribution_runs WHERE id = $1::uuid` },
  {
    name: "recognised = admin fees + allocated + held out − held in − released",
    sql: `SELECT "recognisedCents" = "adminFeeCents" + "allocatedCents" + "heldOutCents" - "heldInCents" - "releasedCents" AS ok,
                 format('%s = %s + %s + %s − %s − %s', "recognisedCents", "adminFeeCents", "allocatedCents", "heldOutCents", "heldInCents", "releasedCents") AS detail
            FROM distribution_runs WHERE id = $1::uuid`,
  },
  {
    name: "recognised and admin fees = Σ grant_revenues",
    sql: `SELECT r."recognisedCents" = g.rec AND r."adminFeeCents" = g.fee AS ok, format('run %s / %s, grant revenues %s / %s (%s rows)', r."recognisedCents", r."adminFeeCents", g.rec, g.fee, g.n) AS detail
            FROM distribution_runs r, (SELECT COALESCE(sum("recognisedCents"), 0) AS rec, COALESCE(sum("adminFeeCents"), 0) AS fee, count(*) AS n FROM grant_revenues WHERE "runId" = $1::uuid) g
           WHERE r.id = $1::uuid`,
  },
  {
    name: "allocated = Σ allocations.amountCents (held and external included)",
    sql: `SELECT r."allocatedCents" = a.s AS ok, format('run %s, allocations %s (%s rows)', r."allocatedCents", a.s, a.n) AS detail
            FROM distribution_runs r, (SELECT COALESCE(sum("amountCents"), 0) AS s, count(*) AS n FROM allocations WHERE "runId" = $1::uuid) a WHERE r.id = $1::uuid`,
  },
  {
    name: "every statement: carried in + allocated = paid + withheld + carried out",
    sql: `SELECT count(*) FILTER (WHERE "carriedInCents" + "allocatedCents" <> "paidCents" + "withheldCents" + "carriedOutCents") = 0 AS ok,
                 format('%s of %s statements off', count(*) FILTER (WHERE "carriedInCents" + "allocatedCents" <> "paidCents" + "withheldCents" + "carriedOutCents"), count(*)) AS detail
            FROM statements WHERE "runId" = $1::uuid`,
  },
  {
    name: "Σ statements.allocated + Σ external shares + dispute held = run allocated",
    sql: `SELECT s.a + e.a + r."disputeHeldCents" = r."allocatedCents" AS ok, format('%s + %s + %s vs %s', s.a, e.a, r."disputeHeldCents", r."allocatedCents") AS detail
            FROM distribution_runs r, (SELECT COALESCE(sum("allocatedCents"), 0) AS a FROM statements WHERE "runId" = $1::uuid) s,
                 (SELECT COALESCE(sum("amountCents"), 0) AS a FROM external_payee_shares WHERE "runId" = $1::uuid) e WHERE r.id = $1::uuid`,
  },
  {
    name: "no negative amounts",
    sql: `SELECT n = 0 AS ok, format('%s rows with a negative amount', n) AS detail FROM (SELECT ${Object.entries(NEGATIVE_COLUMNS).map(([t, c]) => negativeRows(t, c)).join(" + ")}
            + (SELECT count(*) FROM statement_lines l JOIN statements s ON s.id = l."statementId" WHERE s."runId" = $1::uuid
                AND (l.units < 0 OR l."grossCents" < 0 OR l."adminFeeShareCents" < 0 OR l."withholdingCents" < 0 OR l."netCents" < 0)) AS n) x`,
  },
  {
    name: "per payee: the run's statements.allocated = the raw baseline's, row by row",
    sql: `SELECT count(*) FILTER (WHERE COALESCE(p.cents, 0) <> COALESCE(r.cents, 0)) = 0 AND sum(p.cents) IS NOT DISTINCT FROM sum(r.cents) AS ok,
                 format('%s mismatches; Σ run %s, Σ raw %s; %s payees with money in the run, %s in raw', count(*) FILTER (WHERE COALESCE(p.cents, 0) <> COALESCE(r.cents, 0)),
                        sum(p.cents), sum(r.cents), count(*) FILTER (WHERE p.cents > 0), count(*) FILTER (WHERE r.cents > 0)) AS detail
            FROM (SELECT "rightsholderId"::text AS payee, "allocatedCents"::numeric AS cents FROM statements WHERE "runId" = $1::uuid) p
            FULL JOIN (SELECT payee, cents FROM ${RAW_TABLE} WHERE payee ~ '^[0-9a-f-]{36}$') r ON r.payee = p.payee`,
  },
  {
    name: "recognised, admin fees, dispute held and external = the raw baseline's",
    sql: `SELECT (r."recognisedCents", r."adminFeeCents", r."disputeHeldCents", r."externalCents") = (x."RECOGNISED", x."ADMIN_FEE", x."HELD", x."EXTERNAL") AS ok,
                 format('run %s / %s / %s / %s, raw %s / %s / %s / %s', r."recognisedCents", r."adminFeeCents", r."disputeHeldCents", r."externalCents",
                        x."RECOGNISED", x."ADMIN_FEE", x."HELD", x."EXTERNAL") AS detail
            FROM distribution_runs r,
                 (SELECT max(cents) FILTER (WHERE payee = 'RECOGNISED') AS "RECOGNISED", max(cents) FILTER (WHERE payee = 'ADMIN_FEE') AS "ADMIN_FEE",
                         max(cents) FILTER (WHERE payee = 'HELD') AS "HELD", max(cents) FILTER (WHERE payee = 'EXTERNAL') AS "EXTERNAL" FROM ${RAW_TABLE}) x
           WHERE r.id = $1::uuid`,
  },
  {
    name: "one payout per statement with paid > 0, for the amount paid, keyed payout:<run>:<payee>",
    sql: `SELECT count(*) FILTER (WHERE NOT fine) = 0 AND count(*) = (SELECT count(*) FROM statements WHERE "runId" = $1::uuid AND "paidCents" > 0) AS ok,
                 format('%s payouts, %s not matching their statement; %s statements with paid > 0', count(*), count(*) FILTER (WHERE NOT fine),
                        (SELECT count(*) FROM statements WHERE "runId" = $1::uuid AND "paidCents" > 0)) AS detail
            FROM (SELECT s."runId" = $1::uuid AND s."paidCents" > 0 AND p."amountCents" = s."paidCents" AND p."rightsholderId" = s."rightsholderId"
                         AND p."idempotencyKey" = 'payout:' || $1::uuid || ':' || s."rightsholderId" AS fine
                    FROM payouts p JOIN statements s ON s.id = p."statementId" WHERE p."runId" = $1::uuid) x`,
  },
  {
    name: "no payout to a payee without a connected account with payouts enabled",
    sql: `SELECT count(*) = 0 AS ok, format('%s payouts to payees who cannot be paid', count(*)) AS detail
            FROM payouts p LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = p."rightsholderId"
           WHERE p."runId" = $1::uuid AND (rp."stripeAccountId" IS NULL OR NOT rp."payoutsEnabled" OR p."stripeAccountId" IS DISTINCT FROM rp."stripeAccountId")`,
  },
];

export async function checkRun(client: pg.Client, runId: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    const row = (await client.query<{ ok: boolean | null; detail: string | null }>(check.sql, [runId])).rows[0];
    results.push({ name: check.name, ok: row?.ok === true, detail: row?.detail ?? "no answer" });
  }
  return results;
}
