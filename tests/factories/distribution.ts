// Distribution runs for tests. A run covers every licensee's grants and usage in its quarter, and
// every test file shares one database, so each test takes quarters of its own from a counter kept
// in the database (2000Q1 to 2019Q4, well before anything else the tests create), and keeps its
// grants inside them. Runs also hand things on to later quarters (a held pool, carried balances)
// and are approved in quarter order, so the tests of that run sequentially in one file
// (distribution-lifecycle.test.ts) on the quarters after the counter's: orderedQuarters().
import { parseQuarter, type Quarter } from "@/lib/usage/quarters";
import { calculateDistributionRun } from "@/server/distribution/calculate-distribution-run";
import { db } from "@/server/db";
import { createOrganization } from "./index";
import { createActiveGrant } from "./licensing";
import { createUsageReport } from "./usage";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2019;

/** `count` consecutive closed quarters no other test uses. */
export async function uniquePastQuarters(count: number): Promise<Quarter[]> {
  const first = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(715001)::text`;
    await tx.$executeRaw`CREATE TABLE IF NOT EXISTS test_quarter_counter (id int PRIMARY KEY, next int NOT NULL)`;
    await tx.$executeRaw`INSERT INTO test_quarter_counter VALUES (1, 0) ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ taken: number }[]>`
      UPDATE test_quarter_counter SET next = next + ${count} WHERE id = 1 RETURNING next - ${count} AS taken`;
    return Number(rows[0]!.taken);
  });
  const quarters: Quarter[] = [];
  for (let index = first; index < first + count; index++) {
    const year = FIRST_YEAR + Math.floor(index / 4);
    if (year > LAST_YEAR) throw new Error("The tests used up their past quarters: give fewer tests quarters of their own.");
    quarters.push(parseQuarter(`${year}Q${(index % 4) + 1}`)!);
  }
  return quarters;
}

let ordered = 0;
/** The next `count` quarters from 2020Q1 on, for the one file whose tests run in quarter order. */
export function orderedQuarters(count: number): Quarter[] {
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i++, ordered++) quarters.push(parseQuarter(`${2020 + Math.floor(ordered / 4)}Q${(ordered % 4) + 1}`)!);
  if (quarters.some((q) => q.endsOn > "2026-01-01")) throw new Error("The ordered quarters reached the years other tests use.");
  return quarters;
}

export async function uniquePastQuarter(): Promise<Quarter> {
  return (await uniquePastQuarters(1))[0]!;
}

/** An active, paid grant from `startsOn` for `termDays` days at `feeCents` (keep it inside the test's quarters). */
export async function createPaidGrant(organizationId: string, options: { startsOn: string; termDays: number; feeCents: bigint }) {
  const endsOn = new Date(Date.parse(`${options.startsOn}T00:00:00Z`) + options.termDays * 86_400_000).toISOString().slice(0, 10);
  const grant = await createActiveGrant(organizationId, { startsOn: options.startsOn, endsOn });
  await db.payment.updateMany({ where: { grantId: grant.id }, data: { amountCents: options.feeCents } });
  return db.licenseGrant.update({ where: { id: grant.id }, data: { feeCents: options.feeCents } });
}

/** A processed report for the quarter whose lines all matched and count (eligible). */
export async function createEligibleUsage(organizationId: string, quarter: string, lines: { workId: number; units: bigint; purpose?: "TRAIN" | "FINE_TUNE" | "RAG" }[]) {
  const { report } = await createUsageReport(organizationId, { quarter, lines: lines.map((l) => ({ workId: l.workId, units: l.units, purpose: l.purpose })) });
  await db.usageLine.updateMany({ where: { reportId: report.id }, data: { eligibility: "ELIGIBLE" } });
  return report;
}

/**
 * A rightsholder that can be paid: approved, with a connected payout account (unless
 * `account: false`) and the tax form asked for (W9 valid; "none" withholds).
 */
export async function createPayee(options: { taxForm?: "W9" | "none"; domestic?: boolean; account?: boolean } = {}) {
  const organization = await createOrganization("RIGHTSHOLDER");
  const hasAccount = options.account ?? true;
  await db.rightsholderProfile.update({
    where: { organizationId: organization.id },
    data: {
      status: "APPROVED",
      approvedAt: new Date("1999-01-01T00:00:00Z"),
      country: options.domestic === false ? "GB" : "US",
      isTaxDomestic: options.domestic ?? true,
      stripeAccountId: hasAccount ? `acct_test_${organization.id.replace(/-/g, "").slice(0, 16)}` : null,
      payoutsEnabled: hasAccount,
      ...(options.taxForm === "none" ? {} : { taxFormType: "W9", taxFormSignedOn: new Date("2020-01-01T00:00:00Z"), taxFormValid: true }),
    },
  });
  return organization;
}

/** The run for `quarter`, created and calculated now (no job queue: the calculation itself). */
export async function calculatedRun(quarter: Quarter) {
  const run = await db.distributionRun.upsert({ where: { quarter: quarter.code }, create: { quarter: quarter.code }, update: { status: "PENDING" } });
  await calculateDistributionRun(run.id);
  return db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
}

/** Marks a calculated run approved without the use case (tests of what follows approval). */
export async function markApproved(runId: string) {
  // An hour ago: a run approved "now" would make other files' runs calculated since look stale.
  await db.distributionRun.update({ where: { id: runId }, data: { status: "APPROVED", approvedAt: new Date(Date.now() - 3_600_000) } });
}
