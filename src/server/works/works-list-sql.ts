import "server-only";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import type { WorksCursor, WorksFilters } from "./works.schema";

// The SQL behind the works list and its CSV export. Pages are KEYSET pages: each page continues
// from the last row's sort key and id, so page 1,000 costs what page 1 costs. Every sort has an
// index that starts with the rightsholder and ends with the id:
//   newest → (rightsholderId, id)   title → (rightsholderId, normalizedTitle, id)
//   year   → (rightsholderId, publicationYear, id), walked as two ranges: years, then works without one.
// The rightsholder is matched as `= ANY(ARRAY[id])`, not `= id`, and named first in ORDER BY: with
// a plain equality the planner drops it from the ORDER BY as a constant and may walk the primary
// key instead, skipping every newer work of other rightsholders (it did, 200,000 rows at 1M works).
// This way only the composite indexes give the order, and they are always the ones used.
// Title search uses the GIN index on to_tsvector('simple', normalizedTitle); an identifier goes
// straight to the unique (type, value) index of work_identifiers.

export type WorkRow = {
  id: number;
  title: string;
  normalizedTitle: string;
  contributors: string[];
  type: string;
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  purposes: string[];
  excludedFrom: string | null;
  status: "ENROLLED" | "SUSPENDED" | "MERGED";
};

export type WorksSearch =
  | { kind: "identifier"; identifier: NormalizedIdentifier }
  /** `identifierProblem`: the text looked like an identifier but is not a valid one (a typo, say). */
  | { kind: "title"; words: string[]; identifierProblem?: string }
  | null;

const MAX_SEARCH_WORDS = 8;

/** Typed as an identifier: an ISBN/ISSN label, a DOI, a URL, or 8, 10 or 13 digits with hyphens. */
function looksLikeIdentifier(q: string): boolean {
  if (/^(isbn|e-?issn|p-?issn|issn|doi:|https?:\/\/)/i.test(q) || /^10\.\d{4,9}\//.test(q)) return true;
  const digits = q.replace(/[\s-]/g, "");
  return /^[\d-\s]+[xX]?$/.test(q) && [8, 10, 13].includes(digits.length);
}

/** How the search box is read: an identifier → exact lookup; otherwise words of the title. */
export function interpretSearch(q: string | undefined): WorksSearch {
  if (!q) return null;
  const identifier = detectIdentifier(q);
  if (identifier.ok) return { kind: "identifier", identifier: { type: identifier.type, value: identifier.value } };
  const words = normalizeTitle(q).split(" ").filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  const identifierProblem = looksLikeIdentifier(q) ? identifier.error : undefined;
  if (words.length === 0) return identifierProblem ? { kind: "title", words: [], identifierProblem } : null;
  return { kind: "title", words, ...(identifierProblem ? { identifierProblem } : {}) };
}

/**
 * Every word must start a word of the title: 'word':* joined by &. Words come from
 * normalizeTitle (letters and digits only) and are quoted besides, so no operator gets through.
 */
export function titlePrefixQuery(words: string[]): string {
  return words.map((w) => `'${w.replace(/['\\]/g, "")}':*`).join(" & ");
}

function filterConditions(organizationId: string, filters: WorksFilters, search: WorksSearch, today: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`w."rightsholderId" = ANY(ARRAY[${organizationId}::uuid])`];
  if (filters.status) where.push(Prisma.sql`w.status = ${filters.status}::"WorkStatus"`);
  if (filters.type) where.push(Prisma.sql`w.type = ${filters.type}::"WorkType"`);
  if (filters.purpose) where.push(Prisma.sql`w.purposes @> ARRAY[${filters.purpose}::"Purpose"]`);
  if (filters.excluded === "yes") where.push(Prisma.sql`w."excludedFrom" <= ${today}::date`);
  if (filters.excluded === "scheduled") where.push(Prisma.sql`w."excludedFrom" > ${today}::date`);
  if (filters.excluded === "no") where.push(Prisma.sql`w."excludedFrom" IS NULL`);
  if (search?.kind === "identifier") {
    where.push(Prisma.sql`w.id IN (SELECT wi."workId" FROM work_identifiers wi
                                    WHERE wi.type = ${search.identifier.type}::"IdentifierType" AND wi.value = ${search.identifier.value})`);
  } else if (search?.kind === "title") {
    where.push(search.words.length === 0 ? Prisma.sql`false`
      : Prisma.sql`to_tsvector('simple', w."normalizedTitle") @@ to_tsquery('simple', ${titlePrefixQuery(search.words)})`);
  }
  return where;
}

const COLUMNS = Prisma.sql`w.id, w.title, w."normalizedTitle", w.contributors, w.type::text AS type, w.language,
  w."publicationYear", w.publisher, w.purposes::text[] AS purposes, w."excludedFrom"::text AS "excludedFrom", w.status::text AS status`;

async function selectRows(where: Prisma.Sql[], order: Prisma.Sql, limit: number): Promise<WorkRow[]> {
  return db.$queryRaw<WorkRow[]>`SELECT ${COLUMNS} FROM works w WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${limit}`;
}

/**
 * One page in sort order: `limit` rows after (or before) the cursor, plus whether more rows lie
 * beyond them in that direction. Rows always come back in display order.
 */
export async function selectWorksPage(
  organizationId: string,
  filters: WorksFilters,
  search: WorksSearch,
  today: string,
  cursor: WorksCursor | null,
  limit: number,
): Promise<{ rows: WorkRow[]; hasMore: boolean }> {
  const base = filterConditions(organizationId, filters, search, today);
  const backward = cursor?.direction === "before";
  const take = limit + 1;
  let rows: WorkRow[];
  if (filters.sort === "newest") {
    const where = cursor ? [...base, backward ? Prisma.sql`w.id > ${cursor.id}` : Prisma.sql`w.id < ${cursor.id}`] : base;
    rows = await selectRows(where, backward ? Prisma.sql`w."rightsholderId" ASC, w.id ASC` : Prisma.sql`w."rightsholderId" DESC, w.id DESC`, take);
  } else if (filters.sort === "title") {
    const key = cursor ? Prisma.sql`(w."normalizedTitle", w.id) ${Prisma.raw(backward ? "<" : ">")} (${cursor.title ?? ""}, ${cursor.id})` : null;
    rows = await selectRows(key ? [...base, key] : base, backward ? Prisma.sql`w."rightsholderId" DESC, w."normalizedTitle" DESC, w.id DESC` : Prisma.sql`w."rightsholderId" ASC, w."normalizedTitle" ASC, w.id ASC`, take);
  } else {
    rows = await selectByYear(base, cursor, take);
  }
  const hasMore = rows.length > limit;
  rows = rows.slice(0, limit);
  return { rows: backward ? rows.reverse() : rows, hasMore };
}

// Latest year first, ties newest first, works without a year last. NULLs sit apart in the index,
// so the order is walked as two index ranges rather than one OR that no index can serve; both
// ranges order by the whole index key (a NULL year is constant within its range).
async function selectByYear(base: Prisma.Sql[], cursor: WorksCursor | null, take: number): Promise<WorkRow[]> {
  const withYear = Prisma.sql`w."publicationYear" IS NOT NULL`;
  const withoutYear = Prisma.sql`w."publicationYear" IS NULL`;
  const yearDesc = Prisma.sql`w."rightsholderId" DESC, w."publicationYear" DESC, w.id DESC`;
  const yearAsc = Prisma.sql`w."rightsholderId" ASC, w."publicationYear" ASC, w.id ASC`;
  const cursorInYears = cursor !== null && cursor.year !== null && cursor.year !== undefined;
  if (cursor?.direction !== "before") {
    const rows: WorkRow[] = [];
    if (!cursor || cursorInYears) {
      const key = cursorInYears ? [Prisma.sql`(w."publicationYear", w.id) < (${cursor.year}::int, ${cursor.id}::int)`] : [];
      rows.push(...(await selectRows([...base, withYear, ...key], yearDesc, take)));
    }
    if (rows.length < take) {
      const key = cursor && !cursorInYears ? [Prisma.sql`w.id < ${cursor.id}`] : [];
      rows.push(...(await selectRows([...base, withoutYear, ...key], yearDesc, take - rows.length)));
    }
    return rows;
  }
  const rows: WorkRow[] = [];
  if (!cursorInYears) {
    rows.push(...(await selectRows([...base, withoutYear, Prisma.sql`w.id > ${cursor.id}`], yearAsc, take)));
  }
  if (rows.length < take) {
    const key = cursorInYears ? [Prisma.sql`(w."publicationYear", w.id) > (${cursor.year}::int, ${cursor.id}::int)`] : [];
    rows.push(...(await selectRows([...base, withYear, ...key], yearAsc, take - rows.length)));
  }
  return rows;
}

/** How many works match, counted up to `cap` (then the page says "10,000+"). */
export async function countWorks(organizationId: string, filters: WorksFilters, search: WorksSearch, today: string, cap: number): Promise<number> {
  const where = filterConditions(organizationId, filters, search, today);
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM works w WHERE ${Prisma.join(where, " AND ")} LIMIT ${cap + 1}) AS capped`;
  return row?.n ?? 0;
}

export async function identifiersOfWorks(workIds: number[]): Promise<Map<number, NormalizedIdentifier[]>> {
  const result = new Map<number, NormalizedIdentifier[]>(workIds.map((id) => [id, []]));
  if (workIds.length === 0) return result;
  const rows = await db.$queryRaw<{ workId: number; type: NormalizedIdentifier["type"]; value: string }[]>`
    SELECT "workId", type::text AS type, value FROM work_identifiers WHERE "workId" = ANY(${workIds}::int[]) ORDER BY "workId", id`;
  for (const row of rows) result.get(row.workId)?.push({ type: row.type, value: row.value });
  return result;
}

