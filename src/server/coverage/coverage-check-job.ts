import "server-only";
import { leaseKeeper } from "../jobs/lease-keeper";
import { defineJob } from "../jobs/worker";
import { db } from "../db";
import { COVERAGE_CHECK_JOB, COVERAGE_CHECK_JOB_ATTEMPTS, ZCoverageCheckJob } from "./coverage-checks.schema";
import { runCoverageCheck } from "./run-coverage-check";

const LEASE_SECONDS = 120;

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
    try {
      await runCoverageCheck(checkId, { keepAlive: leaseKeeper(job, LEASE_SECONDS) });
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
