import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { formatCents } from "@/lib/pricing/price-license";
import type { DbOrTx } from "../db";
import type { ReconciledRun, ReconciliationCheck } from "./reconciliation";
import { FINAL_RUN_STATUSES } from "./runs.schema";

// The reconciliation's per-row checks: every licensee, payee ledger, statement, payout and
// carried balance of the run. Each query counts the rows that break the rule and names the first
// few (the count comes with them, COUNT(*) OVER ()), so a failing check says how many and which.

/** The run's rows summed once (reconciliation.ts); every figure is a whole number of cents or rows. */
export type RunTotals = {
  allocations: bigint; held_allocations: bigint; released_allocations: bigint; pool_allocations: bigint;
  revenue_recognised: bigint; revenue_fee: bigint;
  statements: number; paying_statements: number; carrying_statements: number;
  statement_carried_in: bigint; statement_allocated: bigint; statement_paid: bigint; statement_withheld: bigint;
  statement_carried_out: bigint; statement_held: bigint;
  external_shares: bigint; paid_payouts: number; payout_amounts: bigint; paid_without_transfer: number; paid_once: number; duplicate_transfers: number;
  allocating_licensees: number; licensee_gross: bigint; licensee_recognised: bigint; pool_sources: bigint;
};

type FailingRow = { total: number; name: string | null; what: string | null; expected: bigint; actual: bigint };
type Failing = { count: number; rows: FailingRow[] };

const EXAMPLES = 5;
const $ = (cents: bigint) => formatCents(cents);
const FINAL = Prisma.join([...FINAL_RUN_STATUSES].map((s) => Prisma.sql`${s}::"RunStatus"`));

async function failing(client: DbOrTx, query: Prisma.Sql): Promise<Failing> {
  const rows = await client.$queryRaw<FailingRow[]>`${query} LIMIT ${EXAMPLES}`;
  return { count: rows[0]?.total ?? 0, rows };
}

function listed(found: Failing, noun: string): string {
  const names = found.rows.map((r) => `${r.name ?? "(no organisation)"}: ${r.what ? `${r.what}, ` : ""}expected ${$(r.expected)}, found ${$(r.actual)}`);
  return `${found.count} ${noun} fail${found.count === 1 ? "s" : ""}: ${names.join("; ")}${found.count > found.rows.length ? "; …" : "."}`;
}

/** Rows checked one by one: expected = how many were checked, actual = how many hold. */
function rowCheck(key: string, label: string, checked: number, found: Failing, noun: string, passing: string): ReconciliationCheck {
  return {
    key, label, unit: "count", expected: BigInt(checked), actual: BigInt(Math.max(0, checked - found.count)), passed: found.count === 0,
    detail: found.count === 0 ? passing : listed(found, noun),
  };
}

const sums = (key: string, label: string, expected: bigint, actual: bigint, detail: string): ReconciliationCheck => ({
  key, label, unit: "cents", expected, actual, passed: expected === actual, detail,
});

export async function ledgerChecks(client: DbOrTx, run: ReconciledRun, t: RunTotals): Promise<ReconciliationCheck[]> {
  const runId = Prisma.sql`${run.id}::uuid`;
  const licensees = await failing(client, Prisma.sql`
    WITH a AS (SELECT "licenseeOrganizationId" AS org, SUM("amountCents" + "adminFeeCents")::bigint AS gross FROM allocations WHERE "runId" = ${runId} AND source = 'LICENSEE' GROUP BY 1),
         g AS (SELECT "organizationId" AS org, SUM("recognisedCents")::bigint AS recognised FROM grant_revenues WHERE "runId" = ${runId} GROUP BY 1)
    SELECT COUNT(*) OVER ()::int AS total, o.name, NULL AS what, COALESCE(g.recognised, 0)::bigint AS expected, a.gross AS actual
      FROM a LEFT JOIN g ON g.org = a.org LEFT JOIN organizations o ON o.id = a.org
     WHERE a.gross <> COALESCE(g.recognised, 0) ORDER BY o.name`);
  const ledgers = await failing(client, Prisma.sql`
    SELECT COUNT(*) OVER ()::int AS total, o.name, 'carried in + allocated vs paid + withheld + carried out' AS what,
           (s."carriedInCents" + s."allocatedCents")::bigint AS expected, (s."paidCents" + s."withheldCents" + s."carriedOutCents")::bigint AS actual
      FROM statements s JOIN organizations o ON o.id = s."rightsholderId"
     WHERE s."runId" = ${runId} AND s."carriedInCents" + s."allocatedCents" <> s."paidCents" + s."withheldCents" + s."carriedOutCents"
     ORDER BY o.name`);
  const lineSums = await failing(client, Prisma.sql`
    WITH l AS (SELECT l."statementId", SUM(l."grossCents" - l."adminFeeShareCents")::bigint AS allocated, SUM(l."grossCents")::bigint AS gross, SUM(l."adminFeeShareCents")::bigint AS fee
                 FROM statement_lines l JOIN statements s ON s.id = l."statementId" WHERE s."runId" = ${runId} GROUP BY 1),
         c AS (SELECT s.*, COALESCE(l.allocated, 0) AS l_allocated, COALESCE(l.gross, 0) AS l_gross, COALESCE(l.fee, 0) AS l_fee
                 FROM statements s LEFT JOIN l ON l."statementId" = s.id WHERE s."runId" = ${runId})
    SELECT COUNT(*) OVER ()::int AS total, o.name,
           CASE WHEN c."allocatedCents" <> c.l_allocated THEN 'allocated vs lines'' gross − fee' WHEN c."grossCents" <> c.l_gross THEN 'gross vs lines' ELSE 'admin fee vs lines' END AS what,
           CASE WHEN c."allocatedCents" <> c.l_allocated THEN c."allocatedCents" WHEN c."grossCents" <> c.l_gross THEN c."grossCents" ELSE c."adminFeeCents" END AS expected,
           CASE WHEN c."allocatedCents" <> c.l_allocated THEN c.l_allocated WHEN c."grossCents" <> c.l_gross THEN c.l_gross ELSE c.l_fee END::bigint AS actual
      FROM c JOIN organizations o ON o.id = c."rightsholderId"
     WHERE c."allocatedCents" <> c.l_allocated OR c."grossCents" <> c.l_gross OR c."adminFeeCents" <> c.l_fee
     ORDER BY o.name`);
  const lineNets = await failing(client, Prisma.sql`
    WITH l AS (SELECT l."statementId", SUM(l."withholdingCents")::bigint AS withholding,
                      COUNT(*) FILTER (WHERE l."netCents" <> l."grossCents" - l."adminFeeShareCents" - l."withholdingCents")::int AS bad_lines
                 FROM statement_lines l JOIN statements s ON s.id = l."statementId" WHERE s."runId" = ${runId} GROUP BY 1)
    SELECT COUNT(*) OVER ()::int AS total, o.name,
           CASE WHEN l.bad_lines > 0 THEN l.bad_lines || ' line(s) whose net is not gross − fee − withholding; withholding' ELSE 'lines'' withholding above the statement''s' END AS what,
           s."withheldCents" AS expected, l.withholding AS actual
      FROM statements s JOIN l ON l."statementId" = s.id JOIN organizations o ON o.id = s."rightsholderId"
     WHERE s."runId" = ${runId} AND (l.bad_lines > 0 OR l.withholding > s."withheldCents")
     ORDER BY o.name`);
  const carried = await failing(client, Prisma.sql`
    SELECT COUNT(*) OVER ()::int AS total, o.name, CASE WHEN c.id IS NULL THEN 'no carried balance row' WHEN s.id IS NULL THEN 'carried balance without a carrying statement' END AS what,
           COALESCE(s."carriedOutCents", 0)::bigint AS expected, COALESCE(c."amountCents", 0)::bigint AS actual
      FROM (SELECT * FROM statements WHERE "runId" = ${runId} AND "carriedOutCents" > 0) s
      FULL JOIN (SELECT * FROM carried_balances WHERE "runId" = ${runId}) c ON c."organizationId" = s."rightsholderId"
      LEFT JOIN organizations o ON o.id = COALESCE(s."rightsholderId", c."organizationId")
     WHERE s.id IS NULL OR c.id IS NULL OR s."carriedOutCents" <> c."amountCents"
     ORDER BY o.name`);
  // A payout's key is payout:<run>:<payee>; a staff retry of a refused transfer appends :retry-N (retry-payout.ts).
  const payouts = await failing(client, Prisma.sql`
    SELECT COUNT(*) OVER ()::int AS total, o.name,
           CASE WHEN p.id IS NULL THEN 'no payout' WHEN s.id IS NULL THEN 'payout without a paid statement of this run'
                WHEN p."rightsholderId" <> s."rightsholderId" THEN 'payout to another payee'
                WHEN p."amountCents" <> s."paidCents" THEN 'amount differs' ELSE 'unexpected idempotency key' END AS what,
           COALESCE(s."paidCents", 0)::bigint AS expected, COALESCE(p."amountCents", 0)::bigint AS actual
      FROM (SELECT * FROM statements WHERE "runId" = ${runId} AND "paidCents" > 0) s
      FULL JOIN (SELECT * FROM payouts WHERE "runId" = ${runId}) p ON p."statementId" = s.id
      LEFT JOIN organizations o ON o.id = COALESCE(s."rightsholderId", p."rightsholderId")
     WHERE p.id IS NULL OR s.id IS NULL OR p."rightsholderId" <> s."rightsholderId" OR p."amountCents" <> s."paidCents"
        OR NOT (p."idempotencyKey" = 'payout:' || ${run.id} || ':' || s."rightsholderId" OR p."idempotencyKey" LIKE 'payout:' || ${run.id} || ':' || s."rightsholderId" || ':retry-%')
     ORDER BY o.name`);
  const carriedIn = await failing(client, Prisma.sql`
    SELECT COUNT(*) OVER ()::int AS total, o.name, COALESCE('carried out in ' || prev.quarter, 'no earlier approved statement') AS what,
           COALESCE(prev."carriedOutCents", 0)::bigint AS expected, s."carriedInCents" AS actual
      FROM statements s JOIN organizations o ON o.id = s."rightsholderId"
      LEFT JOIN LATERAL (
        SELECT r.quarter, ps."carriedOutCents" FROM statements ps JOIN distribution_runs r ON r.id = ps."runId"
         WHERE ps."rightsholderId" = s."rightsholderId" AND r.status IN (${FINAL}) AND r.quarter < ${run.quarter} AND r.id <> ${runId}
         ORDER BY r.quarter DESC LIMIT 1) prev ON true
     WHERE s."runId" = ${runId} AND s."carriedInCents" <> COALESCE(prev."carriedOutCents", 0)
     ORDER BY o.name`);
  const [previous] = await client.$queryRaw<{ quarter: string; heldOutCents: bigint }[]>`
    SELECT quarter, "heldOutCents" FROM distribution_runs WHERE status IN (${FINAL}) AND quarter < ${run.quarter} AND id <> ${runId} ORDER BY quarter DESC LIMIT 1`;
  const negatives = await negativeAmounts(client, run);
  const negativeCount = negatives.reduce((n, r) => n + r.count, 0);
  const paidOnceProblems = [
    t.duplicate_transfers > 0 ? `${t.duplicate_transfers} Stripe transfer id${t.duplicate_transfers === 1 ? " is" : "s are"} on more than one payout` : null,
    t.paid_without_transfer > 0 ? `${t.paid_without_transfer} payout${t.paid_without_transfer === 1 ? " is" : "s are"} PAID without a Stripe transfer` : null,
    t.paid_payouts > t.paying_statements ? "more payouts are PAID than statements pay" : null,
    run.status === "PAID" && t.paid_payouts < t.paying_statements ? "the run is PAID but not every payout is" : null,
  ].filter((p): p is string => p !== null);

  return [
    rowCheck("allocations-per-licensee", "Follow the money: each licensee's allocations to the works it used (net + fee) = that licensee's recognised revenue",
      t.allocating_licensees, licensees, "licensee", `${t.allocating_licensees} licensee(s) with eligible usage: ${$(t.licensee_gross)} allocated of ${$(t.licensee_recognised)} recognised, each to the cent.`),
    rowCheck("payee-ledgers", "Every payee's ledger: carried in + allocated = paid + withheld + carried out", t.statements, ledgers, "statement", `All ${t.statements} statement(s) balance.`),
    rowCheck("statement-lines", "Every statement's lines: Σ (gross − admin fee share) = the statement's allocated (and its gross and fee are the lines' sums)", t.statements, lineSums, "statement", "Every statement equals the sum of its lines."),
    rowCheck("statement-line-net", "Every line: net = gross − admin fee share − withholding, and a statement's lines withhold no more than the statement", t.statements, lineNets, "statement", "Every line's net and withholding hold."),
    sums("statement-carried-in", "Σ statements' carried in = the run's carried in", run.carriedInCents, t.statement_carried_in, `Run ${$(run.carriedInCents)}; statements ${$(t.statement_carried_in)}.`),
    sums("statement-paid", "Σ statements' paid = the run's paid", run.paidCents, t.statement_paid, `Run ${$(run.paidCents)}; statements ${$(t.statement_paid)}.`),
    sums("statement-withheld", "Σ statements' withheld = the run's withheld (tax withholding)", run.withheldCents, t.statement_withheld, `Run ${$(run.withheldCents)}; statements ${$(t.statement_withheld)}.`),
    sums("statement-carried-out", "Σ statements' carried out = the run's carried out", run.carriedOutCents, t.statement_carried_out, `Run ${$(run.carriedOutCents)}; statements ${$(t.statement_carried_out)}.`),
    sums("statement-allocated", "Allocated = Σ statements' allocated + held for disputes + external co-owners", run.allocatedCents, t.statement_allocated + run.disputeHeldCents + run.externalCents,
      `Statements ${$(t.statement_allocated)} + held ${$(run.disputeHeldCents)} + external ${$(run.externalCents)}; the run allocated ${$(run.allocatedCents)}.`),
    sums("statement-held", "Held for disputes = Σ statements' held", run.disputeHeldCents, t.statement_held, `Run ${$(run.disputeHeldCents)}; statements ${$(t.statement_held)}.`),
    rowCheck("carried-balances", "Every balance carried out has its carried balance row, for the same amount", t.carrying_statements, carried, "payee", `${t.carrying_statements} carried balance(s), each matching its statement.`),
    {
      // The sums may agree while a payout goes to the wrong payee or under a wrong key: the rows decide too.
      ...sums("payouts-match-statements", "One payout per statement that pays, for the amount paid, to that payee, under its idempotency key", t.statement_paid, t.payout_amounts,
        payouts.count === 0 ? `${t.paying_statements} statement(s) pay ${$(t.statement_paid)}; their payouts add up to ${$(t.payout_amounts)}.` : listed(payouts, "payout")),
      passed: payouts.count === 0 && t.statement_paid === t.payout_amounts,
    },
    {
      // Expected: every PAID payout with a transfer of its own (and, once the run is PAID, every paying statement's payout).
      key: "payouts-paid-once", label: "Each payout paid once: every PAID payout has a Stripe transfer of its own, never more PAID payouts than statements that pay, and all of them once the run is PAID",
      unit: "count", expected: BigInt(run.status === "PAID" ? t.paying_statements : t.paid_payouts), actual: BigInt(t.paid_once), passed: paidOnceProblems.length === 0,
      detail: paidOnceProblems.length === 0 ? `${t.paid_payouts} of ${t.paying_statements} payout(s) paid, each by its own transfer.` : `${paidOnceProblems.join("; ")}.`,
    },
    rowCheck("carried-in", "Every payee's carried in = the carried out of its statement in the latest earlier approved run (none: 0)", t.statements, carriedIn, "statement", "Every carried-in balance matches the payee's last approved statement."),
    sums("held-in", "General pool held in = the pool held out by the latest earlier approved run (none: 0)", previous?.heldOutCents ?? 0n, run.heldInCents,
      previous ? `The ${previous.quarter} run held out ${$(previous.heldOutCents)}; this run held in ${$(run.heldInCents)}.` : `No earlier approved run; this run held in ${$(run.heldInCents)}.`),
    {
      key: "no-negative-amounts", label: "No negative amount anywhere in the run (its figures, grant revenues, allocations, statements, lines, payouts, carried balances, external shares)",
      unit: "count", expected: 0n, actual: BigInt(negativeCount), passed: negativeCount === 0,
      detail: negativeCount === 0 ? "No negative amounts." : `Negative amounts in ${negatives.filter((r) => r.count > 0).map((r) => `${r.table} (${r.count})`).join(", ")}.`,
    },
  ];
}

const runMoneyColumns = [
  "recognisedCents", "adminFeeCents", "allocatedCents", "heldInCents", "heldOutCents", "disputeHeldCents", "releasedCents", "externalCents",
  "carriedInCents", "paidCents", "withheldCents", "carriedOutCents",
] as const;

async function negativeAmounts(client: DbOrTx, run: ReconciledRun): Promise<{ table: string; count: number }[]> {
  const runId = Prisma.sql`${run.id}::uuid`;
  const [row] = await client.$queryRaw<Record<string, number>[]>`
    SELECT
      (SELECT COUNT(*)::int FROM grant_revenues WHERE "runId" = ${runId} AND LEAST("recognisedCents", "adminFeeCents", "netCents") < 0) AS grant_revenues,
      (SELECT COUNT(*)::int FROM allocations WHERE "runId" = ${runId} AND LEAST("amountCents", "adminFeeCents", units) < 0) AS allocations,
      (SELECT COUNT(*)::int FROM statements WHERE "runId" = ${runId} AND LEAST("carriedInCents", "allocatedCents", "withheldCents", "paidCents",
         "carriedOutCents", "thresholdCents", "grossCents", "adminFeeCents", "heldCents") < 0) AS statements,
      (SELECT COUNT(*)::int FROM statement_lines l JOIN statements s ON s.id = l."statementId" WHERE s."runId" = ${runId}
         AND LEAST(l."grossCents", l."adminFeeShareCents", l."withholdingCents", l."netCents", l.units) < 0) AS statement_lines,
      (SELECT COUNT(*)::int FROM payouts WHERE "runId" = ${runId} AND "amountCents" < 0) AS payouts,
      (SELECT COUNT(*)::int FROM carried_balances WHERE "runId" = ${runId} AND "amountCents" < 0) AS carried_balances,
      (SELECT COUNT(*)::int FROM external_payee_shares WHERE "runId" = ${runId} AND "amountCents" < 0) AS external_payee_shares`;
  const runFigures = runMoneyColumns.filter((c) => run[c] < 0n).length;
  return [{ table: "the run's figures", count: runFigures }, ...Object.entries(row!).map(([table, count]) => ({ table, count }))];
}
