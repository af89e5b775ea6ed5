import "server-only";
import { db } from "../db";
import { leaseKeeper } from "../jobs/lease-keeper";
import { defineJob } from "../jobs/worker";
import { runUsageReport } from "./run-usage-report";
import { USAGE_JOB, USAGE_JOB_ATTEMPTS, ZUsageJob } from "./usage-reports.schema";

const LEASE_SECONDS = 180;

/**
 * The job behind each report (singleton per report). A retry starts again from the file; after the
 * last attempt the report is marked FAILED rather than left "processing" for ever.
 */
export const usageReportJob = defineJob({
  name: USAGE_JOB,
  payload: ZUsageJob,
  leaseSeconds: LEASE_SECONDS,
  handle: async ({ reportId }, job) => {
    try {
      await runUsageReport(reportId, { keepAlive: leaseKeeper(job, LEASE_SECONDS) });
    } catch (error) {
      if (job.attempts >= USAGE_JOB_ATTEMPTS) {
        await db.usageReport
          .updateMany({
            where: { id: reportId, status: { in: ["RECEIVED", "PROCESSING"] } },
            data: { status: "FAILED", processedAt: new Date(), errorMessage: "The report could not be processed because of an error on our side, after several attempts. Upload it again; if it happens again, contact support." },
          })
          .catch(() => undefined);
      }
      throw error;
    }
  },
});
