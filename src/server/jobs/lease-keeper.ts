import "server-only";
import { extendJobLease } from "./queue";

/**
 * For a long job: a `keepAlive` to call as it works, which renews the job's lease at most every
 * `everyMs` (so no other worker takes the job over) and answers false once the lease is gone
 * (another worker has it: stop).
 */
export function leaseKeeper(job: { id: string; attempts: number }, leaseSeconds: number, everyMs = 15_000): () => Promise<boolean> {
  let extendedAt = Date.now();
  return async () => {
    if (Date.now() - extendedAt < everyMs) return true;
    extendedAt = Date.now();
    return extendJobLease(job.id, job.attempts, leaseSeconds);
  };
}
