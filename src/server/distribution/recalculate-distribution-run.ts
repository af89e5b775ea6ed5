import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueCalculation } from "./ensure-run-for-quarter";
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
