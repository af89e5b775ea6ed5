import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { NOTIFY_STATEMENTS_JOB, PAY_RUN_JOB, PAY_RUN_JOB_ATTEMPTS, payRunJobKey } from "../payouts/payouts.schema";
import { ZRunIdInput, type TRunIdInput } from "./runs.schema";

const recalculate = (why: string) => new AppError("CONFLICT", `${why} Recalculate the run, check it again, then approve it.`);

/** Why the calculated figures no longer hold, if they don't: then the run is recalculated first. */
async function staleReason(tx: Tx, run: { id: string; quarter: string; calculatedAt: Date | null; heldInCents: bigint }): Promise<AppError | null> {
  const later = await tx.distributionRun.findFirst({
    where: { quarter: { gt: run.quarter }, status: { in: ["APPROVED", "PAYING", "PAID"] } },
    select: { quarter: true },
  });
  if (later) return new AppError("CONFLICT", `The run for ${later.quarter} is already approved: runs are approved in quarter order.`);
  // An earlier run approved since this one was calculated matters only if it changes what this
  // one took over: the held pool, or the carried balance of a payee.
  const previous = await tx.$queryRaw<{ heldOutCents: bigint }[]>`
    SELECT "heldOutCents" FROM distribution_runs
     WHERE status IN ('APPROVED', 'PAYING', 'PAID') AND quarter < ${run.quarter} AND id <> ${run.id}::uuid
     ORDER BY quarter DESC LIMIT 1`;
  if ((previous[0]?.heldOutCents ?? 0n) !== run.heldInCents) {
    return recalculate("The general pool held by earlier runs changed since this run was calculated.");
  }
  const changed = await tx.$queryRaw<{ quarter: string }[]>`
    SELECT r.quarter FROM distribution_runs r JOIN statements s ON s."runId" = r.id
     WHERE r.status IN ('APPROVED', 'PAYING', 'PAID') AND r.quarter < ${run.quarter} AND r."approvedAt" > ${run.calculatedAt ?? new Date(0)}
       AND (s."carriedOutCents" > 0 OR s."rightsholderId" IN (SELECT "rightsholderId" FROM statements WHERE "runId" = ${run.id}::uuid))
     LIMIT 1`;
  if (changed[0]) return recalculate(`The run for ${changed[0].quarter} was approved after this one was calculated, and it changed carried balances.`);
  const disputed = await tx.$queryRaw<{ count: bigint }[]>`
    SELECT COUNT(DISTINCT a."workId") AS count FROM allocations a
     WHERE a."runId" = ${run.id}::uuid AND NOT a."isHeld" AND a.source <> 'RELEASED'
       AND a."workId" IN (SELECT "workId" FROM disputes WHERE status = 'OPEN'
                          UNION SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL)`;
  const count = Number(disputed[0]?.count ?? 0);
  if (count > 0) return recalculate(`${count} ${count === 1 ? "work was" : "works were"} put under dispute since the calculation; their money must be held.`);
  return null;
}

/**
 * Staff (ADMIN) approve a calculated run: its money is final from here (the database refuses any
 * change to it). In the same transaction the quarter's usage reports are locked (a later upload
 * becomes an adjustment), the adjustments and held money the run took are marked as taken, and
 * the payout and statement-ready jobs are queued.
 */
export async function approveDistributionRun(actor: Actor | null, rawInput: TRunIdInput): Promise<{ runId: string }> {
  authorize(can.manageDistributionRuns(actor));
  const staff = requireUser(actor);
  const parsed = ZRunIdInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Choose a distribution run.");
  const { runId } = parsed.data;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; quarter: string; status: string; calculatedAt: Date | null; heldInCents: bigint }[]>`
      SELECT id::text, quarter, status::text, "calculatedAt", "heldInCents" FROM distribution_runs WHERE id = ${runId}::uuid FOR UPDATE`;
    const run = locked[0];
    if (!run) throw notFound("That distribution run");
    if (run.status !== "CALCULATED") {
      throw new AppError("CONFLICT", ["APPROVED", "PAYING", "PAID"].includes(run.status) ? "This run is already approved." : "Only a calculated run can be approved.");
    }
    const stale = await staleReason(tx, run);
    if (stale) throw stale;

    const approvedAt = new Date();
    await tx.distributionRun.update({ where: { id: runId }, data: { status: "APPROVED", approvedAt, approvedById: staff.userId } });
    const lockedReports = await tx.usageReport.updateMany({
      where: { quarter: run.quarter, status: { not: "REPLACED" }, isAdjustment: false, lockedAt: null },
      data: { lockedAt: approvedAt },
    });
    const adjustments = await tx.$executeRaw`
      UPDATE usage_reports SET "appliedInRunId" = ${runId}::uuid
       WHERE "isAdjustment" AND status = 'PROCESSED' AND quarter < ${run.quarter} AND "appliedInRunId" IS NULL
         AND "processedAt" <= ${run.calculatedAt}`;
    const released = await tx.$executeRaw`
      UPDATE allocations a SET "releasedInRunId" = ${runId}::uuid
        FROM distribution_runs r
       WHERE r.id = a."runId" AND r.status IN ('APPROVED', 'PAYING', 'PAID') AND r.quarter < ${run.quarter}
         AND a."isHeld" AND a."releasedInRunId" IS NULL
         AND a."workId" IN (SELECT "workId" FROM allocations WHERE "runId" = ${runId}::uuid AND source = 'RELEASED')`;
    await writeAudit(tx, staff, {
      action: "distribution.run_approved",
      entityType: "DistributionRun",
      entityId: runId,
      before: { status: "CALCULATED" },
      after: { status: "APPROVED", quarter: run.quarter, lockedReports: lockedReports.count, adjustmentsApplied: adjustments, heldAllocationsReleased: released },
    });
    await enqueueJob(tx, PAY_RUN_JOB, { runId }, { singletonKey: payRunJobKey(runId), maxAttempts: PAY_RUN_JOB_ATTEMPTS });
    await enqueueJob(tx, NOTIFY_STATEMENTS_JOB, { runId }, { singletonKey: `${NOTIFY_STATEMENTS_JOB}:${runId}` });
    return { runId };
  });
}
