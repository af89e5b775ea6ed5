// Calendar quarters as usage is reported and royalties distributed: "2026Q3" is
// [2026-07-01, 2026-10-01). Dates are YYYY-MM-DD strings, ends exclusive.

export type Quarter = { code: string; year: number; q: 1 | 2 | 3 | 4; startsOn: string; endsOn: string };

const QUARTER = /^(\d{4})Q([1-4])$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026Q3" → the quarter, or null when it is not one (the database CHECK has the same pattern). */
export function parseQuarter(code: string): Quarter | null {
  const m = QUARTER.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]) as 1 | 2 | 3 | 4;
  if (year < 2000 || year > 2100) return null;
  const startMonth = (q - 1) * 3 + 1;
  const endsOn = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  return { code: `${year}Q${q}`, year, q, startsOn: `${year}-${pad(startMonth)}-01`, endsOn };
}

/** The quarter a day falls in. */
export function quarterOf(day: string): Quarter {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return parseQuarter(`${year}Q${Math.floor((month - 1) / 3) + 1}`)!;
}

/** The quarter before this one. */
export function previousQuarter(quarter: Quarter): Quarter {
  return parseQuarter(quarter.q === 1 ? `${quarter.year - 1}Q4` : `${quarter.year}Q${quarter.q - 1}`)!;
}

/** "2026Q3" → "Q3 2026 (July–September)". */
export function describeQuarter(quarter: Quarter): string {
  const months = ["January–March", "April–June", "July–September", "October–December"][quarter.q - 1];
  return `Q${quarter.q} ${quarter.year} (${months})`;
}
