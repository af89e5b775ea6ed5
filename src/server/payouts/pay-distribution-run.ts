import "server-only";
import type Stripe from "stripe";
import type { PayoutStatus, RunStatus } from "@/generated/prisma/enums";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { stripeClient } from "../stripe/client";
import { sendTransfer, type PayoutToSend, type StripeRequestSettings } from "./send-transfer";

// The distribution.pay job (docs/decisions/017-distribution-runs.md): pays an approved run, one
// Stripe Connect transfer per payout, each exactly once however often the job runs or wherever it
// dies. Per payout: it is marked SUBMITTED (attempts + 1) in its own small update before Stripe
// is called, so a crash leaves a trace; the transfer is looked up by the payout's transfer group
// before one is made (send-transfer.ts); what Stripe answered is written with the audit row in
// one transaction. Nothing is written inside a transaction that waits on Stripe.

export type PayRunOptions = {
  /** Called after Stripe answered and before the answer is written: tests "kill" the worker here. */
  afterTransfer?: (payoutId: string) => void | Promise<void>;
  /** The job's lease keeper: false means another worker took the job over, so this one stops. */
  keepAlive?: () => Promise<boolean>;
  stripeRequest?: StripeRequestSettings;
  batchSize?: number;
};

export type PayRunOutcome = { runId: string; status: RunStatus; paid: number; refused: number; toRetry: number };

const BATCH = 100;
/** After this many retryable failures in a row Stripe is taken to be down: stop and back off. */
const MAX_FAILURES_IN_A_ROW = 5;

const PAYOUT_FIELDS = {
  id: true, runId: true, rightsholderId: true, amountCents: true, currency: true, idempotencyKey: true,
  stripeAccountId: true, status: true, attempts: true,
} as const;

type Tally = { paid: number; refused: number; toRetry: number; firstRetryError: string | null; failuresInARow: number };

export async function payDistributionRun(runId: string, options: PayRunOptions = {}): Promise<PayRunOutcome> {
  const run = await db.distributionRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw new Error(`Distribution run ${runId} does not exist.`);
  const tally: Tally = { paid: 0, refused: 0, toRetry: 0, firstRetryError: null, failuresInARow: 0 };
  // Only an approved run is paid; approval enqueues this job in the transaction that approves.
  if (run.status !== "APPROVED" && run.status !== "PAYING") return { runId, status: run.status, ...counts(tally) };
  if (run.status === "APPROVED") await startPaying(runId);

  const stripe = stripeClient();
  // The first pass takes every payout still to pay; later passes only those a staff retry put
  // back to PENDING behind this pass's cursor while it ran (their job enqueue joined this one).
  let statuses: PayoutStatus[] = ["PENDING", "SUBMITTED"];
  for (;;) {
    const isStripeDown = await payPass(stripe, runId, statuses, options, tally);
    if (isStripeDown || (await db.payout.count({ where: { runId, status: "PENDING" } })) === 0) return finish(runId, tally, isStripeDown);
    statuses = ["PENDING"];
  }
}

/** Pays the run's payouts in these statuses, in id order; true when it stopped because Stripe seems down. */
async function payPass(stripe: Stripe, runId: string, statuses: PayoutStatus[], options: PayRunOptions, tally: Tally): Promise<boolean> {
  let cursor: string | null = null;
  for (;;) {
    const batch: PayoutToSendRow[] = await db.payout.findMany({
      where: { runId, status: { in: statuses }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: options.batchSize ?? BATCH,
      select: PAYOUT_FIELDS,
    });
    if (batch.length === 0) return false;
    for (const payout of batch) {
      if (options.keepAlive && !(await options.keepAlive())) throw new Error(`The job paying run ${runId} lost its lease; another worker carries on.`);
      await payOne(stripe, payout, options, tally);
      if (tally.failuresInARow >= MAX_FAILURES_IN_A_ROW) return true;
    }
    cursor = batch.at(-1)!.id;
  }
}

type PayoutToSendRow = Omit<PayoutToSend, "stripeAccountId"> & { stripeAccountId: string | null; status: PayoutStatus; attempts: number };

async function startPaying(runId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const moved = await tx.distributionRun.updateMany({ where: { id: runId, status: "APPROVED" }, data: { status: "PAYING" } });
    if (moved.count === 1) {
      await writeAudit(tx, SYSTEM, { action: "distribution.paying", entityType: "DistributionRun", entityId: runId, before: { status: "APPROVED" }, after: { status: "PAYING" } });
    }
  });
}

async function payOne(stripe: Stripe, payout: PayoutToSendRow, options: PayRunOptions, tally: Tally): Promise<void> {
  // The claim moves the row only from the state this worker read, so two workers never both
  // submit the same attempt; the loser leaves the payout to the winner.
  const claimed = await db.payout.updateMany({
    where: { id: payout.id, status: payout.status, attempts: payout.attempts },
    data: { status: "SUBMITTED", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  if (!payout.stripeAccountId) {
    await recordRefusal(payout, "The rightsholder has no connected Stripe account to pay into.");
    tally.refused++;
    return;
  }
  const outcome = await sendTransfer(stripe, { ...payout, stripeAccountId: payout.stripeAccountId }, options.stripeRequest);
  if (outcome.kind === "retry") {
    await db.payout.updateMany({ where: { id: payout.id, status: "SUBMITTED" }, data: { lastError: outcome.error } });
    tally.toRetry++;
    tally.failuresInARow++;
    tally.firstRetryError ??= outcome.error;
    return;
  }
  tally.failuresInARow = 0;
  if (outcome.kind === "refused") {
    await recordRefusal(payout, outcome.error);
    tally.refused++;
    return;
  }
  await options.afterTransfer?.(payout.id);
  await db.$transaction(async (tx) => {
    const paid = await tx.payout.updateMany({
      where: { id: payout.id, status: "SUBMITTED" },
      data: { status: "PAID", stripeTransferId: outcome.transferId, paidAt: new Date(), lastError: null },
    });
    if (paid.count === 0) return;
    await writeAudit(tx, SYSTEM, {
      action: "payout.paid",
      entityType: "Payout",
      entityId: payout.id,
      organizationId: payout.rightsholderId,
      before: { status: "SUBMITTED" },
      after: {
        status: "PAID", runId: payout.runId, amountCents: payout.amountCents, currency: payout.currency, stripeAccountId: payout.stripeAccountId,
        stripeTransferId: outcome.transferId, attempts: payout.attempts + 1, wasFoundInStripe: outcome.wasFound,
      },
    });
  });
  tally.paid++;
}

/** Stripe refused: FAILED with the reason, for staff to fix and retry (retry-payout.ts). */
async function recordRefusal(payout: PayoutToSendRow, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const failed = await tx.payout.updateMany({ where: { id: payout.id, status: "SUBMITTED" }, data: { status: "FAILED", lastError: error } });
    if (failed.count === 0) return;
    await writeAudit(tx, SYSTEM, {
      action: "payout.failed",
      entityType: "Payout",
      entityId: payout.id,
      organizationId: payout.rightsholderId,
      before: { status: "SUBMITTED" },
      after: { status: "FAILED", runId: payout.runId, amountCents: payout.amountCents, stripeAccountId: payout.stripeAccountId, error },
    });
  });
}

/**
 * The run is PAID once every payout is; refused payouts keep it PAYING until staff retry them.
 * Payouts left to retry make the job fail, so the queue runs it again with backoff.
 */
async function finish(runId: string, tally: Tally, isStripeDown: boolean): Promise<PayRunOutcome> {
  const unpaid = await db.payout.groupBy({ by: ["status"], where: { runId, status: { not: "PAID" } }, _count: { _all: true } });
  const left = (status: PayoutStatus) => unpaid.find((u) => u.status === status)?._count._all ?? 0;
  const toRetry = left("PENDING") + left("SUBMITTED");
  const refused = left("FAILED");
  if (toRetry === 0 && refused === 0) {
    await db.$transaction(async (tx) => {
      const moved = await tx.distributionRun.updateMany({ where: { id: runId, status: "PAYING" }, data: { status: "PAID", paidAt: new Date(), lastError: null } });
      if (moved.count === 1) {
        await writeAudit(tx, SYSTEM, { action: "distribution.paid", entityType: "DistributionRun", entityId: runId, before: { status: "PAYING" }, after: { status: "PAID" } });
      }
    });
    return { runId, status: "PAID", ...counts(tally) };
  }
  const problems = [
    refused > 0 ? `${refused} payout${refused === 1 ? " was" : "s were"} refused by Stripe and wait${refused === 1 ? "s" : ""} for staff to retry` : null,
    toRetry > 0 ? `${toRetry} payout${toRetry === 1 ? "" : "s"} could not be sent yet and will be retried` : null,
  ].filter(Boolean).join("; ");
  await db.distributionRun.updateMany({ where: { id: runId, status: "PAYING" }, data: { lastError: `${problems}.` } });
  if (toRetry > 0) {
    const why = isStripeDown ? ` Stripe failed ${MAX_FAILURES_IN_A_ROW} times in a row, so the rest waits too.` : "";
    throw new Error(`Run ${runId}: ${problems}${tally.firstRetryError ? ` (first error: ${tally.firstRetryError})` : ""}.${why}`);
  }
  return { runId, status: "PAYING", ...counts(tally) };
}

const counts = (tally: Tally) => ({ paid: tally.paid, refused: tally.refused, toRetry: tally.toRetry });
