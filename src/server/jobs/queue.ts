import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, type DbOrTx } from "../db";

// The job queue of docs/decisions/004-job-queue.md. Every function is one SQL statement, so its
// effect is atomic; the worker (worker.ts) strings them together.

export type EnqueueOptions = {
  runAt?: Date;
  /** At most one queued-or-running job per key: a second enqueue with it does nothing. */
  singletonKey?: string;
  maxAttempts?: number;
};

export type ClaimedJob = { id: string; name: string; payload: unknown; attempts: number; maxAttempts: number };

/** Adds a job (inside the caller's transaction when given one). Null when the singleton exists. */
export async function enqueueJob(tx: DbOrTx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO jobs (id, name, payload, "singletonKey", "runAt", "maxAttempts")
    VALUES (gen_random_uuid(), ${name}, ${JSON.stringify(payload ?? {})}::jsonb, ${options.singletonKey ?? null},
            ${options.runAt ?? new Date()}, ${options.maxAttempts ?? 5})
    ON CONFLICT ("singletonKey") WHERE "singletonKey" IS NOT NULL AND (status = 'QUEUED' OR status = 'RUNNING') DO NOTHING
    RETURNING id::text`;
  return rows[0]?.id ?? null;
}

/**
 * Claims up to `limit` due jobs of the given names for `workerId`, with a lease. SKIP LOCKED lets
 * several workers claim side by side without waiting or taking the same job. A RUNNING job whose
 * lease expired (its worker crashed) is claimable again while it has attempts left.
 */
export async function claimJobs(workerId: string, names: string[], limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE jobs SET status = 'RUNNING', attempts = attempts + 1, "lockedBy" = ${workerId},
      "lockedUntil" = now() + make_interval(secs => ${leaseSeconds}), "startedAt" = COALESCE("startedAt", now())
    WHERE id IN (
      SELECT id FROM jobs
      WHERE name = ANY(${names}::text[])
        AND ((status = 'QUEUED' AND "runAt" <= now())
          OR (status = 'RUNNING' AND "lockedUntil" < now() AND attempts < "maxAttempts"))
      ORDER BY "runAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text, name, payload, attempts, "maxAttempts"`;
}

/** Marks the job done, only if this worker still holds it (a lost lease means someone else does). */
export async function completeJob(id: string, workerId: string): Promise<boolean> {
  const updated = await db.job.updateMany({
    where: { id, lockedBy: workerId, status: "RUNNING" },
    data: { status: "SUCCEEDED", finishedAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null },
  });
  return updated.count === 1;
}

/** Backoff before attempt n+1: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

/** Puts a failed job back in the queue with backoff, or marks it FAILED when out of attempts. */
export async function failJob(job: Pick<ClaimedJob, "id" | "attempts" | "maxAttempts">, workerId: string, error: string): Promise<void> {
  const isFinal = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "RUNNING" },
    data: {
      status: isFinal ? "FAILED" : "QUEUED",
      lastError: error.slice(0, 4000),
      lockedBy: null,
      lockedUntil: null,
      ...(isFinal ? { finishedAt: new Date() } : { runAt: new Date(Date.now() + retryDelaySeconds(job.attempts) * 1000) }),
    },
  });
}

/** Jobs whose worker died on their last attempt would never be claimed again: mark them FAILED. */
export async function failAbandonedJobs(): Promise<number> {
  const updated = await db.job.updateMany({
    where: { status: "RUNNING", lockedUntil: { lt: new Date() }, attempts: { gte: db.job.fields.maxAttempts } },
    data: { status: "FAILED", lastError: "The worker stopped during the last attempt.", finishedAt: new Date(), lockedBy: null },
  });
  return updated.count;
}

/** Records progress for the job monitor and progress bars. */
export async function reportProgress(id: string, progress: Prisma.InputJsonValue): Promise<void> {
  await db.job.update({ where: { id }, data: { progress } });
}

/**
 * Keeps a long-running job's lease: pushes lockedUntil on while the claim that started it (its
 * attempt number) still holds the job. False means another worker has taken it over: stop.
 */
export async function extendJobLease(id: string, attempts: number, leaseSeconds: number): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE jobs SET "lockedUntil" = now() + make_interval(secs => ${leaseSeconds})
    WHERE id = ${id}::uuid AND status = 'RUNNING' AND attempts = ${attempts}`;
  return updated === 1;
}
