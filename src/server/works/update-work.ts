import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { exclusionChangeProblem, parseWork, todayUtc, workFieldsEqual, type WorkDraft } from "@/lib/works/work-input";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { AppError, validation } from "../errors";
import { describeIdentifier, snapshot } from "./merge-works";
import { lockManagedWork, type LockedWork } from "./work-scope";
import { workFieldErrors } from "./work-field-errors";
import { ZUpdateWorkInput, type TUpdateWorkInput } from "./works.schema";

export type UpdatedWork = {
  workId: number;
  changed: boolean;
  /** Identifiers another rightsholder holds, for which this edit opened a dispute. */
  disputed: string[];
  /** Identifiers typed again while an earlier claim on them is with staff: nothing new opened. */
  alreadyClaimed: string[];
};

const key = (i: NormalizedIdentifier) => `${i.type}:${i.value}`;

// The reason mergeWorks gives a dispute opened from the form, so staff read one wording.
const DISPUTE_REASON_FORM = "Enrolled in the works form while another rightsholder holds it.";

function snapshotWith(work: Omit<WorkDraft, "normalizedTitle" | "identifiers">, identifiers: NormalizedIdentifier[]) {
  return { ...snapshot(work), identifiers: identifiers.map(describeIdentifier) };
}

/**
 * Edits one work: every field and its set of identifiers. The same rules as enrollment hold: an
 * identifier already on another of the organisation's works is refused (it names that work), one
 * held by another rightsholder is not attached and opens a dispute for staff, exclusions are never
 * retroactive. Nothing is written when nothing changed.
 */
export async function updateWork(actor: Actor | null, rawInput: TUpdateWorkInput): Promise<UpdatedWork> {
  const input = ZUpdateWorkInput.parse(rawInput);
  try {
    return await db.$transaction(async (tx) => {
      const current = await lockManagedWork(tx, actor, input.workId);
      if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updatedAt.toISOString()) {
        throw new AppError("CONFLICT", "Someone changed this work after you opened it. Reload the page to see their changes, then edit again.");
      }
      // The exclusion has its own form: an edit that does not mention it leaves it as it is.
      const raw = Object.hasOwn(input.work, "excludedFrom") ? input.work : { ...input.work, excludedFrom: current.excludedFrom };
      const parsed = parseWork(raw);
      if (!parsed.ok) throw validation("Check the highlighted fields.", workFieldErrors(parsed.errors));
      const draft = parsed.work;

      const exclusionProblem = exclusionChangeProblem(current.excludedFrom, draft.excludedFrom, todayUtc());
      if (exclusionProblem) throw validation(exclusionProblem, { excludedFrom: [exclusionProblem] });

      const plan = await planIdentifiers(tx, current, draft.identifiers);
      const fieldsChanged = !workFieldsEqual(current, draft);
      const result: UpdatedWork = {
        workId: current.id,
        changed: false,
        disputed: plan.claims.map((c) => describeIdentifier(c.identifier)),
        alreadyClaimed: plan.alreadyClaimed.map(describeIdentifier),
      };
      if (!fieldsChanged && plan.removed.length === 0 && plan.attach.length === 0 && plan.claims.length === 0) return result;

      // Written even when only identifiers changed, so updatedAt moves and stale forms are caught.
      await tx.work.update({
        where: { id: current.id },
        data: {
          title: draft.title,
          normalizedTitle: draft.normalizedTitle,
          contributors: draft.contributors,
          type: draft.type,
          language: draft.language,
          publicationYear: draft.publicationYear,
          publisher: draft.publisher,
          purposes: draft.purposes,
          excludedFrom: draft.excludedFrom ? new Date(`${draft.excludedFrom}T00:00:00Z`) : null,
        },
      });
      if (plan.removed.length > 0) await tx.workIdentifier.deleteMany({ where: { workId: current.id, id: { in: plan.removed.map((i) => i.id) } } });
      if (plan.attach.length > 0) {
        await tx.workIdentifier.createMany({ data: plan.attach.map((i) => ({ workId: current.id, type: i.type, value: i.value })) });
      }
      for (const claim of plan.claims) {
        const dispute = await tx.dispute.create({
          data: {
            origin: "ENROLLMENT",
            workId: claim.heldBy,
            identifierType: claim.identifier.type,
            identifierValue: claim.identifier.value,
            claimantOrgId: current.rightsholderId,
            claimantWorkId: current.id,
            reason: DISPUTE_REASON_FORM,
          },
          select: { id: true },
        });
        await writeAudit(tx, actor, {
          action: "dispute.opened",
          entityType: "Dispute",
          entityId: dispute.id,
          organizationId: current.rightsholderId,
          after: { workId: claim.heldBy, claimantWorkId: current.id, identifier: describeIdentifier(claim.identifier), via: "form" },
        });
      }
      const kept = current.identifiers.filter((i) => !plan.removed.some((r) => r.id === i.id));
      if (fieldsChanged || plan.removed.length > 0 || plan.attach.length > 0) {
        await writeAudit(tx, actor, {
          action: "work.updated",
          entityType: "Work",
          entityId: String(current.id),
          organizationId: current.rightsholderId,
          before: snapshotWith(current, current.identifiers),
          after: { ...snapshotWith(draft, [...kept, ...plan.attach]), via: "form" },
        });
        result.changed = true;
      }
      if (plan.claims.length > 0) result.changed = true;
      return result;
    });
  } catch (error) {
    // Two people attached the same identifier at the same moment: the unique index decided.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = "One of these identifiers was enrolled elsewhere a moment ago. Save again to see where.";
      throw validation(message, { identifiers: [message] });
    }
    throw error;
  }
}

type IdentifierPlan = {
  removed: LockedWork["identifiers"];
  attach: NormalizedIdentifier[];
  claims: { identifier: NormalizedIdentifier; heldBy: number }[];
  alreadyClaimed: NormalizedIdentifier[];
};

/** Sorts the wanted identifiers into kept, removed, attached and claimed; refuses clashes with the organisation's other works. */
async function planIdentifiers(tx: Tx, current: LockedWork, wanted: NormalizedIdentifier[]): Promise<IdentifierPlan> {
  const wantedKeys = new Set(wanted.map(key));
  const currentKeys = new Set(current.identifiers.map(key));
  const removed = current.identifiers.filter((i) => !wantedKeys.has(key(i)));
  const added = wanted.filter((i) => !currentKeys.has(key(i)));
  const plan: IdentifierPlan = { removed, attach: [], claims: [], alreadyClaimed: [] };
  if (added.length === 0) return plan;

  const match = added.map((i) => ({ type: i.type, value: i.value }));
  const holders = await tx.workIdentifier.findMany({
    where: { OR: match },
    select: { type: true, value: true, work: { select: { id: true, title: true, rightsholderId: true } } },
  });
  // The organisation's earlier claims on these identifiers (any status), as mergeWorks finds them.
  const claims = await tx.dispute.findMany({
    where: { claimantOrgId: current.rightsholderId, claimantWorkId: { not: null }, OR: match.map((m) => ({ identifierType: m.type, identifierValue: m.value })) },
    orderBy: { openedAt: "desc" },
    select: { identifierType: true, identifierValue: true, claimantWorkId: true },
  });
  const errors: string[] = [];
  for (const identifier of added) {
    const holder = holders.find((h) => h.type === identifier.type && h.value === identifier.value);
    if (!holder) {
      plan.attach.push(identifier);
      continue;
    }
    if (holder.work.rightsholderId === current.rightsholderId) {
      errors.push(`${describeIdentifier(identifier)} is already on your work #${holder.work.id} “${holder.work.title}”; remove it there first.`);
      continue;
    }
    const claim = claims.find((c) => c.identifierType === identifier.type && c.identifierValue === identifier.value);
    if (!claim) plan.claims.push({ identifier, heldBy: holder.work.id });
    else if (claim.claimantWorkId === current.id) plan.alreadyClaimed.push(identifier);
    else errors.push(`You already claimed ${describeIdentifier(identifier)} for your work #${claim.claimantWorkId}; that claim is with staff.`);
  }
  if (errors.length > 0) throw validation(errors[0]!, { identifiers: errors });
  return plan;
}
