import "server-only";
import { parseWork, todayUtc, type WorkFieldErrors } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { validation, type FieldErrors } from "../errors";
import { withPgTransaction } from "../pg";
import { describeIdentifier, mergeWorks } from "./merge-works";
import { ZCreateWorkInput, type TCreateWorkInput } from "./works.schema";

export type CreatedWork = { workId: number; disputed: string[] };

function fieldErrors(errors: WorkFieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, messages]) => messages && messages.length > 0)) as FieldErrors;
}

/**
 * Enrolls one work typed in the form. Identifiers already on one of the organisation's works are
 * refused (edit that work instead); one held by another rightsholder opens a dispute and the work
 * is enrolled without it.
 */
export async function createWork(actor: Actor | null, rawInput: TCreateWorkInput): Promise<CreatedWork> {
  const input = ZCreateWorkInput.parse(rawInput);
  authorize(can.manageWorks(actor, input.organizationId), "Only members of this rightsholder can enroll its works.");
  const parsed = parseWork(input.work);
  if (!parsed.ok) throw validation("Check the highlighted fields.", fieldErrors(parsed.errors));

  const [result] = await withPgTransaction((client) =>
    mergeWorks(client, {
      organizationId: input.organizationId,
      actor: actor!,
      source: { kind: "form" },
      rows: [{ ref: 1, work: parsed.work }],
      today: todayUtc(),
      mode: "create",
    }),
  );
  if (!result || result.outcome !== "created" || result.workId === null) {
    const reasons = result?.reasons ?? ["The work could not be enrolled."];
    const field = reasons.some((r) => /exclu/i.test(r)) ? "excludedFrom" : "identifiers";
    throw validation(reasons[0]!, { [field]: reasons });
  }
  return { workId: result.workId, disputed: result.disputed.map(describeIdentifier) };
}
