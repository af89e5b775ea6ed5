import "server-only";
import { parseQuarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { validation } from "../errors";
import { ensureRunForQuarter } from "./ensure-run-for-quarter";
import { ZRequestRunInput, type TRequestRunInput } from "./runs.schema";

/**
 * Staff (ADMIN) create the run for a closed quarter and have it calculated; an existing run is
 * returned as it is (recalculating one is its own action). A quarter still in progress has no
 * run: its revenue and usage are not complete.
 */
export async function requestDistributionRun(actor: Actor | null, rawInput: TRequestRunInput): Promise<{ runId: string; created: boolean }> {
  authorize(can.manageDistributionRuns(actor));
  const staff = requireUser(actor);
  const parsed = ZRequestRunInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Choose a quarter.", { quarter: parsed.error.issues.map((i) => i.message) });
  const quarter = parseQuarter(parsed.data.quarter)!;
  if (quarter.endsOn > todayUtc()) {
    throw validation("That quarter has not ended yet.", { quarter: [`${quarter.code} ends on ${quarter.endsOn}; a run is calculated for a closed quarter.`] });
  }
  return ensureRunForQuarter(quarter, staff, staff.userId);
}
