import "server-only";
import { z } from "zod";
import { db } from "../db";
import { defineJob } from "../jobs/worker";
import { calculateDistributionRun } from "./calculate-distribution-run";
import { CALCULATE_JOB } from "./ensure-run-for-quarter";
import { runDistributionSchedule } from "./run-distribution-schedule";

/** Calculates a run; on its last failed attempt the run is marked FAILED with the error, for staff. */
export const distributionCalculateJob = defineJob({
  name: CALCULATE_JOB,
  payload: z.object({ runId: z.uuid() }),
  leaseSeconds: 900,
  handle: async ({ runId }, job) => {
    try {
      await calculateDistributionRun(runId);
    } catch (error) {
      const row = await db.job.findUnique({ where: { id: job.id }, select: { maxAttempts: true } });
      if (job.attempts >= (row?.maxAttempts ?? 3)) {
        const message = error instanceof Error ? error.message : String(error);
        await db.distributionRun.updateMany({ where: { id: runId, status: "CALCULATING" }, data: { status: "FAILED", lastError: message.slice(0, 2000), progressLabel: "Failed" } });
      }
      throw error;
    }
  },
});

export const distributionScheduleJob = defineJob({
  name: "distribution.schedule",
  payload: z.object({}),
  leaseSeconds: 300,
  handle: async () => {
    await runDistributionSchedule();
  },
});
