import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { decideUsageKeys, type UsageDecisionResult } from "./decide-usage-keys";
import { ZRejectUsageLinesInput, type TRejectUsageLinesInput } from "./usage-queue.schema";

/**
 * Staff (ADMIN) decide that the lines under the given keys are no work of the repertoire: they
 * become REJECTED and INELIGIBLE (NOT_MATCHED), the licensee sees why on its report, and the
 * rejection is remembered per key for later reports. The reason goes into each key's audit row.
 */
export async function rejectUsageLines(actor: Actor | null, rawInput: TRejectUsageLinesInput): Promise<UsageDecisionResult> {
  authorize(can.matchUsage(actor), "Only staff administrators reject usage lines.");
  const staff = requireUser(actor);
  const input = ZRejectUsageLinesInput.parse(rawInput);
  return db.$transaction((tx) => decideUsageKeys(tx, staff, input.keys, { kind: "reject", reason: input.reason }));
}
