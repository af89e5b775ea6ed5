import { z } from "zod";

// The payout jobs' names and payloads, and the staff input that re-queues a payout.

export const PAY_RUN_JOB = "distribution.pay";
export const NOTIFY_STATEMENTS_JOB = "statements.notify";

/** Both jobs take the run they work on. */
export const ZRunJobPayload = z.object({ runId: z.uuid() });

/** One queued-or-running payment job per run: a second enqueue (approval, staff retry) joins it. */
export const payRunJobKey = (runId: string) => `${PAY_RUN_JOB}:${runId}`;

/**
 * Attempts of a payment job. Its backoff doubles from 10 s up to an hour (jobs/queue.ts), so
 * twenty attempts ride out a Stripe outage of most of a day before the job gives up.
 */
export const PAY_RUN_JOB_ATTEMPTS = 20;

export const ZRetryPayoutInput = z.object({ payoutId: z.uuid("Choose a payout.") });
export type TRetryPayoutInput = z.input<typeof ZRetryPayoutInput>;
