import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseJobAction, type TJobActionInput } from "./staff-jobs.schema";

/**
 * ADMIN cancels a QUEUED job with a reason: it becomes CANCELLED and no worker claims it. Only
 * while queued, by a conditional update, so a job a worker claimed meanwhile runs on (a running
 * job is never interrupted). What it was to do stays undone; the reason is in its audit row.
 */
export async function cancelQueuedJob(actor: Actor | null, rawInput: TJobActionInput): Promise<{ jobId: string }> {
  authorize(can.administer(actor), "Only staff administrators cancel jobs.");
  requireUser(actor);
  const { jobId, reason } = parseJobAction(rawInput);
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { name: true, status: true, attempts: true, runAt: true, singletonKey: true } });
    if (!job) throw notFound("That job");
    if (job.status !== "QUEUED") throw new AppError("CONFLICT", `Only a queued job is cancelled; this one is ${job.status.toLowerCase()}.`);
    const moved = await tx.job.updateMany({
      where: { id: jobId, status: "QUEUED" },
      data: { status: "CANCELLED", finishedAt: new Date(), lockedBy: null, lockedUntil: null },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "A worker started this job a moment ago; a running job is not interrupted.");
    await writeAudit(tx, actor, {
      action: "job.cancelled",
      entityType: "Job",
      entityId: jobId,
      before: { name: job.name, status: "QUEUED", attempts: job.attempts, runAt: job.runAt, singletonKey: job.singletonKey },
      after: { status: "CANCELLED", reason },
    });
    return { jobId };
  });
}
