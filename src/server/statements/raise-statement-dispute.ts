import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, membershipIn } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { disputeDeadline, isDisputeWindowOpen } from "./dispute-window";
import { VISIBLE_RUN_STATUSES, ZRaiseStatementDisputeInput, type TRaiseStatementDisputeInput } from "./statements.schema";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/**
 * A rightsholder's owner disputes a line of one of its statements (DOMAIN.md: within 9 months of
 * the run). The dispute names the line's work, so while it is open the distribution runs hold
 * that work's money; staff resolve it (resolve-statement-dispute.ts) and the next run releases
 * it. One open dispute per line: the line is locked while we check, so two owners clicking at
 * once open one dispute, not two.
 */
export async function raiseStatementDispute(actor: Actor | null, rawInput: TRaiseStatementDisputeInput) {
  authorize(can.useRightsholderArea(actor), "Only a rightsholder's owners can dispute its statements.");
  const input = ZRaiseStatementDisputeInput.parse(rawInput);
  const lineId = BigInt(input.statementLineId);
  const line = await db.statementLine.findFirst({
    where: { id: lineId, statement: { run: { status: { in: [...VISIBLE_RUN_STATUSES] } } } },
    select: {
      id: true, workId: true, title: true,
      statement: { select: { id: true, rightsholderId: true, run: { select: { quarter: true, approvedAt: true } } } },
    },
  });
  const organizationId = line?.statement.rightsholderId;
  if (!line || !organizationId || !membershipIn(actor, organizationId)) throw notFound("That statement line");
  authorize(can.disputeStatementLine(actor, organizationId), "Only the organisation's owners can dispute a statement line.");
  if (!isDisputeWindowOpen(line.statement.run.approvedAt)) {
    const deadline = disputeDeadline(line.statement.run.approvedAt);
    const message = `The ${line.statement.run.quarter} statement can no longer be disputed: lines can be disputed for 9 months after the run was approved${deadline ? `, until ${dayFormat.format(deadline)}` : ""}.`;
    throw validation(message, { statementLineId: [message] });
  }

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM statement_lines WHERE id = ${lineId} FOR UPDATE`;
    const open = await tx.dispute.findFirst({ where: { statementLineId: lineId, status: "OPEN" }, select: { id: true } });
    if (open) throw new AppError("CONFLICT", "This line already has an open dispute; staff will answer it before another can be raised.");
    // The work the runs hold: the line's, or the work it has since been merged into.
    const work = await tx.work.findUnique({ where: { id: line.workId }, select: { mergedIntoId: true } });
    const workId = work?.mergedIntoId ?? line.workId;
    const dispute = await tx.dispute.create({
      data: { origin: "STATEMENT_LINE", workId, claimantOrgId: organizationId, statementLineId: lineId, reason: input.reason },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "dispute.raised",
      entityType: "Dispute",
      entityId: dispute.id,
      organizationId,
      before: null,
      after: { origin: "STATEMENT_LINE", statementId: line.statement.id, statementLineId: line.id, workId, quarter: line.statement.run.quarter, reason: input.reason },
    });
    return { disputeId: dispute.id };
  });
}
