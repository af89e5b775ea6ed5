import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import type { WorkDraft } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can, isStaff, membershipsOfKind } from "../auth/policies";
import type { Tx } from "../db";
import { notFound, validation } from "../errors";

// Which works an actor may reach by id. A work is looked up by its id AND the actor's own
// rightsholder organisations, so another organisation's work is "not found", never "forbidden":
// an id tells nobody whether it exists elsewhere.

/** The rightsholder organisations whose works the actor may change. */
export function managedRightsholderIds(actor: Actor | null): string[] {
  return membershipsOfKind(actor, "RIGHTSHOLDER")
    .map((m) => m.organizationId)
    .filter((organizationId) => can.manageWorks(actor, organizationId));
}

/** Staff read every work; members read their own organisations' works; others nothing (null). */
export function readableRightsholderIds(actor: Actor | null): "all" | string[] {
  if (isStaff(actor)) return "all";
  return membershipsOfKind(actor, "RIGHTSHOLDER")
    .map((m) => m.organizationId)
    .filter((organizationId) => can.readWorks(actor, organizationId));
}

export type LockedWork = {
  id: number;
  rightsholderId: string;
  title: string;
  contributors: string[];
  type: WorkDraft["type"];
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  purposes: WorkDraft["purposes"];
  /** YYYY-MM-DD or null. */
  excludedFrom: string | null;
  status: "ENROLLED" | "SUSPENDED" | "MERGED";
  updatedAt: Date;
  identifiers: (NormalizedIdentifier & { id: number })[];
};

export function dateOnly(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/**
 * Locks one of the actor's works for a change (FOR UPDATE: two edits of the same work queue
 * instead of overwriting each other) and refuses works staff have suspended or merged.
 */
export async function lockManagedWork(tx: Tx, actor: Actor | null, workId: number): Promise<LockedWork> {
  const organizationIds = managedRightsholderIds(actor);
  authorize(organizationIds.length > 0, "Only members of the work's rightsholder can change it.");
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM works WHERE id = ${workId} AND "rightsholderId" = ANY(${organizationIds}::uuid[]) FOR UPDATE`;
  if (locked.length === 0) throw notFound("That work");
  const work = await tx.work.findFirstOrThrow({
    where: { id: workId, rightsholderId: { in: organizationIds } },
    select: {
      id: true, rightsholderId: true, title: true, contributors: true, type: true, language: true, publicationYear: true,
      publisher: true, purposes: true, excludedFrom: true, status: true, suspendReason: true, mergedIntoId: true, updatedAt: true,
      identifiers: { select: { id: true, type: true, value: true }, orderBy: { id: "asc" } },
    },
  });
  authorize(can.manageWorks(actor, work.rightsholderId));
  if (work.status === "MERGED") {
    throw validation(`Work #${work.id} was merged into work #${work.mergedIntoId} by staff; make your changes there.`);
  }
  if (work.status === "SUSPENDED") {
    throw validation(`Work #${work.id} is suspended by staff${work.suspendReason ? ` (${work.suspendReason})` : ""}; it can't be changed until staff lift the suspension.`);
  }
  return { ...work, status: work.status, excludedFrom: dateOnly(work.excludedFrom) };
}
