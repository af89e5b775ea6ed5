// A license term: 12 months from the day payment clears (shared/DOMAIN.md). Dates are calendar
// days in UTC, written YYYY-MM-DD; `endsOn` is exclusive, so the next grant starts on it. A term
// that starts on 29 February ends on 1 March (there is no 29 February a year later).

export type Term = { startsOn: string; endsOn: string; termDays: number };

const DAY_MS = 86_400_000;

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  // The same day of the month, or the day after the month's last when it has no such day.
  const result = d <= lastDay ? new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), d)) : new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), lastDay) + DAY_MS);
  return result.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function termFrom(startsOn: string, months = 12): Term {
  const endsOn = addMonths(startsOn, months);
  return { startsOn, endsOn, termDays: daysBetween(startsOn, endsOn) };
}

/** The last day a term covers (the day before its exclusive end), for people to read. */
export function lastDayOf(term: { endsOn: string }): string {
  return new Date(Date.parse(`${term.endsOn}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** A license can be renewed from this many days before it ends. */
export const RENEWAL_WINDOW_DAYS = 60;

/** The first day a license ending (exclusive) on `endsOn` can be renewed. */
export function renewalOpensOn(endsOn: string): string {
  return new Date(Date.parse(`${endsOn}T00:00:00Z`) - RENEWAL_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
}
