import "server-only";
import { exclusionChangeProblem, isValidDate, todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { validation } from "../errors";
import { lockManagedWork } from "./work-scope";
import { ZSetWorkExclusionInput, type TSetWorkExclusionInput } from "./works.schema";

/**
 * Excludes a work from a date on (today at the earliest), moves a scheduled exclusion, or cancels
 * one that has not started. An exclusion in effect stays: lifting it would re-open past periods.
 */
export async function setWorkExclusion(actor: Actor | null, rawInput: TSetWorkExclusionInput): Promise<{ workId: number; changed: boolean; excludedFrom: string | null }> {
  const input = ZSetWorkExclusionInput.parse(rawInput);
  const next = input.excludedFrom?.trim() ? input.excludedFrom.trim() : null;
  return db.$transaction(async (tx) => {
    const work = await lockManagedWork(tx, actor, input.workId);
    if (next !== null && !isValidDate(next)) throw validation("Use a date as YYYY-MM-DD.", { excludedFrom: ["Use a date as YYYY-MM-DD."] });
    const problem = exclusionChangeProblem(work.excludedFrom, next, todayUtc());
    if (problem) throw validation(problem, { excludedFrom: [problem] });
    if (work.excludedFrom === next) return { workId: work.id, changed: false, excludedFrom: next };
    await tx.work.update({ where: { id: work.id }, data: { excludedFrom: next ? new Date(`${next}T00:00:00Z`) : null } });
    await writeAudit(tx, actor, {
      action: next === null ? "work.exclusion.cancelled" : "work.exclusion.set",
      entityType: "Work",
      entityId: String(work.id),
      organizationId: work.rightsholderId,
      before: { excludedFrom: work.excludedFrom },
      after: { excludedFrom: next, via: "form" },
    });
    return { workId: work.id, changed: true, excludedFrom: next };
  });
}
