import "server-only";
import { leaseKeeper } from "../jobs/lease-keeper";
import { defineJob } from "../jobs/worker";
import { notifyStatementsReady } from "./notify-statements-ready";
import { payDistributionRun } from "./pay-distribution-run";
import { NOTIFY_STATEMENTS_JOB, PAY_RUN_JOB, ZRunJobPayload } from "./payouts.schema";

const PAY_LEASE_SECONDS = 300;

/**
 * Pays an approved run (enqueued by approval and by a staff retry, singleton per run). A failed
 * attempt leaves its payouts to the next one, which looks each transfer up before making it.
 */
export const distributionPayJob = defineJob({
  name: PAY_RUN_JOB,
  payload: ZRunJobPayload,
  leaseSeconds: PAY_LEASE_SECONDS,
  handle: async ({ runId }, job) => {
    await payDistributionRun(runId, { keepAlive: leaseKeeper(job, PAY_LEASE_SECONDS) });
  },
});

/** Mails each payee's owners that its statement is ready (enqueued by approval); once per statement. */
export const statementsNotifyJob = defineJob({
  name: NOTIFY_STATEMENTS_JOB,
  payload: ZRunJobPayload,
  leaseSeconds: 300,
  handle: async ({ runId }) => {
    await notifyStatementsReady(runId);
  },
});
