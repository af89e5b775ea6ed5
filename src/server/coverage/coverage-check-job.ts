import "server-only";
import { extendJobLease } from "../jobs/queue";
import { defineJob } from "../jobs/worker";
import { db } from "../db";
import { COVERAGE_CHECK_JOB, COVERAGE_CHECK_JOB_ATTEMPTS, ZCoverageCheckJob } from "./coverage-checks.schema";
import { runCoverageCheck } from "./run-coverage-check";

const LEASE_SECONDS = 120;
const EXTEND_EVERY_MS = 15_000;

/**
 * The job behind each bulk check (singleton per check). It renews its lease while it works; a retry
 * starts the check again from the file (nothing of a failed run is kept). After the last attempt
 * the check is marked FAILED rather than left "processing" for ever.
 */
export const coverageCheckJob = defineJob({
  name: COVERAGE_CHECK_JOB,
  payload: ZCoverageCheckJob,
  leaseSeconds: LEASE_SECONDS,
  handle: async ({ checkId }, job) => {
    let extendedAt = Date.now();
    try {
      await runCoverageCheck(checkId, {
        keepAlive: async () => {
          if (Date.now() - extendedAt < EXTEND_EVERY_MS) return true;
          extendedAt = Date.now();
          return extendJobLease(job.id, job.attempts, LEASE_SECONDS);
        },
      });
    } catch (error) {
      if (job.attempts >= COVERAGE_CHECK_JOB_ATTEMPTS) {
        await db.coverageCheck
          .updateMany({
            where: { id: checkId, status: { in: ["QUEUED", "PROCESSING"] } },
            data: { status: "FAILED", finishedAt: new Date(), errorMessage: "The check stopped because of an error on our side, after several attempts. Upload the file again; if it happens again, contact support." },
          })
          .catch(() => undefined);
      }
      throw error;
    }
  },
});
