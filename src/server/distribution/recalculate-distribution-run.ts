import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { AppError, notFound, validation } from "../errors";
import { CALCULATE_JOB, enqueueCalculation } from "./ensure-run-for-quarter";
import { ZRunIdInput, type TRunIdInput } from "./runs.schema";

/**
 * Staff (ADMIN) have a run calculated again — after late usage, a staff match, a refund or a
 * setting that applies to the quarter. Allowed until it is approved; approved runs never change.
 */
export async function recalculateDistributionRun(actor: Actor | null, rawInput: TRunIdInput): Promise<{ runId: string }> {
  authorize(can.manageDistributionRuns(actor));
  const staff = requireUser(actor);
  const parsed = ZRunIdInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Choose a distribution run.");
  const { runId } = parsed.data;
  return db.$transaction(async (tx) => {
    const moved = await tx.distributionRun.updateMany({
      where: { id: runId, status: { in: ["PENDING", "CALCULATED", "FAILED"] } },
      data: { status: "PENDING", progressDone: 0, progressLabel: "Waiting to be calculated", lastError: null },
    });
    if (moved.count === 0 && (await releaseStrandedCalculation(tx, runId))) {
      await enqueueCalculation(tx, runId);
      await writeAudit(tx, staff, { action: "distribution.run_recalculation_requested", entityType: "DistributionRun", entityId: runId, after: { stranded: true } });
      return { runId };
    }
    if (moved.count === 0) {
      const run = await tx.distributionRun.findUnique({ where: { id: runId }, select: { status: true } });
      if (!run) throw notFound("That distribution run");
      if (run.status === "CALCULATING") throw new AppError("CONFLICT", "The run is being calculated right now; wait for it to finish.");
      throw new AppError("CONFLICT", "This run is approved: approved runs never change.");
    }
    await enqueueCalculation(tx, runId);
    await writeAudit(tx, staff, { action: "distribution.run_recalculation_requested", entityType: "DistributionRun", entityId: runId });
    return { runId };
  });
}

/**
 * A run left CALCULATING with no calculation that will ever finish it: the worker died during
 * the job's last attempt (tests/faults/worker-kills.test.ts). Its job is marked FAILED as the
 * queue's abandoned-job sweep would, and the run goes back to PENDING. A calculation still queued,
 * running under a live lease, or with attempts left is not stranded, and nothing moves.
 */
async function releaseStrandedCalculation(tx: Tx, runId: string): Promise<boolean> {
  const key = `${CALCULATE_JOB}:${runId}`;
  await tx.$executeRaw`
    UPDATE jobs SET status = 'FAILED', "lastError" = 'The worker stopped during the last attempt.', "finishedAt" = now(), "lockedBy" = NULL
     WHERE "singletonKey" = ${key} AND status = 'RUNNING' AND "lockedUntil" < now() AND attempts >= "maxAttempts"`;
  const released = await tx.$executeRaw`
    UPDATE distribution_runs SET status = 'PENDING', "progressDone" = 0, "progressLabel" = 'Waiting to be calculated', "lastError" = NULL, "updatedAt" = now()
     WHERE id = ${runId}::uuid AND status = 'CALCULATING'
       AND NOT EXISTS (SELECT 1 FROM jobs WHERE "singletonKey" = ${key} AND status IN ('QUEUED', 'RUNNING'))`;
  return released === 1;
}
