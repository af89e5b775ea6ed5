import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { VISIBLE_RUN_STATUSES } from "./statements.schema";
import { isUuid } from "@/lib/uuid";

/**
 * What staff need to decide a statement-line dispute: the line as the statement showed it, the
 * rightsholder, and the work's money held so far in approved runs while disputes kept it. Null
 * for an enrollment dispute, so the staff dispute page can call it for any dispute.
 */
export async function getStatementDisputeForStaff(actor: Actor | null, disputeId: string) {
  authorize(can.readStaffArea(actor));
  const dispute = isUuid(disputeId)
    ? await db.dispute.findUnique({
      where: { id: disputeId },
      select: {
        id: true, origin: true, status: true, reason: true, resolution: true, openedAt: true, resolvedAt: true, workId: true,
        claimant: { select: { id: true, name: true } },
        work: { select: { title: true } },
        statementLine: {
          select: {
            id: true, identifier: true, title: true, licenseesCounted: true, units: true, grossCents: true, adminFeeShareCents: true,
            withholdingCents: true, netCents: true, shareBps: true,
            statement: { select: { id: true, run: { select: { id: true, quarter: true, approvedAt: true } } } },
          },
        },
      },
    })
    : null;
  if (!dispute) throw notFound("That dispute");
  if (dispute.origin !== "STATEMENT_LINE") return null;
  const held = await db.allocation.aggregate({
    where: { workId: dispute.workId, isHeld: true, releasedInRunId: null, run: { status: { in: [...VISIBLE_RUN_STATUSES] } } },
    _sum: { amountCents: true },
  });
  return {
    id: dispute.id,
    status: dispute.status,
    reason: dispute.reason,
    resolution: dispute.resolution,
    openedAt: dispute.openedAt,
    resolvedAt: dispute.resolvedAt,
    rightsholder: dispute.claimant,
    workId: dispute.workId,
    workTitle: dispute.work.title,
    line: dispute.statementLine,
    heldCents: held._sum.amountCents ?? 0n,
    canResolve: can.administer(actor),
  };
}

export type StaffStatementDisputeView = NonNullable<Awaited<ReturnType<typeof getStatementDisputeForStaff>>>;
