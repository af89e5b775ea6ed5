import "server-only";
import { isFinancialYearEnd, type PayoutSettings } from "@/lib/money/payouts";
import type { Quarter } from "@/lib/usage/quarters";
import { settingInForce } from "../settings/settings-in-force";

/** The settings a run is calculated with, kept on the run (settingsSnapshot) as they were. */
export type RunSettings = PayoutSettings & {
  adminFeeBps: number;
  isYearEnd: boolean;
  /** The threshold this quarter applies: the lower one in the financial year's last quarter. */
  thresholdAppliedCents: bigint;
};

/**
 * The operator's settings in force on the quarter's last day: the fee, thresholds and rates that
 * governed that quarter, even when the run is calculated after staff changed them for later ones.
 */
export async function runSettingsFor(quarter: Quarter): Promise<RunSettings> {
  const at = new Date(Date.parse(`${quarter.endsOn}T00:00:00Z`) - 1);
  const [adminFeeBps, threshold, yearEndThreshold, yearEnd, domestic, foreign] = await Promise.all([
    settingInForce("distribution.adminFeeBps", at),
    settingInForce("distribution.minimumPayoutCents", at),
    settingInForce("distribution.yearEndMinimumPayoutCents", at),
    settingInForce("distribution.financialYearEnd", at),
    settingInForce("tax.domesticWithholdingBps", at),
    settingInForce("tax.foreignWithholdingBps", at),
  ]);
  const financialYearEndMonth = Number(String(yearEnd).slice(0, 2));
  const isYearEnd = isFinancialYearEnd(quarter, financialYearEndMonth);
  const thresholdCents = BigInt(threshold);
  const yearEndThresholdCents = BigInt(yearEndThreshold);
  return {
    adminFeeBps: Number(adminFeeBps),
    thresholdCents,
    yearEndThresholdCents,
    financialYearEndMonth,
    domesticWithholdingBps: Number(domestic),
    foreignWithholdingBps: Number(foreign),
    isYearEnd,
    thresholdAppliedCents: isYearEnd ? yearEndThresholdCents : thresholdCents,
  };
}

/** The snapshot as JSON (BigInt as strings). */
export function settingsSnapshotJson(settings: RunSettings) {
  return {
    adminFeeBps: settings.adminFeeBps,
    thresholdCents: settings.thresholdCents.toString(),
    yearEndThresholdCents: settings.yearEndThresholdCents.toString(),
    financialYearEndMonth: settings.financialYearEndMonth,
    domesticWithholdingBps: settings.domesticWithholdingBps,
    foreignWithholdingBps: settings.foreignWithholdingBps,
    isYearEnd: settings.isYearEnd,
    thresholdAppliedCents: settings.thresholdAppliedCents.toString(),
  };
}
