import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { db } from "../db";

// How a work is shown to staff deciding a match: enough to tell two editions apart, and the
// facts that decide eligibility afterwards (purposes, exclusion), with its rightsholder.

export type WorkForMatch = {
  id: number;
  title: string;
  contributors: string[];
  type: string;
  publicationYear: number | null;
  identifiers: NormalizedIdentifier[];
  rightsholderName: string;
  purposes: string[];
  excludedFrom: string | null;
};

/** The works with these ids, in the order given (ids of works that do not exist are skipped). */
export async function loadWorksForMatch(workIds: number[]): Promise<WorkForMatch[]> {
  if (workIds.length === 0) return [];
  const rows = await db.work.findMany({
    where: { id: { in: workIds } },
    select: {
      id: true, title: true, contributors: true, type: true, publicationYear: true, purposes: true, excludedFrom: true,
      rightsholder: { select: { name: true } },
      identifiers: { select: { type: true, value: true }, orderBy: { id: "asc" } },
    },
  });
  const byId = new Map(rows.map((w) => [w.id, w]));
  return workIds.flatMap((id) => {
    const w = byId.get(id);
    if (!w) return [];
    return [{
      id: w.id, title: w.title, contributors: w.contributors, type: w.type, publicationYear: w.publicationYear,
      identifiers: w.identifiers, rightsholderName: w.rightsholder.name, purposes: w.purposes,
      excludedFrom: w.excludedFrom ? w.excludedFrom.toISOString().slice(0, 10) : null,
    }];
  });
}

/**
 * The candidates of an ambiguous line: enrolled works with the same normalised title and year,
 * the match the processing job found more than one of. Keyed by `titleYearKey`.
 */
export async function candidateWorksFor(pairs: { normalizedTitle: string; year: number | null }[]): Promise<Map<string, WorkForMatch[]>> {
  const result = new Map<string, WorkForMatch[]>();
  if (pairs.length === 0) return result;
  const rows = await db.work.findMany({
    where: { status: "ENROLLED", OR: pairs.map((p) => ({ normalizedTitle: p.normalizedTitle, publicationYear: p.year })) },
    select: { id: true, normalizedTitle: true, publicationYear: true },
    orderBy: { id: "asc" },
    take: 20 * pairs.length,
  });
  const works = new Map((await loadWorksForMatch(rows.map((r) => r.id))).map((w) => [w.id, w]));
  for (const row of rows) {
    const key = titleYearKey(row.normalizedTitle, row.publicationYear);
    const list = result.get(key) ?? [];
    const work = works.get(row.id);
    if (work && list.length < 20) result.set(key, [...list, work]);
  }
  return result;
}

export function titleYearKey(normalizedTitle: string, year: number | null): string {
  return `${normalizedTitle}|${year ?? ""}`;
}
