// A distribution run's world for the fault tests: payees (each with a work and, when they are to
// be paid, a real Connect account on the Stripe test double), licensees with paid grants in the
// quarter and eligible usage of those works; and the run's figures, to compare a run calculated
// through faults with the same run calculated without any. Imported dynamically, after the test
// has pointed DATABASE_URL at its own database (own-database.ts).
import { calculateDistributionRun } from "@/server/distribution/calculate-distribution-run";
import { db } from "@/server/db";
import type { Quarter } from "@/lib/usage/quarters";
import { createEligibleUsage, createPaidGrant, createPayee, uniquePastQuarters } from "../../factories/distribution";
import { createOrganization } from "../../factories/index";
import { createConnectedAccount } from "../../factories/payouts";
import { createWork } from "../../factories/works";

const LICENSEES = 3;

export type RunWorld = { quarter: Quarter; runId: string; payeeIds: string[] };

/**
 * `payees` rightsholders sharing `LICENSEES` licensees' money by units. One payee in seven has no
 * tax form (withheld), so the ledger has every column; amounts are well above the threshold, so
 * each one is paid.
 */
export async function buildRunWorld(payees: number, options: { withStripeAccounts: boolean }): Promise<RunWorld> {
  const [quarter] = await uniquePastQuarters(1);
  const payeeIds: string[] = [];
  const works: number[] = [];
  for (let i = 0; i < payees; i++) {
    const payee = await createPayee({ taxForm: i % 7 === 3 ? "none" : "W9" });
    if (options.withStripeAccounts) {
      await db.rightsholderProfile.update({ where: { organizationId: payee.id }, data: { stripeAccountId: await createConnectedAccount() } });
    }
    payeeIds.push(payee.id);
    works.push((await createWork(payee.id)).id);
  }
  const days = (Date.parse(quarter!.endsOn) - Date.parse(quarter!.startsOn)) / 86_400_000;
  for (let l = 0; l < LICENSEES; l++) {
    const licensee = await createOrganization("LICENSEE");
    await createPaidGrant(licensee.id, { startsOn: quarter!.startsOn, termDays: days, feeCents: BigInt(payees) * 40_000n + BigInt(l) * 1_234n });
    await createEligibleUsage(licensee.id, quarter!.code, works.map((workId, i) => ({ workId, units: BigInt(1 + ((i * 7 + l * 3) % 5)) })));
  }
  const run = await db.distributionRun.create({ data: { quarter: quarter!.code } });
  return { quarter: quarter!, runId: run.id, payeeIds };
}

/** Everything a calculation decides, in a comparable form (ids that are re-made each time left out). */
export async function runFigures(runId: string) {
  const run = await db.distributionRun.findUniqueOrThrow({ where: { id: runId } });
  const statements = await db.statement.findMany({
    where: { runId },
    orderBy: { rightsholderId: "asc" },
    select: { rightsholderId: true, carriedInCents: true, allocatedCents: true, grossCents: true, adminFeeCents: true, withheldCents: true, paidCents: true, carriedOutCents: true },
  });
  const payouts = await db.payout.findMany({ where: { runId }, orderBy: { rightsholderId: "asc" }, select: { rightsholderId: true, amountCents: true, idempotencyKey: true, stripeAccountId: true } });
  const allocations = await db.allocation.aggregate({ where: { runId }, _count: { _all: true }, _sum: { amountCents: true, adminFeeCents: true } });
  const lines = await db.statementLine.aggregate({ where: { statement: { runId } }, _count: { _all: true }, _sum: { netCents: true, grossCents: true, withholdingCents: true } });
  return {
    totals: {
      recognisedCents: run.recognisedCents, adminFeeCents: run.adminFeeCents, allocatedCents: run.allocatedCents, paidCents: run.paidCents,
      withheldCents: run.withheldCents, carriedOutCents: run.carriedOutCents, heldOutCents: run.heldOutCents,
    },
    statements,
    payouts,
    allocations: { count: allocations._count._all, amount: allocations._sum.amountCents, fee: allocations._sum.adminFeeCents },
    lines: { count: lines._count._all, net: lines._sum.netCents, gross: lines._sum.grossCents, withholding: lines._sum.withholdingCents },
  };
}

/**
 * The reference: the run calculated once, directly and without faults, its figures kept; then put
 * back to PENDING with its calculation queued, as staff's "recalculate" does, for the fault run.
 */
export async function referenceThenRequeue(world: RunWorld, requeue: (runId: string) => Promise<void>) {
  const startedAt = Date.now();
  await calculateDistributionRun(world.runId);
  const calculationMs = Date.now() - startedAt;
  const reference = await runFigures(world.runId);
  await requeue(world.runId);
  return { reference, calculationMs };
}
