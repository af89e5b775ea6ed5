import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { RunStatus } from "@/generated/prisma/enums";
import { formatCents } from "@/lib/pricing/price-license";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db, type DbOrTx } from "../db";
import { notFound } from "../errors";
import { ledgerChecks, type RunTotals } from "./reconciliation-ledgers";
import { isUuid } from "@/lib/uuid";

// The reconciliation view: DOMAIN.md's invariants of a run, and the contract of decision 017, as
// checks that pass or fail with their numbers. Everything is summed in SQL over the run's rows
// (a run has up to a million allocations and 100k statements; none are loaded here), inside one
// repeatable-read transaction so every check reads the same snapshot even while a recalculation
// commits. This file holds the run-level money checks; the per-row ones are in
// reconciliation-ledgers.ts.

export type ReconciliationCheck = {
  key: string;
  /** What is checked, in words staff read (the terms explained). */
  label: string;
  /** How expected and actual read: money in cents, or a number of rows. */
  unit: "cents" | "count";
  expected: bigint;
  actual: bigint;
  passed: boolean;
  /** The figures behind the check, and on failure the first rows that break it. */
  detail: string;
};

export type ReconciledRun = {
  id: string; quarter: string; status: RunStatus; recognisedCents: bigint; adminFeeCents: bigint; allocatedCents: bigint;
  heldInCents: bigint; heldOutCents: bigint; disputeHeldCents: bigint; releasedCents: bigint; externalCents: bigint;
  carriedInCents: bigint; paidCents: bigint; withheldCents: bigint; carriedOutCents: bigint;
};

const RUN_SELECT = {
  id: true, quarter: true, status: true, recognisedCents: true, adminFeeCents: true, allocatedCents: true, heldInCents: true, heldOutCents: true,
  disputeHeldCents: true, releasedCents: true, externalCents: true, carriedInCents: true, paidCents: true, withheldCents: true, carriedOutCents: true,
} as const;

const $ = (cents: bigint) => formatCents(cents);

/** Every check of the run, in the order the console lists them. */
export async function reconcileDistributionRun(actor: Actor | null, runId: string): Promise<ReconciliationCheck[]> {
  authorize(can.readDistributionRuns(actor), "Only staff can see distribution runs.");
  if (!isUuid(runId)) throw notFound("That distribution run");
  return db.$transaction(
    async (tx) => {
      const run = await tx.distributionRun.findUnique({ where: { id: runId }, select: RUN_SELECT });
      if (!run) throw notFound("That distribution run");
      return collectReconciliationChecks(tx, run);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: 120_000 },
  );
}

/** The checks over the run's rows as `client` sees them (the use case above runs it in its snapshot). */
export async function collectReconciliationChecks(client: DbOrTx, run: ReconciledRun): Promise<ReconciliationCheck[]> {
  const [totals] = await client.$queryRaw<RunTotals[]>`
    WITH alloc AS (
      SELECT COALESCE(SUM("amountCents"), 0)::bigint AS allocations,
             COALESCE(SUM("amountCents") FILTER (WHERE "isHeld"), 0)::bigint AS held_allocations,
             COALESCE(SUM("amountCents") FILTER (WHERE source = 'RELEASED'), 0)::bigint AS released_allocations,
             COALESCE(SUM("amountCents") FILTER (WHERE source = 'GENERAL_POOL'), 0)::bigint AS pool_allocations
        FROM allocations WHERE "runId" = ${run.id}::uuid
    ), revenue AS (
      SELECT COALESCE(SUM("recognisedCents"), 0)::bigint AS revenue_recognised, COALESCE(SUM("adminFeeCents"), 0)::bigint AS revenue_fee
        FROM grant_revenues WHERE "runId" = ${run.id}::uuid
    ), stmt AS (
      SELECT COUNT(*)::int AS statements, COUNT(*) FILTER (WHERE "paidCents" > 0)::int AS paying_statements,
             COUNT(*) FILTER (WHERE "carriedOutCents" > 0)::int AS carrying_statements,
             COALESCE(SUM("carriedInCents"), 0)::bigint AS statement_carried_in, COALESCE(SUM("allocatedCents"), 0)::bigint AS statement_allocated,
             COALESCE(SUM("paidCents"), 0)::bigint AS statement_paid, COALESCE(SUM("withheldCents"), 0)::bigint AS statement_withheld,
             COALESCE(SUM("carriedOutCents"), 0)::bigint AS statement_carried_out, COALESCE(SUM("heldCents"), 0)::bigint AS statement_held
        FROM statements WHERE "runId" = ${run.id}::uuid
    ), ext AS (
      SELECT COALESCE(SUM("amountCents"), 0)::bigint AS external_shares FROM external_payee_shares WHERE "runId" = ${run.id}::uuid
    ), pay AS (
      SELECT COUNT(*) FILTER (WHERE status = 'PAID')::int AS paid_payouts, COALESCE(SUM("amountCents"), 0)::bigint AS payout_amounts,
             COUNT(*) FILTER (WHERE status = 'PAID' AND "stripeTransferId" IS NULL)::int AS paid_without_transfer,
             COUNT(*) FILTER (WHERE status = 'PAID' AND "stripeTransferId" IS NOT NULL
                                AND NOT EXISTS (SELECT 1 FROM payouts q WHERE q."stripeTransferId" = p."stripeTransferId" AND q.id <> p.id))::int AS paid_once
        FROM payouts p WHERE "runId" = ${run.id}::uuid
    ), dup AS (
      SELECT COUNT(*)::int AS duplicate_transfers FROM (
        SELECT "stripeTransferId" FROM payouts
         WHERE "stripeTransferId" IN (SELECT "stripeTransferId" FROM payouts WHERE "runId" = ${run.id}::uuid)
         GROUP BY 1 HAVING COUNT(*) > 1) d
    ), licensee_alloc AS (
      SELECT "licenseeOrganizationId" AS org, SUM("amountCents" + "adminFeeCents")::bigint AS gross
        FROM allocations WHERE "runId" = ${run.id}::uuid AND source = 'LICENSEE' GROUP BY 1
    ), licensee_revenue AS (
      SELECT "organizationId" AS org, SUM("recognisedCents")::bigint AS recognised, SUM("netCents")::bigint AS net
        FROM grant_revenues WHERE "runId" = ${run.id}::uuid GROUP BY 1
    ), licensees AS (
      SELECT (SELECT COUNT(*)::int FROM licensee_alloc) AS allocating_licensees,
             (SELECT COALESCE(SUM(gross), 0)::bigint FROM licensee_alloc) AS licensee_gross,
             (SELECT COALESCE(SUM(recognised), 0)::bigint FROM licensee_revenue r WHERE EXISTS (SELECT 1 FROM licensee_alloc a WHERE a.org = r.org)) AS licensee_recognised,
             (SELECT COALESCE(SUM(net), 0)::bigint FROM licensee_revenue r WHERE NOT EXISTS (SELECT 1 FROM licensee_alloc a WHERE a.org = r.org)) AS pool_sources
    )
    SELECT * FROM alloc, revenue, stmt, ext, pay, dup, licensees`;
  const checks = [...moneyChecks(run, totals!), ...(await ledgerChecks(client, run, totals!))];
  return checks.sort((a, b) => CHECK_ORDER.indexOf(a.key) - CHECK_ORDER.indexOf(b.key));
}

/** The run's money first, then where it went: licensees, works, payees, payouts, earlier runs. */
const CHECK_ORDER = [
  "money-in-equals-money-out", "recognised-matches-grants", "admin-fee-matches-grants", "allocations-total", "allocations-per-licensee",
  "general-pool", "dispute-held", "released", "external", "payee-ledgers", "statement-lines", "statement-line-net", "statement-carried-in",
  "statement-paid", "statement-withheld", "statement-carried-out", "statement-allocated", "statement-held", "carried-balances",
  "payouts-match-statements", "payouts-paid-once", "carried-in", "held-in", "no-negative-amounts",
];

const equal = (key: string, label: string, expected: bigint, actual: bigint, detail: string): ReconciliationCheck => ({
  key, label, unit: "cents", expected, actual, passed: expected === actual, detail,
});

function moneyChecks(run: ReconciledRun, t: RunTotals): ReconciliationCheck[] {
  const moneyIn = run.recognisedCents + run.heldInCents + run.releasedCents;
  const moneyOut = run.adminFeeCents + run.allocatedCents + run.heldOutCents;
  return [
    equal(
      "money-in-equals-money-out",
      "Money in = money out: recognised revenue + general pool held in from the last approved run + dispute money released = administrative fees + allocated to works (held for disputes and external co-owners included) + general pool held out to the next quarter",
      moneyIn, moneyOut,
      `In: recognised ${$(run.recognisedCents)} + held in ${$(run.heldInCents)} + released ${$(run.releasedCents)}. Out: admin fees ${$(run.adminFeeCents)} + allocated ${$(run.allocatedCents)} + held out ${$(run.heldOutCents)}.`,
    ),
    equal("recognised-matches-grants", "Recognised revenue = the sum of every grant's revenue recognised this quarter", t.revenue_recognised, run.recognisedCents,
      `The run says ${$(run.recognisedCents)}; its grant revenue rows add up to ${$(t.revenue_recognised)}.`),
    equal("admin-fee-matches-grants", "Administrative fees = the sum of every grant's fee this quarter", t.revenue_fee, run.adminFeeCents,
      `The run says ${$(run.adminFeeCents)}; its grant revenue rows add up to ${$(t.revenue_fee)}.`),
    equal("allocations-total", "Allocated = the sum of the allocation rows (net money per work, licensee and source)", run.allocatedCents, t.allocations,
      `The run says ${$(run.allocatedCents)}; its allocation rows add up to ${$(t.allocations)}.`),
    equal("general-pool", "General pool: pool held in + net revenue of licensees without eligible usage = allocated from the pool + pool held out", run.heldInCents + t.pool_sources, t.pool_allocations + run.heldOutCents,
      `Held in ${$(run.heldInCents)} + licensees without usage ${$(t.pool_sources)}; allocated from the pool ${$(t.pool_allocations)} + held out ${$(run.heldOutCents)}.`),
    equal("dispute-held", "Held for disputes = the allocations to works under an open dispute", run.disputeHeldCents, t.held_allocations,
      `The run says ${$(run.disputeHeldCents)}; held allocation rows add up to ${$(t.held_allocations)}.`),
    equal("released", "Released = money earlier runs held for disputes since resolved, allocated into this run", run.releasedCents, t.released_allocations,
      `The run says ${$(run.releasedCents)}; released allocation rows add up to ${$(t.released_allocations)}.`),
    equal("external", "External co-owners = the shares owed to named payees outside the portal (paid by hand)", run.externalCents, t.external_shares,
      `The run says ${$(run.externalCents)}; external shares add up to ${$(t.external_shares)}.`),
  ];
}
