import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { statementDisputeResolvedMail } from "./statement-dispute-mails";
import { ZResolveStatementDisputeInput, type TResolveStatementDisputeInput } from "./statements.schema";

const STATUS_AFTER = { RESOLVED: "RESOLVED_ASSIGNED", REJECTED: "REJECTED" } as const;

/**
 * Staff (ADMIN) decide a dispute raised on a statement line. Either way the dispute stops being
 * OPEN, so the next run calculated releases the work's held money to its owners as they are then:
 * RESOLVED (status RESOLVED_ASSIGNED: the work keeps its owners; any correction is made in the
 * works or usage, where it belongs) or REJECTED (the line was right). Only an OPEN dispute moves,
 * with a conditional update, so two admins at once cannot both decide. Enrollment disputes are
 * resolveDispute's (disputes/resolve-dispute.ts); this refuses them as not found.
 */
export async function resolveStatementDispute(actor: Actor | null, rawInput: TResolveStatementDisputeInput) {
  authorize(can.administer(actor), "Only staff administrators resolve disputes.");
  const staff = requireUser(actor);
  const input = ZResolveStatementDisputeInput.parse(rawInput);
  const status = STATUS_AFTER[input.outcome];

  return db.$transaction(async (tx) => {
    const dispute = await tx.dispute.findFirst({
      where: { id: input.disputeId, origin: "STATEMENT_LINE" },
      select: {
        id: true, claimantOrgId: true, workId: true, statementLineId: true,
        work: { select: { title: true } },
        statementLine: { select: { statement: { select: { id: true, run: { select: { quarter: true } } } } } },
      },
    });
    if (!dispute) throw notFound("That statement dispute");
    const moved = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "OPEN" },
      data: { status, resolution: input.resolution, resolvedById: staff.userId, resolvedAt: new Date() },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "This dispute was already resolved; reload the page to see the decision.");
    await writeAudit(tx, actor, {
      action: "dispute.resolved",
      entityType: "Dispute",
      entityId: dispute.id,
      organizationId: dispute.claimantOrgId,
      before: { status: "OPEN" },
      after: { status, origin: "STATEMENT_LINE", outcome: input.outcome, resolution: input.resolution, workId: dispute.workId, statementLineId: dispute.statementLineId },
    });
    const owners = await tx.membership.findMany({ where: { organizationId: dispute.claimantOrgId, role: "OWNER" }, select: { user: { select: { email: true } } } });
    const statement = dispute.statementLine?.statement;
    for (const owner of owners) {
      await enqueueMail(tx, statementDisputeResolvedMail(owner.user.email, {
        workTitle: dispute.work.title, quarter: statement?.run.quarter ?? null, statementId: statement?.id ?? null,
        outcome: input.outcome, resolution: input.resolution,
      }));
    }
    return { status };
  });
}
