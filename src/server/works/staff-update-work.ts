import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { parseWork, workFieldsEqual } from "@/lib/works/work-input";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, validation } from "../errors";
import { describeIdentifier, snapshot } from "./merge-works";
import { ZStaffUpdateWorkInput, type TStaffUpdateWorkInput } from "./staff-works.schema";
import { lockWorksForStaff, parseStaffInput } from "./staff-work-lock";
import { workFieldErrors } from "./work-field-errors";
import { dateOnly } from "./work-scope";

const key = (i: NormalizedIdentifier) => `${i.type}:${i.value}`;

/**
 * Staff (ADMIN) correct a work of any rightsholder, with a reason, under the rightsholder's own
 * rules (parseWork: fields, identifiers, purposes). The exclusion is left as it is (it is the
 * rightsholder's, and never retroactive). Unlike the rightsholder's edit, an identifier another
 * work holds is refused rather than disputed: staff decide, so they merge the duplicate or
 * correct the other work. A merged work is refused (edit the work it went into); a suspended one
 * may be corrected. Nothing is written when nothing changed.
 */
export async function staffUpdateWork(actor: Actor | null, rawInput: TStaffUpdateWorkInput): Promise<{ workId: number; changed: boolean }> {
  authorize(can.administer(actor), "Only staff administrators edit works.");
  const input = parseStaffInput(ZStaffUpdateWorkInput, rawInput);
  try {
    return await db.$transaction(async (tx) => {
      const [locked] = await lockWorksForStaff(tx, [input.workId]);
      if (input.expectedUpdatedAt && input.expectedUpdatedAt !== locked!.updatedAt.toISOString()) {
        throw new AppError("CONFLICT", "Someone changed this work after you opened it. Reload the page to see their changes, then edit again.");
      }
      if (locked!.status === "MERGED") throw validation(`Work #${locked!.id} was merged into work #${locked!.mergedIntoId}; edit that one.`);
      const current = await tx.work.findUniqueOrThrow({
        where: { id: input.workId },
        select: {
          id: true, rightsholderId: true, title: true, contributors: true, type: true, language: true, publicationYear: true, publisher: true,
          purposes: true, excludedFrom: true, identifiers: { select: { id: true, type: true, value: true }, orderBy: { id: "asc" } },
        },
      });
      const excludedFrom = dateOnly(current.excludedFrom);
      const parsed = parseWork({ ...input.work, excludedFrom });
      if (!parsed.ok) throw validation("Check the highlighted fields.", workFieldErrors(parsed.errors));
      const draft = parsed.work;

      const wanted = new Set(draft.identifiers.map(key));
      const removed = current.identifiers.filter((i) => !wanted.has(key(i)));
      const added = draft.identifiers.filter((i) => !current.identifiers.some((c) => key(c) === key(i)));
      if (added.length > 0) {
        const holders = await tx.workIdentifier.findMany({
          where: { OR: added.map((i) => ({ type: i.type, value: i.value })) },
          select: { type: true, value: true, work: { select: { id: true, title: true, rightsholder: { select: { name: true } } } } },
        });
        const errors = holders.map((h) => `${describeIdentifier(h)} is on work #${h.work.id} “${h.work.title}” (${h.work.rightsholder.name}): merge the duplicate, or remove it there first.`);
        if (errors.length > 0) throw validation(errors[0]!, { identifiers: errors });
      }
      const currentFields = { ...current, excludedFrom, type: current.type, purposes: current.purposes };
      if (workFieldsEqual(currentFields, draft) && removed.length === 0 && added.length === 0) return { workId: current.id, changed: false };

      await tx.work.update({
        where: { id: current.id },
        data: {
          title: draft.title, normalizedTitle: draft.normalizedTitle, contributors: draft.contributors, type: draft.type, language: draft.language,
          publicationYear: draft.publicationYear, publisher: draft.publisher, purposes: draft.purposes,
        },
      });
      if (removed.length > 0) await tx.workIdentifier.deleteMany({ where: { workId: current.id, id: { in: removed.map((i) => i.id) } } });
      if (added.length > 0) await tx.workIdentifier.createMany({ data: added.map((i) => ({ workId: current.id, type: i.type, value: i.value })) });
      await writeAudit(tx, actor, {
        action: "work.staffEdited",
        entityType: "Work",
        entityId: String(current.id),
        organizationId: current.rightsholderId,
        before: { ...snapshot(currentFields), identifiers: current.identifiers.map(describeIdentifier) },
        after: { ...snapshot(draft), identifiers: draft.identifiers.map(describeIdentifier), reason: input.reason, via: "staff" },
      });
      return { workId: current.id, changed: true };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = "One of these identifiers was enrolled elsewhere a moment ago. Save again to see where.";
      throw validation(message, { identifiers: [message] });
    }
    throw error;
  }
}
