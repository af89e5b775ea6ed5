import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { PAY_RUN_JOB, PAY_RUN_JOB_ATTEMPTS, ZRetryPayoutInput, payRunJobKey, type TRetryPayoutInput } from "./payouts.schema";

/**
 * Staff (ADMIN) send a payout Stripe refused again, once its cause is fixed (say the payee
 * finished onboarding): FAILED → PENDING and the run's payment job queued (joining one already
 * queued). Stripe saves a refusal under the request's idempotency key and answers it again for
 * that key, so the retried payout gets a key of its own; paying twice is still impossible, because
 * the job looks the payout's transfer up before making one (send-transfer.ts).
 * A payout left PENDING or SUBMITTED (the job gave up while Stripe was down for longer than its
 * retries) is queued again as it is: its transfer may exist, and the job's look-up finds it.
 * `isNewJob` is false when the run's payment job was already queued or running: it takes the payout.
 */
export async function retryPayout(actor: Actor | null, rawInput: TRetryPayoutInput): Promise<{ payoutId: string; isNewJob: boolean }> {
  authorize(can.manageDistributionRuns(actor), "Only staff administrators send payouts again.");
  const parsed = ZRetryPayoutInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Choose a payout.", { payoutId: parsed.error.issues.map((i) => i.message) });
  const payout = await db.payout.findUnique({
    where: { id: parsed.data.payoutId },
    select: { id: true, runId: true, rightsholderId: true, status: true, attempts: true, idempotencyKey: true, lastError: true, run: { select: { status: true } } },
  });
  if (!payout) throw notFound("That payout");
  if (payout.status === "PAID") throw new AppError("CONFLICT", "This payout has been paid.");
  if (payout.run.status !== "PAYING" && payout.run.status !== "APPROVED") throw new AppError("CONFLICT", "Only the payouts of an approved run are sent.");

  return db.$transaction(async (tx) => {
    const idempotencyKey = payout.status === "FAILED" ? nextIdempotencyKey(payout.idempotencyKey) : payout.idempotencyKey;
    const moved = await tx.payout.updateMany({
      where: { id: payout.id, status: payout.status, attempts: payout.attempts },
      data: payout.status === "FAILED" ? { status: "PENDING", idempotencyKey } : {},
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "This payout changed meanwhile. Reload the page.");
    const jobId = await enqueueJob(tx, PAY_RUN_JOB, { runId: payout.runId }, { singletonKey: payRunJobKey(payout.runId), maxAttempts: PAY_RUN_JOB_ATTEMPTS });
    await writeAudit(tx, actor, {
      action: "payout.retry_requested",
      entityType: "Payout",
      entityId: payout.id,
      organizationId: payout.rightsholderId,
      before: { status: payout.status, lastError: payout.lastError, idempotencyKey: payout.idempotencyKey },
      after: { status: payout.status === "FAILED" ? "PENDING" : payout.status, idempotencyKey },
    });
    return { payoutId: payout.id, isNewJob: jobId !== null };
  });
}

/** `payout:<run>:<payee>` → `…:retry-1` → `…:retry-2`: unique per payout and retry. */
function nextIdempotencyKey(key: string): string {
  const match = /^(.*):retry-(\d+)$/.exec(key);
  return match ? `${match[1]}:retry-${Number(match[2]) + 1}` : `${key}:retry-1`;
}
