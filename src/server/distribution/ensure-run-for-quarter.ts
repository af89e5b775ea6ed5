import "server-only";
import type { Quarter } from "@/lib/usage/quarters";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { enqueueJob } from "../jobs/queue";

export const CALCULATE_JOB = "distribution.calculate";

/** The calculation job for a run: one queued or running at a time, however often it is asked for. */
export async function enqueueCalculation(tx: Tx, runId: string): Promise<void> {
  await enqueueJob(tx, CALCULATE_JOB, { runId }, { singletonKey: `${CALCULATE_JOB}:${runId}`, maxAttempts: 3 });
}

/**
 * The quarter's run, created if there is none, with its calculation queued. The unique quarter
 * makes concurrent callers (the schedule on several instances, staff clicking twice) agree on one
 * run: the insert does nothing for all but the first, and they all read the same row.
 */
export async function ensureRunForQuarter(quarter: Quarter, actor: Actor, createdById: string | null = null): Promise<{ runId: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO distribution_runs (id, quarter, status, "createdById", "updatedAt")
      VALUES (gen_random_uuid(), ${quarter.code}, 'PENDING', ${createdById}::uuid, now())
      ON CONFLICT (quarter) DO NOTHING
      RETURNING id::text`;
    if (inserted[0]) {
      await enqueueCalculation(tx, inserted[0].id);
      await writeAudit(tx, actor, { action: "distribution.run_created", entityType: "DistributionRun", entityId: inserted[0].id, after: { quarter: quarter.code } });
      return { runId: inserted[0].id, created: true };
    }
    const existing = await tx.distributionRun.findUniqueOrThrow({ where: { quarter: quarter.code }, select: { id: true, status: true } });
    // A run left PENDING (its job lost with a wiped queue) gets its calculation back.
    if (existing.status === "PENDING") await enqueueCalculation(tx, existing.id);
    return { runId: existing.id, created: false };
  });
}
