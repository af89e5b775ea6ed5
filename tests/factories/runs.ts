// A calculated distribution run written row by row, as decision 017's contract describes one, so
// the console's queries, reconciliation and exports can be tested without the calculation. The
// rows go in while the run is CALCULATED: the triggers refuse new rows for an approved run.
//
// The scenario, in cents (15 % admin fee; works 1–4 used 3, 2, 1 and 2 units by licensee A):
//   licensee A recognises 120,000 (fee 18,000, net 102,000) → its own usage, 12,750 net a unit;
//   licensee B recognises 24,000 (fee 3,600, net 20,400), no usage → the general pool, 2,550 a unit.
//   work 1 (payee 1): 45,900 net; work 2 (payee 2): 30,600 net, 20 % to an external co-owner
//   (6,120), 24,480 to payee 2; work 3 (payee 3): 15,300 net; work 4 (payee 2): 30,600 held
//   (open dispute). Payee 1 is paid 34,884 after 24 % withholding (11,016); payee 2 carries
//   24,480 (below the 25,000 threshold); payee 3 carries 5,000 in (from the previous, approved
//   run) + 15,300 = 20,300 out.
import { randomInt } from "node:crypto";
import type { Quarter } from "@/lib/usage/quarters";
import { db } from "@/server/db";
import { createOrganization } from ".";
import { createPaidGrant, uniquePastQuarters } from "./distribution";
import { ensureLicensePlan } from "./pricing";
import { createWork } from "./works";

const SETTINGS = {
  adminFeeBps: 1500, thresholdCents: "25000", yearEndThresholdCents: "5000", financialYearEndMonth: 6,
  domesticWithholdingBps: 2400, foreignWithholdingBps: 3000, isYearEnd: false, thresholdAppliedCents: "25000",
};

type StatementInput = {
  rightsholderId: string; carriedIn: bigint; allocated: bigint; gross: bigint; fee: bigint; withheld: bigint; paid: bigint;
  carriedOut: bigint; held?: bigint; withholdingBps: number;
};

async function insertStatement(runId: string, s: StatementInput) {
  return db.statement.create({
    data: {
      runId, rightsholderId: s.rightsholderId, carriedInCents: s.carriedIn, allocatedCents: s.allocated, grossCents: s.gross, adminFeeCents: s.fee,
      withheldCents: s.withheld, paidCents: s.paid, carriedOutCents: s.carriedOut, heldCents: s.held ?? 0n, thresholdCents: 25_000n, withholdingBps: s.withholdingBps,
    },
  });
}

type LineInput = { workId: number; title: string; units: bigint; gross: bigint; fee: bigint; withholding: bigint; shareBps?: number };

async function insertLine(statementId: string, identifier: string, l: LineInput) {
  return db.statementLine.create({
    data: {
      statementId, workId: l.workId, identifier, title: l.title, licenseesCounted: 1, units: l.units, grossCents: l.gross, adminFeeShareCents: l.fee,
      withholdingCents: l.withholding, netCents: l.gross - l.fee - l.withholding, shareBps: l.shareBps ?? 10_000,
    },
  });
}

/** A run for `quarter` holding one payee's statement that carries `carriedOut`, approved an hour ago. */
async function createApprovedCarryingRun(quarter: Quarter, rightsholderId: string, carriedOut: bigint) {
  const run = await db.distributionRun.create({
    data: { quarter: quarter.code, status: "CALCULATED", settingsSnapshot: SETTINGS, allocatedCents: carriedOut, carriedInCents: 0n, carriedOutCents: carriedOut, calculatedAt: new Date(Date.now() - 7_200_000) },
  });
  await insertStatement(run.id, { rightsholderId, carriedIn: 0n, allocated: carriedOut, gross: carriedOut, fee: 0n, withheld: 0n, paid: 0n, carriedOut, withholdingBps: 0 });
  await db.carriedBalance.create({ data: { runId: run.id, organizationId: rightsholderId, amountCents: carriedOut } });
  return db.distributionRun.update({ where: { id: run.id }, data: { status: "APPROVED", approvedAt: new Date(Date.now() - 3_600_000) } });
}

/** The scenario above: the previous quarter's approved run, and this quarter's consistent calculated run. */
export async function createCalculatedRun() {
  const [previous, quarter] = await uniquePastQuarters(2) as [Quarter, Quarter];
  const tag = randomInt(0, 1e9).toString(36);
  const licenseeA = await createOrganization("LICENSEE", `Console Licensee A ${tag}`);
  const licenseeB = await createOrganization("LICENSEE", `Console Licensee B ${tag}`);
  const payee1 = await createOrganization("RIGHTSHOLDER", `Console Payee One ${tag}`);
  const payee2 = await createOrganization("RIGHTSHOLDER", `Console Payee Two ${tag}`);
  const payee3 = await createOrganization("RIGHTSHOLDER", `Console Payee Three ${tag}`);
  const works = [
    await createWork(payee1.id, { title: `=Console Work One ${tag}` }),
    await createWork(payee2.id, { title: `Console Work Two ${tag}` }),
    await createWork(payee3.id, { title: `Console Work Three ${tag}` }),
    await createWork(payee2.id, { title: `Console Work Four ${tag}` }),
  ] as const;
  // Two files doing this at once on a fresh database race on the plan's upsert: the loser finds it made.
  await ensureLicensePlan().catch(() => ensureLicensePlan());
  const grantA = await createPaidGrant(licenseeA.id, { startsOn: quarter.startsOn, termDays: 30, feeCents: 120_000n });
  const grantB = await createPaidGrant(licenseeB.id, { startsOn: quarter.startsOn, termDays: 30, feeCents: 24_000n });
  const previousRun = await createApprovedCarryingRun(previous, payee3.id, 5_000n);

  const run = await db.distributionRun.create({
    data: {
      quarter: quarter.code, status: "CALCULATED", settingsSnapshot: SETTINGS, calculatedAt: new Date(),
      recognisedCents: 144_000n, adminFeeCents: 21_600n, allocatedCents: 122_400n, heldInCents: 0n, heldOutCents: 0n,
      disputeHeldCents: 30_600n, releasedCents: 0n, externalCents: 6_120n,
      carriedInCents: 5_000n, paidCents: 34_884n, withheldCents: 11_016n, carriedOutCents: 44_780n,
      progressDone: 11, progressTotal: 11, progressLabel: "Calculated",
    },
  });
  await db.grantRevenue.createMany({
    data: [
      { runId: run.id, grantId: grantA.id, organizationId: licenseeA.id, recognisedCents: 120_000n, adminFeeCents: 18_000n, netCents: 102_000n },
      { runId: run.id, grantId: grantB.id, organizationId: licenseeB.id, recognisedCents: 24_000n, adminFeeCents: 3_600n, netCents: 20_400n, toGeneralPool: true },
    ],
  });
  const units = [3n, 2n, 1n, 2n];
  await db.allocation.createMany({
    data: works.flatMap((w, i) => [
      { runId: run.id, workId: w.id, licenseeOrganizationId: licenseeA.id, source: "LICENSEE" as const, units: units[i]!, amountCents: 12_750n * units[i]!, adminFeeCents: 2_250n * units[i]!, isHeld: i === 3 },
      { runId: run.id, workId: w.id, licenseeOrganizationId: null, source: "GENERAL_POOL" as const, units: units[i]!, amountCents: 2_550n * units[i]!, adminFeeCents: 450n * units[i]!, isHeld: i === 3 },
    ]),
  });
  await db.externalPayeeShare.create({ data: { runId: run.id, workId: works[1].id, payeeName: "Ext Co-Author", payeeEmail: "coauthor@example.test", shareBps: 2000, amountCents: 6_120n } });

  const s1 = await insertStatement(run.id, { rightsholderId: payee1.id, carriedIn: 0n, allocated: 45_900n, gross: 54_000n, fee: 8_100n, withheld: 11_016n, paid: 34_884n, carriedOut: 0n, withholdingBps: 2400 });
  const s2 = await insertStatement(run.id, { rightsholderId: payee2.id, carriedIn: 0n, allocated: 24_480n, gross: 28_800n, fee: 4_320n, withheld: 0n, paid: 0n, carriedOut: 24_480n, held: 30_600n, withholdingBps: 0 });
  const s3 = await insertStatement(run.id, { rightsholderId: payee3.id, carriedIn: 5_000n, allocated: 15_300n, gross: 18_000n, fee: 2_700n, withheld: 0n, paid: 0n, carriedOut: 20_300n, withholdingBps: 2400 });
  const isbn = (i: number) => works[i]!.identifiers[0]!.value;
  await insertLine(s1.id, isbn(0), { workId: works[0].id, title: works[0].title, units: 3n, gross: 54_000n, fee: 8_100n, withholding: 11_016n });
  await insertLine(s2.id, isbn(1), { workId: works[1].id, title: works[1].title, units: 2n, gross: 28_800n, fee: 4_320n, withholding: 0n, shareBps: 8000 });
  await insertLine(s3.id, isbn(2), { workId: works[2].id, title: works[2].title, units: 1n, gross: 18_000n, fee: 2_700n, withholding: 0n });
  await db.carriedBalance.createMany({ data: [{ runId: run.id, organizationId: payee2.id, amountCents: 24_480n }, { runId: run.id, organizationId: payee3.id, amountCents: 20_300n }] });
  const payout = await db.payout.create({
    data: { runId: run.id, statementId: s1.id, rightsholderId: payee1.id, amountCents: 34_884n, idempotencyKey: `payout:${run.id}:${payee1.id}`, stripeAccountId: "acct_console_test" },
  });
  return {
    quarter, previous, run, previousRun, works, payout, grants: { a: grantA, b: grantB },
    licensees: { a: licenseeA, b: licenseeB }, payees: [payee1, payee2, payee3] as const, statements: [s1, s2, s3] as const,
  };
}

export type CalculatedRunScenario = Awaited<ReturnType<typeof createCalculatedRun>>;
