import "server-only";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import type { StaffWorkFilters } from "./staff-work-search.schema";

// The SQL of the staff repertoire search, as one statement with positional parameters: the
// portal runs it through Prisma and `npm run bench:search` runs the very same text raw on `pg`.
//
// The document is works_search_vector(...) (migration 20261201150000_staff_work_search): the words
// of the title, contributors and publisher, and facet lexemes for rightsholder, status and type,
// so the filters are terms of the same GIN search. The ranking, best first:
//   tier 0  a work holding an identifier typed in the box (the unique index);
//   tier 1  a work whose whole normalised title is the words typed (the title index);
//   tier 2  every word typed is a word of the title, a contributor or the publisher ("hist*" a
//           word's beginning), scored: the words together and in order in the title, then all of
//           them in the title, the title starting with them, the share of them in the title, and a
//           shorter title before a longer one;
//   then by id. Tier 2 ranks at most CANDIDATE_CAP works: a GIN index gives its matches unordered,
//   so a broad word would otherwise mean scoring tens of thousands. The candidates come from the
//   1-in-32 sample index when it holds that many (the match is broad, and the page says so),
//   else from the 1-in-4 one, else from the whole index, which then has few to give (each level
//   leaves out the works of the one before, and a level is not run once the cap is reached).
// Pages are offsets inside the ranked set: it is at most CANDIDATE_CAP works (plus identifier and
// title hits) and is ranked whole for every page, so page 8 costs what page 1 costs, and a keyset
// on (score, id) would save nothing. The cap on pages is the cap on candidates.

export const STAFF_PAGE_SIZE = 25;
/** Works ranked per search, so at most 8 pages of 25. */
export const CANDIDATE_CAP = 200;
/**
 * The sample indexes' slices, the migration's predicates: runs of 16 consecutive ids, one in 32
 * of all works and one in 4 (runs, not every 32nd id, so a slice's matches share heap pages as
 * the works do), then the whole index.
 */
const SAMPLE_LEVELS = ["w.id % 512 < 16", "w.id % 64 < 16", null];
const MAX_WORDS = 8;

export type SearchWord = { word: string; isPrefix: boolean };

/**
 * Words too common to narrow a search: they are left out of the index query when other words
 * remain (they still count in the score, so "the house" ranks "The House" first), as search
 * engines do. In a repertoire of a million works, "the" alone is in a third of the titles.
 */
const STOPWORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]);

/** The words the index is asked for: all of them when every one is a stopword. */
export function indexedWords(words: SearchWord[]): SearchWord[] {
  const narrowing = words.filter((w) => w.isPrefix || !STOPWORDS.has(w.word));
  return narrowing.length > 0 ? narrowing : words;
}

export type StaffSearchPlan = {
  identifiers: NormalizedIdentifier[];
  /** Normalised (normalizeTitle), in the order typed; "hist*" is a prefix (3 letters at least). */
  words: SearchWord[];
  /** The text looked like an identifier but is not a valid one. */
  identifierProblem: string | null;
};

/**
 * How the box is read: the whole text as an identifier, else each space-separated token that is
 * one (an ISSN beside a word, say) as an identifier and the rest as words.
 */
export function planStaffSearch(q: string): StaffSearchPlan {
  const text = q.trim();
  const whole = detectIdentifier(text);
  if (whole.ok) return { identifiers: [{ type: whole.type, value: whole.value }], words: [], identifierProblem: null };
  const identifiers: NormalizedIdentifier[] = [];
  const words: SearchWord[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const found = /\d|^https?:\/\//i.test(token) ? detectIdentifier(token) : null;
    if (found?.ok) {
      if (!identifiers.some((i) => i.type === found.type && i.value === found.value)) identifiers.push({ type: found.type, value: found.value });
      continue;
    }
    const parts = normalizeTitle(token).split(" ").filter(Boolean);
    const isTruncated = token.endsWith("*");
    parts.forEach((word, index) => words.push({ word, isPrefix: isTruncated && index === parts.length - 1 && word.length >= 3 }));
  }
  const digits = text.replace(/[\s-]/g, "");
  const looksLikeIdentifier = /^(isbn|e-?issn|p-?issn|issn|doi:|https?:\/\/|10\.\d{4,9}\/)/i.test(text) || (/^[\d\s-]+[xX]?$/.test(text) && [8, 10, 13].includes(digits.length));
  return { identifiers, words: dedupe(words).slice(0, MAX_WORDS), identifierProblem: looksLikeIdentifier && identifiers.length === 0 ? whole.error : null };
}

function dedupe(words: SearchWord[]): SearchWord[] {
  return words.filter((w, i) => words.findIndex((o) => o.word === w.word && o.isPrefix === w.isPrefix) === i);
}

/** tsquery input for the words and facets. Lexemes are letters, digits, ":" and "-" only, and quoted besides. */
export function staffTsQuery(words: SearchWord[], filters: StaffWorkFilters): string {
  const terms = indexedWords(words).map((w) => `'${w.word.replace(/['\\]/g, "")}'${w.isPrefix ? ":*" : ""}`);
  if (filters.rightsholderId) terms.push(`'rh:${filters.rightsholderId.toLowerCase()}'`);
  if (filters.status) terms.push(`'status:${filters.status.toLowerCase()}'`);
  if (filters.type) terms.push(`'type:${filters.type.toLowerCase()}'`);
  return terms.join(" & ");
}

type Sql = { text: string; values: unknown[] };

/** The filters as SQL over works `w` (for the rows that do not come from the text search). */
function filterSql(filters: StaffWorkFilters, param: (value: unknown) => string): string {
  const where: string[] = [];
  if (filters.status) where.push(`w.status = ${param(filters.status)}::"WorkStatus"`);
  if (filters.rightsholderId) where.push(`w."rightsholderId" = ${param(filters.rightsholderId)}::uuid`);
  if (filters.type) where.push(`w.type = ${param(filters.type)}::"WorkType"`);
  if (filters.purpose) where.push(`w.purposes @> ARRAY[${param(filters.purpose)}::"Purpose"]`);
  return where.map((c) => ` AND ${c}`).join("");
}

const VECTOR = `works_search_vector(w."normalizedTitle", w.contributors, w.publisher, w."rightsholderId", w.status, w.type)`;

/** The tier-2 score of a hit `h` (see the top of the file); higher is better. */
function scoreSql(words: SearchWord[], param: (value: unknown) => string): string {
  const title = `(' ' || h."normalizedTitle" || ' ')`;
  const inTitle = words.map((w) => `(position(${param(` ${w.word}${w.isPrefix ? "" : " "}`)} IN ${title}) > 0)`);
  const last = words.at(-1)!;
  const phrase = param(` ${words.map((w) => w.word).join(" ")}${last.isPrefix ? "" : " "}`);
  return `(CASE WHEN position(${phrase} IN ${title}) > 0 THEN 8 ELSE 0 END
      + CASE WHEN ${inTitle.join(" AND ")} THEN 4 ELSE 0 END
      + CASE WHEN starts_with(${title}, ${phrase}) THEN 2 ELSE 0 END
      + (${inTitle.map((c) => `${c}::int`).join(" + ")})::real / ${words.length}
      + 1.0 / (1 + length(h."normalizedTitle") / 32.0))::real`;
}

// A hit's columns, read once from the row that matched (no second visit to the work).
const HIT_COLUMNS = `w.id, w."normalizedTitle", w.title, w.contributors, w.publisher, w.type::text AS type, w.status::text AS status,
       w.purposes::text[] AS purposes, w."publicationYear", w."mergedIntoId", w."rightsholderId"`;

// The columns of a result row from a hit `h`; identifiers as JSON, so one statement answers the page.
const ROW_COLUMNS = `h.id, h.title, h.contributors, h.publisher, h.type, h.status, h.purposes, h."publicationYear", h."mergedIntoId",
       h."rightsholderId"::text AS "rightsholderId", o.name AS "rightsholderName", o."suspendedAt" IS NOT NULL AS "isRightsholderSuspended",
       COALESCE((SELECT json_agg(json_build_object('type', wi.type, 'value', wi.value) ORDER BY wi.id)
                   FROM work_identifiers wi WHERE wi."workId" = h.id), '[]'::json) AS identifiers`;

/**
 * The text candidates: the samples first, then the rest of the index, each level without the
 * works of the one before, read in that order until CANDIDATE_CAP (a level not reached is never run).
 */
function textCandidatesSql(query: string, extra: string): string {
  const levels = SAMPLE_LEVELS.map((slice, level) => {
    const previous = SAMPLE_LEVELS[level - 1];
    const where = [slice, previous ? `NOT (${previous})` : null].filter(Boolean).map((c) => ` AND ${c}`).join("");
    return `(SELECT ${HIT_COLUMNS}, 2 AS tier FROM works w WHERE ${VECTOR} @@ ${query}${where}${extra} LIMIT ${CANDIDATE_CAP})`;
  });
  return `SELECT * FROM (${levels.join("\n      UNION ALL ")}) levels LIMIT ${CANDIDATE_CAP}`;
}

/** The ranked search: one page at `offset` (limit + 1 rows, so the caller knows whether more follow). */
export function staffWorkSearchSql(plan: StaffSearchPlan, filters: StaffWorkFilters, offset: number, limit = STAFF_PAGE_SIZE): Sql {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const hits: string[] = [];
  if (plan.identifiers.length > 0) {
    const pairs = plan.identifiers.map((i) => `(${param(i.type)}::"IdentifierType", ${param(i.value)})`).join(", ");
    hits.push(`SELECT ${HIT_COLUMNS}, 0 AS tier FROM work_identifiers wi JOIN works w ON w.id = wi."workId" WHERE (wi.type, wi.value) IN (${pairs})${filterSql(filters, param)}`);
  }
  let score = "0::real";
  if (plan.words.length > 0) {
    if (!plan.words.some((w) => w.isPrefix)) {
      hits.push(`SELECT ${HIT_COLUMNS}, 1 AS tier FROM works w WHERE w."normalizedTitle" = ${param(plan.words.map((w) => w.word).join(" "))}${filterSql(filters, param)}`);
    }
    // The facets are in the query; only the purpose is checked on the row.
    const purpose = filters.purpose ? ` AND w.purposes @> ARRAY[${param(filters.purpose)}::"Purpose"]` : "";
    hits.push(textCandidatesSql(`${param(staffTsQuery(plan.words, filters))}::tsquery`, purpose));
    score = scoreSql(plan.words, param);
  }
  const text = `
WITH hits AS (${hits.map((h) => `(${h})`).join("\n  UNION ALL ")}),
ranked AS (
  SELECT h.*, ${score} AS score, count(*) OVER () AS matched
    FROM (SELECT DISTINCT ON (id) * FROM hits ORDER BY id, tier) h
   ORDER BY h.tier, score DESC, h.id
   LIMIT ${param(limit + 1)} OFFSET ${param(offset)}
)
SELECT ${ROW_COLUMNS}, h.tier, h.score, h.matched::int AS matched, (SELECT count(*)::int FROM hits WHERE tier = 2) AS "textHits"
  FROM ranked h JOIN organizations o ON o.id = h."rightsholderId"
 ORDER BY h.tier, h.score DESC, h.id`;
  return { text, values };
}

/** No words and no identifier: the filtered works, newest first, in keyset pages after an id. */
export function staffWorkBrowseSql(filters: StaffWorkFilters, afterId: number | null, limit = STAFF_PAGE_SIZE): Sql {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const after = afterId === null ? "" : ` AND w.id < ${param(afterId)}`;
  const text = `
SELECT ${ROW_COLUMNS}, 0 AS tier, 0::real AS score, NULL::int AS matched, 0 AS "textHits"
  FROM (SELECT ${HIT_COLUMNS} FROM works w WHERE true${filterSql(filters, param)}${after} ORDER BY w.id DESC LIMIT ${param(limit + 1)}) h
  JOIN organizations o ON o.id = h."rightsholderId"
 ORDER BY h.id DESC`;
  return { text, values };
}
