// A five-field cron expression (minute hour day-of-month month day-of-week, UTC) for recurring
// jobs: numbers, "*", lists "1,15", ranges "1-5" and steps "*/15". Enough for "daily at 02:00"
// and "on the 15th"; no names or L/W/# extensions.

type Field = { min: number; max: number };
const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 6 },
];

export type CronSchedule = { sets: Set<number>[]; isDayOfMonthAny: boolean; isDayOfWeekAny: boolean };

/** The expression as quoted in an error: enough to find it, never a page of it. */
const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function parseField(text: string, field: Field, position: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`Cron field ${position + 1} ("${quoted(text)}") is not understood.`);
    const [, start, end, step] = match;
    const from = start === "*" ? field.min : Number(start);
    const to = end !== undefined ? Number(end) : start === "*" || step ? field.max : from;
    const by = step ? Number(step) : 1;
    if (from < field.min || to > field.max || from > to || by < 1) {
      throw new Error(`Cron field ${position + 1} ("${quoted(text)}") is out of range ${field.min}-${field.max}.`);
    }
    for (let v = from; v <= to; v += by) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron expression has 5 fields; "${quoted(expression)}" has ${parts.length}.`);
  return {
    sets: parts.map((p, i) => parseField(p, FIELDS[i]!, i)),
    isDayOfMonthAny: parts[2] === "*",
    isDayOfWeekAny: parts[4] === "*",
  };
}

function matchesDay(s: CronSchedule, date: Date): boolean {
  const dom = s.sets[2]!.has(date.getUTCDate());
  const dow = s.sets[4]!.has(date.getUTCDay());
  // Classic cron: when both day fields are restricted, either may match.
  if (!s.isDayOfMonthAny && !s.isDayOfWeekAny) return dom || dow;
  return dom && dow;
}

/** The first minute strictly after `after` that the schedule matches (UTC). */
export function nextCronTime(expression: string, after: Date): Date {
  const s = parseCron(expression);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Walk day by day, then minute by minute within a matching day; bounded to five years.
  for (let days = 0; days < 366 * 5; days++) {
    if (s.sets[3]!.has(t.getUTCMonth() + 1) && matchesDay(s, t)) {
      for (; ; t.setUTCMinutes(t.getUTCMinutes() + 1)) {
        if (s.sets[1]!.has(t.getUTCHours()) && s.sets[0]!.has(t.getUTCMinutes())) return new Date(t);
        if (t.getUTCHours() === 23 && t.getUTCMinutes() === 59) break;
      }
    }
    t.setUTCDate(t.getUTCDate() + 1);
    t.setUTCHours(0, 0, 0, 0);
  }
  throw new Error(`The cron expression "${quoted(expression)}" never matches.`);
}
