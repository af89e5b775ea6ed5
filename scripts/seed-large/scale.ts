// How big the large dataset is, and the dates it is built around. SEED_SCALE=0.1 gives a tenth of
// everything (quicker while developing); 1 is the figure: 1M works, 10k rightsholders,
// 1k licensees, 1M usage lines over four quarters.
import { previousQuarter, quarterOf, type Quarter } from "../../src/lib/usage/quarters";

export type LargeScale = {
  scale: number;
  works: number;
  rightsholders: number;
  licensees: number;
  usageLines: number;
};

export function scaleFrom(raw: string | undefined): LargeScale {
  const scale = raw === undefined || raw === "" ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale < 0.001 || scale > 4) throw new Error(`SEED_SCALE must be a number from 0.001 to 4 (got ${raw}).`);
  return {
    scale,
    works: Math.max(2_000, Math.round(1_000_000 * scale)),
    rightsholders: Math.max(40, Math.round(10_000 * scale)),
    licensees: Math.max(20, Math.round(1_000 * scale)),
    usageLines: Math.max(2_000, Math.round(1_000_000 * scale)),
  };
}

export type SeedCalendar = {
  /** The day the seed runs (UTC), YYYY-MM-DD: every date of the dataset is relative to it. */
  today: string;
  /** The four closed quarters with usage, oldest first. The last waits for approval; the rest are approved. */
  usageQuarters: Quarter[];
};

export function calendarFor(today: string): SeedCalendar {
  const last = previousQuarter(quarterOf(today));
  const quarters = [last];
  while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]!));
  return { today, usageQuarters: quarters };
}

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

