// Approved runs for the payout tests, Connect accounts on the Stripe test double, and its faults.
// A run's rows are inserted while it is CALCULATED (the database refuses new rows in an approved
// run), then it is marked APPROVED, as the calculation and approval would leave it.
import { stripeClient } from "@/server/stripe/client";
import { db } from "@/server/db";
import { completeOnboarding } from "./participation";

/**
 * Runs in quarters of the 1900s, before every quarter other tests take (2000Q1 on, distribution.ts):
 * approval refuses a run when a later quarter's run is approved, and these runs are approved at
 * once, so they must never be "later" than another test's run. Approved "in 1999", they are also
 * never approved after another test's run was calculated.
 */
const EARLY_QUARTERS = 400;
const LONG_AGO = new Date("1999-06-30T00:00:00Z");

export async function earlyQuarter(): Promise<string> {
  const index = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(715002)`;
    await tx.$executeRaw`CREATE TABLE IF NOT EXISTS test_payout_quarter_counter (id int PRIMARY KEY, next int NOT NULL)`;
    await tx.$executeRaw`INSERT INTO test_payout_quarter_counter VALUES (1, 0) ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ taken: number }[]>`UPDATE test_payout_quarter_counter SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS taken`;
    return Number(rows[0]!.taken);
  });
  if (index >= EARLY_QUARTERS) throw new Error("The payout tests used up their quarters of the 1900s.");
  return `${1900 + Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

export type TestPayee = {
  organizationId: string;
  paidCents: bigint;
  withheldCents?: bigint;
  carriedOutCents?: bigint;
  payoutBlockedReason?: string;
  /** The connected account the payout goes to (none: no payout row, as for a carried balance). */
  stripeAccountId?: string | null;
};

/** An approved run (or, with isApproved false, a calculated one) with a statement per payee and a PENDING payout for each one paid. */
export async function createApprovedRun(payees: TestPayee[], options: { quarter?: string; isApproved?: boolean } = {}) {
  const run = await db.distributionRun.create({
    data: { quarter: options.quarter ?? (await earlyQuarter()), status: "CALCULATED", calculatedAt: LONG_AGO, paidCents: payees.reduce((sum, p) => sum + p.paidCents, 0n) },
  });
  for (const payee of payees) {
    const withheld = payee.withheldCents ?? 0n;
    const carriedOut = payee.carriedOutCents ?? 0n;
    const statement = await db.statement.create({
      data: {
        runId: run.id, rightsholderId: payee.organizationId, carriedInCents: 0n, allocatedCents: payee.paidCents + withheld + carriedOut,
        withheldCents: withheld, paidCents: payee.paidCents, carriedOutCents: carriedOut, thresholdCents: 25_000n,
        withholdingBps: withheld > 0n ? 2400 : 0, payoutBlockedReason: payee.payoutBlockedReason ?? null,
      },
    });
    if (payee.paidCents > 0n && payee.stripeAccountId !== null) {
      await db.payout.create({
        data: {
          runId: run.id, statementId: statement.id, rightsholderId: payee.organizationId, amountCents: payee.paidCents,
          idempotencyKey: `payout:${run.id}:${payee.organizationId}`, stripeAccountId: payee.stripeAccountId,
        },
      });
    }
  }
  if (options.isApproved === false) return run;
  return db.distributionRun.update({ where: { id: run.id }, data: { status: "APPROVED", approvedAt: LONG_AGO } });
}

/** A Connect account on the double; onboarded, it can receive transfers. */
export async function createConnectedAccount(options: { isOnboarded?: boolean } = {}): Promise<string> {
  const account = await stripeClient().accounts.create({ type: "express", country: "US", capabilities: { transfers: { requested: true } } });
  if (options.isOnboarded ?? true) await finishOnboarding(account.id);
  return account.id;
}

/** The person finishes Stripe's hosted onboarding: the account's transfers capability turns active. */
export async function finishOnboarding(accountId: string): Promise<void> {
  const link = await stripeClient().accountLinks.create({
    account: accountId, type: "account_onboarding", refresh_url: "http://localhost/refresh", return_url: "http://localhost/return",
  });
  await completeOnboarding(link.url);
}

/** Every transfer the double holds for a payout (its transfer group is the payout's id). */
export async function transfersOf(payoutId: string) {
  return (await stripeClient().transfers.list({ transfer_group: payoutId, limit: 100 })).data;
}

/** Arms a fault on the double (scripts/stripe-double/faults.ts): the next `count` matching requests fail. */
export async function armStripeFault(fault: { path: string; mode: "500" | "500-saved" | "timeout"; count: number; method?: "GET" | "POST"; match?: Record<string, string | Record<string, string>>; delayMs?: number }) {
  const body = new URLSearchParams({ path: fault.path, mode: fault.mode, count: String(fault.count) });
  if (fault.method) body.set("method", fault.method);
  if (fault.delayMs !== undefined) body.set("delay_ms", String(fault.delayMs));
  for (const [key, value] of Object.entries(fault.match ?? {})) {
    if (typeof value === "string") body.set(`match[${key}]`, value);
    else for (const [inner, innerValue] of Object.entries(value)) body.set(`match[${key}][${inner}]`, innerValue);
  }
  const response = await fetch(`${process.env.STRIPE_DOUBLE_URL}/v1/test_helpers/faults`, {
    method: "POST",
    headers: { authorization: "Bearer sk_test_local_double", "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  if (!response.ok) throw new Error(`The double refused the fault: ${await response.text()}`);
}
