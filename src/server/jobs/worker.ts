import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { claimJobs, completeJob, failAbandonedJobs, failJob } from "./queue";

export type JobDefinition<TSchema extends z.ZodType = z.ZodType> = {
  name: string;
  payload: TSchema;
  /** Seconds a claim lasts; a handler running longer may be picked up again, so handlers are idempotent. */
  leaseSeconds?: number;
  handle: (payload: z.infer<TSchema>, job: { id: string; attempts: number }) => Promise<void>;
};

export function defineJob<TSchema extends z.ZodType>(definition: JobDefinition<TSchema>): JobDefinition<TSchema> {
  return definition;
}

/**
 * Claims and runs due jobs of the given definitions until none is left (or `maxJobs` ran).
 * A payload that fails its schema is a permanent failure: retrying cannot fix it.
 */
export async function runDueJobs(definitions: JobDefinition[], options: { workerId?: string; maxJobs?: number; settleRetryMs?: number[] } = {}): Promise<number> {
  const workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const leaseSeconds = Math.max(...definitions.map((d) => d.leaseSeconds ?? 300));
  await failAbandonedJobs();
  let ran = 0;
  while (ran < (options.maxJobs ?? 100)) {
    const [job] = await claimJobs(workerId, [...byName.keys()], 1, leaseSeconds);
    if (!job) break;
    ran++;
    const definition = byName.get(job.name)!;
    const parsed = definition.payload.safeParse(job.payload);
    if (!parsed.success) {
      await failJob({ ...job, attempts: job.maxAttempts }, workerId, `Invalid payload: ${parsed.error.message}`);
      continue;
    }
    let outcome: { error: unknown } | null = null;
    try {
      await definition.handle(parsed.data, { id: job.id, attempts: job.attempts });
    } catch (error) {
      outcome = { error };
    }
    const settle = outcome
      ? () => failJob(job, workerId, describe(outcome.error))
      : () => completeJob(job.id, workerId).then(() => undefined);
    await untilTheDatabaseAnswers(settle, options.settleRetryMs ?? SETTLE_RETRY_MS);
  }
  return ran;
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Waits between tries to record a job's outcome. A handler that failed because the database went
 * away (a restart, a failover) is usually still failing to reach it a moment later: without these
 * tries the job would stay RUNNING until its lease ran out (15 minutes for a calculation) instead
 * of going back to the queue when the server is back. About a minute in all.
 */
const SETTLE_RETRY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

async function untilTheDatabaseAnswers(settle: () => Promise<void>, waits: number[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await settle();
    } catch (error) {
      if (attempt >= waits.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, waits[attempt]));
    }
  }
}
