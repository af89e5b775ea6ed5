import "server-only";
import { daysBetween } from "@/lib/licensing/term";
import { previousQuarter, quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../auth/actor";
import { settingInForce } from "../settings/settings-in-force";
import { ensureRunForQuarter } from "./ensure-run-for-quarter";

/**
 * The daily `distribution.schedule` job: once the configured number of days has passed since a
 * quarter ended (default 15), its run is created and calculated. Run daily rather than on one
 * date, so a day missed while the app was down is made up the next; a run that exists already is
 * left alone (ensureRunForQuarter), so repeating it changes nothing.
 */
export async function runDistributionSchedule(now = new Date()): Promise<{ quarter: string; runId: string; created: boolean } | null> {
  const today = todayUtc(now);
  const quarter = previousQuarter(quarterOf(today));
  const days = Number(await settingInForce("distribution.runDayAfterQuarterEnd", now));
  // The quarter's last day is day 0: with 15, the run for July–September starts on 15 October.
  if (daysBetween(quarter.endsOn, today) + 1 < days) return null;
  const result = await ensureRunForQuarter(quarter, SYSTEM);
  return { quarter: quarter.code, ...result };
}
