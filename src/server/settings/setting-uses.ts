import "server-only";
import { formatDay } from "@/lib/dates";
import { isFinancialYearEnd } from "@/lib/money/payouts";
import { describeQuarter, parseQuarter, previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import type { RunStatus } from "@/generated/prisma/enums";
import { DEFAULT_SETTINGS, type SettingKey } from "./defaults";
import { formatSettingValue } from "./settings.schema";

// How each setting reaches the distribution runs, in sentences for the settings page. The rules
// are those of run-settings.ts and run-distribution-schedule.ts: a run uses the values in force on
// its quarter's last day, and an approved run keeps its snapshot; the run day is read each day.

/** Every row of every key, newest effectiveFrom first. */
export type SettingTimeline = Partial<Record<SettingKey, { effectiveFrom: Date; value: unknown }[]>>;
export type RunFacts = { status: RunStatus; settingsSnapshot: unknown };

const DAY_MS = 86_400_000;
const SETTLED: RunStatus[] = ["APPROVED", "PAYING", "PAID"];
/** Where a run's snapshot keeps each setting (settingsSnapshotJson). */
const SNAPSHOT_FIELD: Partial<Record<SettingKey, string>> = {
  "distribution.adminFeeBps": "adminFeeBps",
  "distribution.minimumPayoutCents": "thresholdCents",
  "distribution.yearEndMinimumPayoutCents": "yearEndThresholdCents",
  "tax.domesticWithholdingBps": "domesticWithholdingBps",
  "tax.foreignWithholdingBps": "foreignWithholdingBps",
};

/** The value in force at `at`: the latest row effective by then, else the default (settingInForce). */
export function valueInTimeline(timeline: SettingTimeline, key: SettingKey, at: Date): unknown {
  return (timeline[key] ?? []).find((row) => row.effectiveFrom <= at)?.value ?? DEFAULT_SETTINGS[key];
}

export function nextQuarterOf(quarter: Quarter): Quarter {
  return parseQuarter(quarter.q === 4 ? `${quarter.year + 1}Q1` : `${quarter.year}Q${quarter.q + 1}`)!;
}

/** The moment a quarter's run reads its settings at: the last millisecond of its last day. */
export function quarterSettingsMoment(quarter: Quarter): Date {
  return new Date(Date.parse(`${quarter.endsOn}T00:00:00Z`) - 1);
}

const lastDayOf = (quarter: Quarter) => new Date(Date.parse(`${quarter.endsOn}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const yearEndMonth = (value: unknown) => Number(String(value).slice(0, 2));

function isYearEndQuarter(timeline: SettingTimeline, quarter: Quarter): boolean {
  return isFinancialYearEnd(quarter, yearEndMonth(valueInTimeline(timeline, "distribution.financialYearEnd", quarterSettingsMoment(quarter))));
}

/** The first quarter from `from` on whose run is not settled yet and that closes the financial year. */
function nextYearEndQuarter(timeline: SettingTimeline, from: Quarter, runs: Map<string, RunFacts>): Quarter {
  let quarter = from;
  for (let i = 0; i < 8; i++, quarter = nextQuarterOf(quarter)) {
    const run = runs.get(quarter.code);
    if (isYearEndQuarter(timeline, quarter) && !(run && SETTLED.includes(run.status))) return quarter;
  }
  return quarter;
}

function runDayUses(timeline: SettingTimeline, today: string, previous: Quarter, current: Quarter, runs: Map<string, RunFacts>): string[] {
  const key = "distribution.runDayAfterQuarterEnd";
  const lines: string[] = [];
  const run = runs.get(previous.code);
  const days = Number(valueInTimeline(timeline, key, new Date(`${today}T00:00:00Z`)));
  const due = addDays(previous.endsOn, days - 1);
  if (run) lines.push(`The run for ${previous.code} exists (${run.status.toLowerCase()}).`);
  else if (due <= today) lines.push(`The run for ${previous.code} is due: the daily schedule creates it at its next pass.`);
  else lines.push(`The run for ${previous.code} will be created on ${formatDay(due)}, ${days} days after the quarter ended.`);
  const nextDays = Number(valueInTimeline(timeline, key, new Date(`${current.endsOn}T00:00:00Z`)));
  lines.push(`The run for ${current.code} will be created on ${formatDay(addDays(current.endsOn, nextDays - 1))}.`);
  return lines;
}

/**
 * What the setting does to the runs of the quarter just ended and the current one: the value a
 * settled run keeps in its snapshot, or the value a run not yet approved will be calculated with.
 */
export function describeSettingUses(key: SettingKey, timeline: SettingTimeline, today: string, runs: Map<string, RunFacts>): string[] {
  const current = quarterOf(today);
  const previous = previousQuarter(current);
  if (key === "distribution.runDayAfterQuarterEnd") return runDayUses(timeline, today, previous, current, runs);
  if (key === "distribution.financialYearEnd" || key === "distribution.yearEndMinimumPayoutCents") {
    const quarter = nextYearEndQuarter(timeline, previous, runs);
    const at = quarterSettingsMoment(quarter);
    const yearEnd = valueInTimeline(timeline, "distribution.financialYearEnd", at);
    const minimum = valueInTimeline(timeline, "distribution.yearEndMinimumPayoutCents", at);
    const yearEndDay = formatSettingValue("distribution.financialYearEnd", yearEnd);
    const minimumText = formatSettingValue("distribution.yearEndMinimumPayoutCents", minimum);
    return key === "distribution.financialYearEnd"
      ? [`With the year ending on ${yearEndDay}, the financial year's last quarter is Q${quarter.q}: the next run to apply the year-end minimum (${minimumText}) is the run for ${quarter.code}.`]
      : [`Applied only in the financial year's last quarter (the year ends on ${yearEndDay}): next by the run for ${quarter.code}, ${describeQuarter(quarter)}, with ${minimumText}.`];
  }
  const field = SNAPSHOT_FIELD[key]!;
  return [previous, current].map((quarter) => {
    const run = runs.get(quarter.code);
    const snapshot = (run?.settingsSnapshot ?? null) as Record<string, unknown> | null;
    if (run && SETTLED.includes(run.status) && snapshot?.[field] !== undefined) {
      return `The run for ${quarter.code} is ${run.status.toLowerCase()}: it keeps the ${formatSettingValue(key, snapshot[field])} it was calculated with.`;
    }
    const value = formatSettingValue(key, valueInTimeline(timeline, key, quarterSettingsMoment(quarter)));
    const state = run ? ` (${run.status.toLowerCase()})` : "";
    const yearEndNote = key === "distribution.minimumPayoutCents" && isYearEndQuarter(timeline, quarter) ? " It is the financial year's last quarter, so the year-end minimum applies instead." : "";
    const closed = quarter === previous ? " The quarter has ended, so no change made from today on reaches it." : "";
    return `The run for ${quarter.code}${state} will use ${value}, the value in force on ${formatDay(lastDayOf(quarter))}.${closed}${yearEndNote}`;
  });
}

/** For a value scheduled from `day`: the first run it reaches, or the value that replaces it first. */
export function firstRunFor(key: SettingKey, timeline: SettingTimeline, day: string): string {
  if (key === "distribution.runDayAfterQuarterEnd") return `Decides the day of the runs created from ${formatDay(day)} on.`;
  const quarter = quarterOf(day);
  const rows = timeline[key] ?? [];
  const start = new Date(`${day}T00:00:00Z`);
  // Rows are newest first: the last in the window is the first to replace this one.
  const replacedBy = rows.filter((r) => r.effectiveFrom > start && r.effectiveFrom <= quarterSettingsMoment(quarter)).at(-1);
  if (replacedBy) return `Replaced on ${formatDay(replacedBy.effectiveFrom.toISOString().slice(0, 10))}, before any run uses it.`;
  if (key === "distribution.financialYearEnd") return `First decides the year-end quarter for the run for ${quarter.code}.`;
  return `First used by the run for ${quarter.code}, ${describeQuarter(quarter)}.`;
}
