import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { auditActorColumns, writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db, type Tx } from "../db";
import { validation } from "../errors";
import { describeIdentifier } from "./merge-works";
import { ZMergeWorkInput, type TMergeWorkInput } from "./staff-works.schema";
import { lockWorksForStaff, parseStaffInput } from "./staff-work-lock";

export type MergedWork = { workId: number; targetId: number; identifiersMoved: string[]; repointed: number[] };

async function identifiersOf(tx: Tx, workId: number): Promise<string[]> {
  const rows = await tx.workIdentifier.findMany({ where: { workId }, orderBy: { id: "asc" }, select: { type: true, value: true } });
  return rows.map(describeIdentifier);
}

/**
 * Staff (ADMIN) merge a duplicate into the work it duplicates, with a reason. The duplicate is
 * kept, MERGED with mergedIntoId, so its history, co-owners, disputes and usage lines stay where
 * they are; its identifiers move to the target (an identifier belongs to one work, so none can
 * already be there), and anything that looks the duplicate up by identifier finds the target. A
 * distribution run credits the duplicate's usage to the target (allocation-sql.ts follows
 * mergedIntoId one step), so works already merged into the duplicate are re-pointed at the target
 * and no chain forms. Remembered usage matches move too, so later reports match the target.
 *
 * Refused: merging into a merged work (merge into the one it went into), and merging across
 * rightsholders unless the duplicate's rightsholder co-owns the target: the target's owners are
 * paid for the duplicate's usage from then on, and moving one rightsholder's money to another is
 * an ownership decision, which a dispute makes (it can add co-owners), not a merge.
 */
export async function mergeWorkInto(actor: Actor | null, rawInput: TMergeWorkInput): Promise<MergedWork> {
  authorize(can.administer(actor), "Only staff administrators merge works.");
  const input = parseStaffInput(ZMergeWorkInput, rawInput);
  return db.$transaction(async (tx) => {
    const locked = await lockWorksForStaff(tx, [input.workId, input.targetId]);
    const duplicate = locked.find((w) => w.id === input.workId)!;
    const target = locked.find((w) => w.id === input.targetId)!;
    if (duplicate.status === "MERGED") throw validation(`Work #${duplicate.id} was already merged into work #${duplicate.mergedIntoId}.`);
    if (target.status === "MERGED") {
      const message = `Work #${target.id} was itself merged into work #${target.mergedIntoId}: merge into that one.`;
      throw validation(message, { targetId: [message] });
    }
    if (target.rightsholderId !== duplicate.rightsholderId) {
      const coOwns = await tx.workCoOwner.count({ where: { workId: target.id, organizationId: duplicate.rightsholderId } });
      if (coOwns === 0) {
        const message = `Work #${target.id} belongs to another rightsholder, which would be paid for this work's usage. Settle who owns it through a dispute (it can name co-owners), or merge into a work of the same rightsholder.`;
        throw validation(message, { targetId: [message] });
      }
    }
    const moved = await identifiersOf(tx, duplicate.id);
    const targetBefore = await identifiersOf(tx, target.id);
    await tx.workIdentifier.updateMany({ where: { workId: duplicate.id }, data: { workId: target.id } });
    await tx.work.update({ where: { id: duplicate.id }, data: { status: "MERGED", mergedIntoId: target.id } });
    await tx.work.update({ where: { id: target.id }, data: { updatedAt: new Date() } });
    await tx.matchDecision.updateMany({ where: { workId: duplicate.id }, data: { workId: target.id } });
    const repointed = await tx.$queryRaw<{ id: number; rightsholderId: string }[]>`
      UPDATE works SET "mergedIntoId" = ${target.id}, "updatedAt" = now() WHERE "mergedIntoId" = ${duplicate.id} AND id <> ${target.id}
      RETURNING id, "rightsholderId"::text AS "rightsholderId"`;

    const note = { reason: input.reason, via: "staff" };
    await writeAudit(tx, actor, {
      action: "work.merged",
      entityType: "Work",
      entityId: String(duplicate.id),
      organizationId: duplicate.rightsholderId,
      before: { status: duplicate.status, mergedIntoId: null, identifiers: moved },
      after: { status: "MERGED", mergedIntoId: target.id, identifiers: [], ...note },
    });
    await writeAudit(tx, actor, {
      action: "work.mergedFrom",
      entityType: "Work",
      entityId: String(target.id),
      organizationId: target.rightsholderId,
      before: { identifiers: targetBefore },
      after: { identifiers: [...targetBefore, ...moved], mergedFromId: duplicate.id, ...note },
    });
    if (repointed.length > 0) {
      await tx.auditLog.createMany({
        data: repointed.map((w): Prisma.AuditLogCreateManyInput => ({
          ...auditActorColumns(actor),
          organizationId: w.rightsholderId,
          action: "work.mergeRepointed",
          entityType: "Work",
          entityId: String(w.id),
          before: { mergedIntoId: duplicate.id },
          after: { mergedIntoId: target.id, ...note },
        })),
      });
    }
    return { workId: duplicate.id, targetId: target.id, identifiersMoved: moved, repointed: repointed.map((w) => w.id) };
  });
}
