import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { collectReconciliationChecks, reconcileDistributionRun, type ReconciliationCheck } from "@/server/distribution/reconciliation";
import { calculateDistributionRun } from "@/server/distribution/calculate-distribution-run";
import { createOrganization, createStaffActor } from "../factories";
import { createEligibleUsage, createPaidGrant, uniquePastQuarter } from "../factories/distribution";
import { createCalculatedRun, type CalculatedRunScenario } from "../factories/runs";
import { createWork } from "../factories/works";

// The reconciliation view over a consistent calculated run (tests/factories/runs.ts), then each
// check against rows broken for it. Every break happens in a transaction that is rolled back, so
// the run stays consistent for the next one and for other files reading the shared database.

let s: CalculatedRunScenario;
let analyst: UserActor;

beforeAll(async () => {
  s = await createCalculatedRun();
  analyst = await createStaffActor("ANALYST");
});

class RolledBack extends Error {
  constructor(readonly checks: ReconciliationCheck[]) {
    super("rolled back");
  }
}

/** The checks as they read the run after `breakRows`, inside a transaction then rolled back. */
async function checksAfter(breakRows: (tx: Tx) => Promise<unknown>): Promise<ReconciliationCheck[]> {
  try {
    await db.$transaction(async (tx) => {
      await breakRows(tx);
      const run = await tx.distributionRun.findUniqueOrThrow({ where: { id: s.run.id } });
      throw new RolledBack(await collectReconciliationChecks(tx, run));
    }, { timeout: 30_000, maxWait: 10_000 });
  } catch (error) {
    if (error instanceof RolledBack) return error.checks;
    throw error;
  }
  throw new Error("The transaction was meant to roll back");
}

const ALL_KEYS = [
  "money-in-equals-money-out", "recognised-matches-grants", "admin-fee-matches-grants", "allocations-total", "allocations-per-licensee",
  "general-pool", "dispute-held", "released", "external", "payee-ledgers", "statement-lines", "statement-line-net", "statement-carried-in",
  "statement-paid", "statement-withheld", "statement-carried-out", "statement-allocated", "statement-held", "carried-balances",
  "payouts-match-statements", "payouts-paid-once", "carried-in", "held-in", "no-negative-amounts",
];

describe("the reconciliation of a consistent run", () => {
  it("passes every check, with the run's numbers", async () => {
    const checks = await reconcileDistributionRun(analyst, s.run.id);
    expect(checks.map((c) => c.key)).toEqual(ALL_KEYS);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(byKey["money-in-equals-money-out"]).toMatchObject({ unit: "cents", expected: 144_000n, actual: 144_000n });
    expect(byKey["money-in-equals-money-out"]!.label).toMatch(/held for disputes and external co-owners/);
    expect(byKey["allocations-per-licensee"]).toMatchObject({ unit: "count", expected: 1n, actual: 1n });
    expect(byKey["payee-ledgers"]).toMatchObject({ unit: "count", expected: 3n, actual: 3n });
    expect(byKey["general-pool"]).toMatchObject({ expected: 20_400n, actual: 20_400n });
    expect(byKey["statement-allocated"]).toMatchObject({ expected: 122_400n, actual: 122_400n });
    expect(byKey["payouts-paid-once"]).toMatchObject({ expected: 0n, actual: 0n, passed: true });
    expect(byKey["carried-in"]).toMatchObject({ expected: 3n, actual: 3n });
    expect(byKey["no-negative-amounts"]).toMatchObject({ expected: 0n, actual: 0n });
  });
});

describe("payouts paid", () => {
  it("passes with a payout paid by a transfer of its own; a PAID run needs every payout paid", async () => {
    const paid = (tx: Tx) => tx.payout.update({ where: { id: s.payout.id }, data: { status: "PAID", paidAt: new Date(), stripeTransferId: `tr_console_${s.payout.id}` } });
    const once = (await checksAfter(paid)).find((c) => c.key === "payouts-paid-once")!;
    expect(once).toMatchObject({ passed: true, expected: 1n, actual: 1n });
    const runPaid = (await checksAfter((tx) => updateRun(tx, { status: "PAID" }))).find((c) => c.key === "payouts-paid-once")!;
    expect(runPaid).toMatchObject({ passed: false, expected: 1n, actual: 0n, detail: "the run is PAID but not every payout is." });
  });
});

describe("the reconciliation of a run the calculation wrote", () => {
  it("passes every check: a paid payee, a payee without a payout account, an external co-owner, a disputed work and the general pool", async () => {
    const quarter = await uniquePastQuarter();
    const [usingLicensee, poolLicensee, paid, blocked] = [
      await createOrganization("LICENSEE"), await createOrganization("LICENSEE"), await createOrganization("RIGHTSHOLDER"), await createOrganization("RIGHTSHOLDER"),
    ];
    await db.rightsholderProfile.update({
      where: { organizationId: paid.id },
      data: { stripeAccountId: `acct_console_${paid.id.slice(0, 8)}`, payoutsEnabled: true, taxFormType: "W9", taxFormSignedOn: new Date("2000-01-01T00:00:00Z") },
    });
    const shared = await createWork(blocked.id);
    await db.workCoOwner.createMany({ data: [{ workId: shared.id, organizationId: blocked.id, shareBps: 7001 }, { workId: shared.id, externalPayeeName: "Ext Console", externalPayeeEmail: "ext@example.test", shareBps: 2999 }] });
    const [own, disputed] = [await createWork(paid.id), await createWork(paid.id)];
    await db.dispute.create({ data: { origin: "ENROLLMENT", workId: disputed.id, claimantOrgId: blocked.id, reason: "Both claim it" } });
    await createPaidGrant(usingLicensee.id, { startsOn: quarter.startsOn, termDays: 30, feeCents: 1_000_003n });
    await createPaidGrant(poolLicensee.id, { startsOn: quarter.startsOn, termDays: 45, feeCents: 240_007n });
    await createEligibleUsage(usingLicensee.id, quarter.code, [{ workId: own.id, units: 701n }, { workId: shared.id, units: 299n }, { workId: disputed.id, units: 97n }]);
    const run = await db.distributionRun.create({ data: { quarter: quarter.code } });

    expect(await calculateDistributionRun(run.id)).toBe(true);
    const checks = await reconcileDistributionRun(analyst, run.id);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    const calculated = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(calculated.disputeHeldCents).toBeGreaterThan(0n);
    expect(calculated.externalCents).toBeGreaterThan(0n);
    expect(calculated.paidCents).toBeGreaterThan(0n);
  });
});

type Break = { key: string; how: string; rows: (tx: Tx) => Promise<unknown>; expected?: bigint; actual?: bigint; detail?: RegExp };

const s1 = () => s.statements[0].id;
const lineOf = (tx: Tx, statementId: string) => tx.statementLine.findFirstOrThrow({ where: { statementId } });
const allocation = (tx: Tx, where: { source: "LICENSEE" | "GENERAL_POOL"; isHeld?: boolean }) =>
  tx.allocation.findFirstOrThrow({ where: { runId: s.run.id, ...where }, orderBy: { id: "asc" } });
const updateRun = (tx: Tx, data: Parameters<Tx["distributionRun"]["update"]>[0]["data"]) => tx.distributionRun.update({ where: { id: s.run.id }, data });

const BREAKS: Break[] = [
  { key: "money-in-equals-money-out", how: "the run's admin fee is a cent more", rows: (tx) => updateRun(tx, { adminFeeCents: 21_601n }), expected: 144_000n, actual: 144_001n },
  { key: "recognised-matches-grants", how: "a grant recognised a cent more", rows: (tx) => tx.grantRevenue.updateMany({ where: { grantId: s.grants.a.id }, data: { recognisedCents: 120_001n, netCents: 102_001n } }), expected: 144_001n, actual: 144_000n },
  { key: "admin-fee-matches-grants", how: "a grant's fee is a cent more", rows: (tx) => tx.grantRevenue.updateMany({ where: { grantId: s.grants.b.id }, data: { adminFeeCents: 3_601n, netCents: 20_399n } }) },
  { key: "allocations-total", how: "an allocation is a cent more", rows: async (tx) => tx.allocation.update({ where: { id: (await allocation(tx, { source: "LICENSEE" })).id }, data: { amountCents: { increment: 1n } } }) },
  {
    key: "allocations-per-licensee", how: "a cent moved from a licensee's allocation to the pool (the totals still agree)",
    rows: async (tx) => {
      await tx.allocation.update({ where: { id: (await allocation(tx, { source: "LICENSEE" })).id }, data: { amountCents: { decrement: 1n } } });
      await tx.allocation.update({ where: { id: (await allocation(tx, { source: "GENERAL_POOL" })).id }, data: { amountCents: { increment: 1n } } });
    },
    expected: 1n, actual: 0n, detail: /Console Licensee A .*expected \$1,200\.00, found \$1,199\.99/,
  },
  { key: "general-pool", how: "a pool allocation is a cent more", rows: async (tx) => tx.allocation.update({ where: { id: (await allocation(tx, { source: "GENERAL_POOL" })).id }, data: { amountCents: { increment: 1n } } }) },
  { key: "dispute-held", how: "a held allocation is no longer marked held", rows: async (tx) => tx.allocation.update({ where: { id: (await allocation(tx, { source: "LICENSEE", isHeld: true })).id }, data: { isHeld: false } }) },
  { key: "released", how: "the run says it released money no row carries", rows: (tx) => updateRun(tx, { releasedCents: 10n }) },
  { key: "external", how: "an external share is a cent more", rows: (tx) => tx.externalPayeeShare.updateMany({ where: { runId: s.run.id }, data: { amountCents: 6_121n } }) },
  {
    key: "payee-ledgers", how: "a statement pays a cent more than its balance (with the CHECK that forbids it lifted)",
    rows: async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '20s'`);
      await tx.$executeRawUnsafe(`ALTER TABLE statements DROP CONSTRAINT statements_balance_check`);
      await tx.statement.update({ where: { id: s1() }, data: { paidCents: 34_885n } });
    },
    expected: 3n, actual: 2n, detail: /^1 statement fails: Console Payee One .*expected \$459\.00, found \$459\.01/,
  },
  { key: "statement-lines", how: "a line's gross is a cent more", rows: async (tx) => tx.statementLine.update({ where: { id: (await lineOf(tx, s1())).id }, data: { grossCents: 54_001n, netCents: 34_885n } }), detail: /allocated vs lines/ },
  { key: "statement-line-net", how: "a line's net is a cent less than gross − fee − withholding", rows: async (tx) => tx.statementLine.update({ where: { id: (await lineOf(tx, s1())).id }, data: { netCents: 34_883n } }) },
  { key: "statement-carried-in", how: "the run's carried in is a cent more", rows: (tx) => updateRun(tx, { carriedInCents: 5_001n }) },
  { key: "statement-paid", how: "a cent of a payment became withholding", rows: (tx) => tx.statement.update({ where: { id: s1() }, data: { paidCents: 34_883n, withheldCents: 11_017n } }) },
  { key: "statement-withheld", how: "the run's withholding is a cent more", rows: (tx) => updateRun(tx, { withheldCents: 11_017n }) },
  { key: "statement-carried-out", how: "the run's carried out is a cent more", rows: (tx) => updateRun(tx, { carriedOutCents: 44_781n }) },
  { key: "statement-allocated", how: "the run allocated a cent more than payees, disputes and external shares received", rows: (tx) => updateRun(tx, { allocatedCents: 122_401n }) },
  { key: "statement-held", how: "a statement holds a cent more", rows: (tx) => tx.statement.update({ where: { id: s.statements[1].id }, data: { heldCents: 30_601n } }) },
  { key: "carried-balances", how: "a carried balance row is missing", rows: (tx) => tx.carriedBalance.deleteMany({ where: { runId: s.run.id, organizationId: s.payees[1].id } }), detail: /no carried balance row/ },
  { key: "payouts-match-statements", how: "a payout is a cent more than its statement pays", rows: (tx) => tx.payout.update({ where: { id: s.payout.id }, data: { amountCents: 34_885n } }), expected: 34_884n, actual: 34_885n, detail: /amount differs/ },
  { key: "payouts-match-statements", how: "a payout has another run's idempotency key", rows: (tx) => tx.payout.update({ where: { id: s.payout.id }, data: { idempotencyKey: `payout:${s.previousRun.id}:${s.payees[0].id}` } }), detail: /unexpected idempotency key/ },
  { key: "payouts-paid-once", how: "a payout is PAID without a Stripe transfer", rows: (tx) => tx.payout.update({ where: { id: s.payout.id }, data: { status: "PAID", paidAt: new Date() } }), detail: /without a Stripe transfer/ },
  {
    key: "carried-in", how: "a payee's carried in differs from its previous approved statement",
    rows: (tx) => tx.statement.update({ where: { id: s.statements[2].id }, data: { carriedInCents: 4_000n, carriedOutCents: 19_300n } }),
    expected: 3n, actual: 2n, detail: /Console Payee Three .*carried out in \d{4}Q\d, expected \$50\.00, found \$40\.00/,
  },
  { key: "held-in", how: "the run holds in a pool the previous run did not hold out", rows: (tx) => updateRun(tx, { heldInCents: 1n }), expected: 0n, actual: 1n },
  { key: "no-negative-amounts", how: "an allocation's fee is negative", rows: async (tx) => tx.allocation.update({ where: { id: (await allocation(tx, { source: "LICENSEE" })).id }, data: { adminFeeCents: -1n } }), actual: 1n, detail: /allocations \(1\)/ },
  { key: "no-negative-amounts", how: "the run's released figure is negative", rows: (tx) => updateRun(tx, { releasedCents: -5n }), detail: /the run's figures \(1\)/ },
];

describe("each check fails when its rows are broken", () => {
  it("has a break for every check", () => {
    expect([...new Set(BREAKS.map((b) => b.key))].sort()).toEqual([...ALL_KEYS].sort());
  });

  for (const b of BREAKS) {
    it(`${b.key}: ${b.how}`, async () => {
      const check = (await checksAfter(b.rows)).find((c) => c.key === b.key)!;
      expect(check.passed, check.detail).toBe(false);
      if (b.expected !== undefined) expect(check.expected).toBe(b.expected);
      if (b.actual !== undefined) expect(check.actual).toBe(b.actual);
      if (b.detail) expect(check.detail).toMatch(b.detail);
    });
  }

  it("leaves the run consistent after the breaks were rolled back", async () => {
    expect((await reconcileDistributionRun(analyst, s.run.id)).filter((c) => !c.passed)).toEqual([]);
  });
});
