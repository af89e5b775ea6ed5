import "server-only";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import type { SettingKey } from "./defaults";
import { describeSettingUses, firstRunFor, nextQuarterOf, valueInTimeline, type RunFacts, type SettingTimeline } from "./setting-uses";
import { SETTING_DEFINITIONS, SETTING_KEYS, formatSettingValue, settingInputValue, type SettingDefinition } from "./settings.schema";

// The settings page's read model: per key the value in force now, the values scheduled, every row
// ever added (rows are only ever added, so this is the history), and what the runs make of them.
// A key gains a row or two a year: the rows of all keys are read at once, with a generous cap.

const ROW_CAP = 5_000;

export type SettingRowView = {
  id: string;
  value: unknown;
  display: string;
  effectiveFrom: string;
  reason: string | null;
  createdByName: string | null;
  createdAt: Date;
  status: "past" | "in-force" | "scheduled";
  /** For scheduled rows: the first run it reaches. */
  firstRun: string | null;
};

export type SettingOverview = {
  key: SettingKey;
  definition: SettingDefinition;
  inForce: { display: string; inputValue: string; since: string | null; reason: string | null; createdByName: string | null };
  /** Oldest first. */
  scheduled: SettingRowView[];
  /** Newest effective date first. */
  history: SettingRowView[];
  uses: string[];
};

const day = (at: Date) => at.toISOString().slice(0, 10);

export async function getSettingsOverview(actor: Actor | null, now = new Date()): Promise<{ today: string; settings: SettingOverview[] }> {
  authorize(can.readStaffArea(actor));
  const today = todayUtc(now);
  const rows = await db.setting.findMany({
    where: { key: { in: SETTING_KEYS } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    take: ROW_CAP,
    select: { id: true, key: true, value: true, effectiveFrom: true, reason: true, createdById: true, createdAt: true },
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const creators = creatorIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(creators.map((u) => [u.id, u.name]));

  const timeline: SettingTimeline = {};
  for (const row of rows) (timeline[row.key as SettingKey] ??= []).push({ effectiveFrom: row.effectiveFrom, value: row.value });
  const quarters: Quarter[] = [previousQuarter(quarterOf(today))];
  while (quarters.length < 10) quarters.push(nextQuarterOf(quarters.at(-1)!));
  const runRows = await db.distributionRun.findMany({ where: { quarter: { in: quarters.map((q) => q.code) } }, select: { quarter: true, status: true, settingsSnapshot: true } });
  const runs = new Map<string, RunFacts>(runRows.map((r) => [r.quarter, { status: r.status, settingsSnapshot: r.settingsSnapshot }]));

  const settings = SETTING_DEFINITIONS.map((definition): SettingOverview => {
    const key = definition.key;
    const keyRows = rows.filter((r) => r.key === key);
    const inForceRow = keyRows.find((r) => r.effectiveFrom <= now) ?? null;
    const view = (r: (typeof keyRows)[number]): SettingRowView => {
      const status = r.effectiveFrom > now ? "scheduled" : r.id === inForceRow?.id ? "in-force" : "past";
      return {
        id: r.id,
        value: r.value,
        display: formatSettingValue(key, r.value),
        effectiveFrom: day(r.effectiveFrom),
        reason: r.reason,
        createdByName: r.createdById ? (nameOf.get(r.createdById) ?? "A former staff member") : null,
        createdAt: r.createdAt,
        status,
        firstRun: status === "scheduled" ? firstRunFor(key, timeline, day(r.effectiveFrom)) : null,
      };
    };
    const history = keyRows.map(view);
    const value = valueInTimeline(timeline, key, now);
    return {
      key,
      definition,
      inForce: {
        display: formatSettingValue(key, value),
        inputValue: settingInputValue(key, value),
        since: inForceRow ? day(inForceRow.effectiveFrom) : null,
        reason: inForceRow?.reason ?? null,
        createdByName: inForceRow?.createdById ? (nameOf.get(inForceRow.createdById) ?? "A former staff member") : null,
      },
      scheduled: history.filter((r) => r.status === "scheduled").reverse(),
      history,
      uses: describeSettingUses(key, timeline, today, runs),
    };
  });
  return { today, settings };
}

/** The plans the operator sells, for the settings page (the prices are on /staff/pricing). */
export async function listPlansForSettings(actor: Actor | null) {
  authorize(can.readStaffArea(actor));
  return db.plan.findMany({
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, code: true, name: true, description: true, termMonths: true, isActive: true, _count: { select: { schedules: true, grants: true } } },
  });
}
