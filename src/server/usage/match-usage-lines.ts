import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { decideUsageKeys, type UsageDecisionResult } from "./decide-usage-keys";
import { ZMatchUsageLinesInput, type TMatchUsageLinesInput } from "./usage-queue.schema";

/**
 * Staff (ADMIN) match every open line under the given keys to one enrolled work, in one
 * transaction: the lines become MATCHED (method STAFF), their eligibility is decided again, and
 * the decision is remembered per key, so later reports with the same identifier or title and year
 * are matched by the processing job (method REMEMBERED).
 */
export async function matchUsageLines(actor: Actor | null, rawInput: TMatchUsageLinesInput): Promise<UsageDecisionResult> {
  authorize(can.matchUsage(actor), "Only staff administrators match usage lines.");
  const staff = requireUser(actor);
  const input = ZMatchUsageLinesInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    // Share-locked, so the work cannot be suspended or merged between this check and the
    // eligibility computed from it.
    const [work] = await tx.$queryRaw<{ id: number; title: string; status: string; mergedIntoId: number | null }[]>`
      SELECT id, title, status::text AS status, "mergedIntoId" FROM works WHERE id = ${input.workId} FOR SHARE`;
    if (!work) throw validation("That work does not exist.", { workId: ["That work does not exist; search again."] });
    if (work.status !== "ENROLLED") {
      const why = work.status === "MERGED" ? `it was merged into work ${work.mergedIntoId}; match to that one` : "it is suspended";
      throw validation(`"${work.title}" cannot be matched: ${why}.`, { workId: [`Not enrolled: ${why}.`] });
    }
    return decideUsageKeys(tx, staff, input.keys, { kind: "match", work: { id: work.id, title: work.title } });
  });
}
