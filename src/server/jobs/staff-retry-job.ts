import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { JOBS } from "./registry";
import { RETRY_ATTEMPTS, parseJobAction, type TJobActionInput } from "./staff-jobs.schema";

// ADMIN puts a FAILED job back in the queue, due now. Its attempts stay as they are (the record of
// how often it ran; "retried" in the monitor means attempts > 1) and it gets RETRY_ATTEMPTS more:
// maxAttempts = attempts + RETRY_ATTEMPTS. Backoff between those continues from its attempt count,
// and a handler that treats `attempts` past its limit as final (usage.process, works.import)
// treats a failed retry as final too, which is right for a job already given up once.
// A job with a singleton key may have a twin queued or running (the partial unique index allows
// one): then the retry is refused, since the twin does the same work.

function twinMessage(name: string, key: string, twin?: { id: string; status: string }) {
  return `Another “${name}” job with the same key (${key}) is already ${twin ? `${twin.status.toLowerCase()} (job ${twin.id})` : "queued or running"}: it does what this retry would, so this one stays failed.`;
}

export async function retryFailedJob(actor: Actor | null, rawInput: TJobActionInput): Promise<{ jobId: string; maxAttempts: number }> {
  authorize(can.administer(actor), "Only staff administrators retry jobs.");
  requireUser(actor);
  const { jobId, reason } = parseJobAction(rawInput);
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw notFound("That job");
  if (job.status !== "FAILED") throw new AppError("CONFLICT", `Only a failed job is retried; this one is ${job.status.toLowerCase()}.`);
  if (!JOBS.some((j) => j.name === job.name)) {
    throw new AppError("CONFLICT", `No worker runs “${job.name}” jobs any more: a retry would wait in the queue for ever.`);
  }
  const maxAttempts = job.attempts + RETRY_ATTEMPTS;
  try {
    return await db.$transaction(async (tx) => {
      if (job.singletonKey) {
        const twin = await tx.job.findFirst({ where: { singletonKey: job.singletonKey, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, status: true } });
        if (twin) throw new AppError("CONFLICT", twinMessage(job.name, job.singletonKey, twin));
      }
      const moved = await tx.job.updateMany({
        where: { id: jobId, status: "FAILED", attempts: job.attempts },
        data: { status: "QUEUED", runAt: new Date(), maxAttempts, lockedBy: null, lockedUntil: null, finishedAt: null },
      });
      if (moved.count === 0) throw new AppError("CONFLICT", "The job changed a moment ago. Reload the page to see where it stands.");
      await writeAudit(tx, actor, {
        action: "job.retried",
        entityType: "Job",
        entityId: jobId,
        before: { name: job.name, status: job.status, attempts: job.attempts, maxAttempts: job.maxAttempts, lastError: job.lastError?.slice(0, 500) ?? null },
        after: { status: "QUEUED", maxAttempts, reason },
      });
      return { jobId, maxAttempts };
    });
  } catch (error) {
    // A twin was enqueued between the check and the update: the partial unique index refused it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && job.singletonKey) {
      throw new AppError("CONFLICT", twinMessage(job.name, job.singletonKey));
    }
    throw error;
  }
}
