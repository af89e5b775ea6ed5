import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { auditActorColumns } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { ZSetWorksSuspensionInput, type TSetWorksSuspensionInput } from "./staff-works.schema";
import { lockWorksForStaff, parseStaffInput } from "./staff-work-lock";

// Staff (ADMIN) suspend works, or lift a suspension, with a reason: one work from its page or up
// to 500 ticked in the search, in one transaction, set-based (one UPDATE, one INSERT of audit
// rows, one per work). A suspended work is out of the repertoire: coverage answers "not
// enrolled" and usage reported while it is suspended counts toward no royalties
// (src/lib/coverage/coverage-rule.ts and usage/eligibility-sql.ts read the status). Only works in
// the other state move; the rest are reported back, never an error, so a selection that mixes
// both is handled in one go.

export type SuspensionResult = {
  /** The works that moved. */
  changed: number[];
  /** Works already in the asked state, or merged (a merged work has no state of its own). */
  skipped: { id: number; why: string }[];
};

async function setSuspension(actor: Actor | null, rawInput: TSetWorksSuspensionInput, suspend: boolean): Promise<SuspensionResult> {
  authorize(can.administer(actor), `Only staff administrators ${suspend ? "suspend" : "lift the suspension of"} works.`);
  const input = parseStaffInput(ZSetWorksSuspensionInput, rawInput);
  const from = suspend ? "ENROLLED" : "SUSPENDED";
  return db.$transaction(async (tx) => {
    const works = await lockWorksForStaff(tx, input.workIds);
    const moving = works.filter((w) => w.status === from);
    const skipped = works
      .filter((w) => w.status !== from)
      .map((w) => ({ id: w.id, why: w.status === "MERGED" ? `merged into #${w.mergedIntoId}` : suspend ? "already suspended" : "not suspended" }));
    if (moving.length === 0) return { changed: [], skipped };
    const ids = moving.map((w) => w.id);
    const reasons = await tx.$queryRaw<{ id: number; before: string | null }[]>`
      UPDATE works w SET status = ${suspend ? "SUSPENDED" : "ENROLLED"}::"WorkStatus", "suspendReason" = ${suspend ? input.reason : null}, "updatedAt" = now()
        FROM (SELECT id, "suspendReason" AS before FROM works WHERE id = ANY(${ids}::int[])) old
       WHERE w.id = old.id AND w.status = ${from}::"WorkStatus"
   RETURNING w.id, old.before`;
    const beforeReason = new Map(reasons.map((r) => [r.id, r.before]));
    const via = input.workIds.length > 1 ? "staff, bulk" : "staff";
    await tx.auditLog.createMany({
      data: moving.map((w): Prisma.AuditLogCreateManyInput => ({
        ...auditActorColumns(actor),
        organizationId: w.rightsholderId,
        action: suspend ? "work.suspended" : "work.unsuspended",
        entityType: "Work",
        entityId: String(w.id),
        before: { status: from, suspendReason: beforeReason.get(w.id) ?? null },
        // A suspension's reason is its suspendReason; lifting one has a reason of its own.
        after: suspend ? { status: "SUSPENDED", suspendReason: input.reason, via } : { status: "ENROLLED", suspendReason: null, reason: input.reason, via },
      })),
    });
    return { changed: ids, skipped };
  });
}

/** Suspends the given enrolled works (1 to 500). */
export async function suspendWorks(actor: Actor | null, rawInput: TSetWorksSuspensionInput): Promise<SuspensionResult> {
  return setSuspension(actor, rawInput, true);
}

/** Lifts the suspension of the given suspended works (1 to 500): they are enrolled again. */
export async function unsuspendWorks(actor: Actor | null, rawInput: TSetWorksSuspensionInput): Promise<SuspensionResult> {
  return setSuspension(actor, rawInput, false);
}
