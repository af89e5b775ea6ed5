import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { highlightText, type Segment } from "./staff-work-highlight";
import { CANDIDATE_CAP, indexedWords, planStaffSearch, STAFF_PAGE_SIZE, staffWorkBrowseSql, staffWorkSearchSql, type SearchWord } from "./staff-work-search-sql";
import { ZStaffWorkQuery, type StaffWorkQuery, type TStaffWorkQuery } from "./staff-work-search.schema";

// The staff repertoire search over every work of every rightsholder (staff-work-search-sql.ts
// has the SQL and why it is shaped so). This layer only checks who asks, reads the query, runs the
// one statement and highlights the page's rows: it must stay thin (`npm run bench:search`
// holds it to 1.5 × the same SQL run raw).

export type StaffWorkHit = {
  id: number;
  title: string;
  titleSegments: Segment[];
  contributors: Segment[][];
  publisher: Segment[] | null;
  type: string;
  status: "ENROLLED" | "SUSPENDED" | "MERGED";
  purposes: string[];
  publicationYear: number | null;
  mergedIntoId: number | null;
  rightsholder: { id: string; name: string; isSuspended: boolean };
  identifiers: NormalizedIdentifier[];
  /** Why it is on the page: an identifier typed, the exact title, or the words. */
  matchedBy: "identifier" | "title" | "words" | null;
};

export type StaffWorkSearch = {
  query: StaffWorkQuery;
  /** "search": ranked pages of words or identifiers; "browse": the filtered works, newest first. */
  mode: "search" | "browse";
  hits: StaffWorkHit[];
  page: number;
  hasNext: boolean;
  /** Browse mode: the id to continue after. */
  nextAfter: number | null;
  /** Search mode: works ranked (identifier and title hits included); `isCapped` when more matched. */
  matched: number;
  isCapped: boolean;
  /** The words searched for (and highlighted) after leaving out the common ones… */
  words: SearchWord[];
  /** …which are these ("the", "of"): they only weigh in the ranking. */
  ignoredWords: string[];
  identifierProblem: string | null;
};

type Row = {
  id: number;
  title: string;
  contributors: string[];
  publisher: string | null;
  type: string;
  status: StaffWorkHit["status"];
  purposes: string[];
  publicationYear: number | null;
  mergedIntoId: number | null;
  rightsholderId: string;
  rightsholderName: string;
  isRightsholderSuspended: boolean;
  identifiers: NormalizedIdentifier[];
  tier: number;
  matched: number | null;
  textHits: number;
};

const MATCHED_BY = ["identifier", "title", "words"] as const;
/** Pages of search results: the ranked set, plus room for identifier and exact-title hits. */
export const MAX_SEARCH_PAGE = Math.ceil(CANDIDATE_CAP / STAFF_PAGE_SIZE) + 1;

/** Staff (both roles) search every work by words and identifiers, or browse them by filters. */
export async function searchWorksForStaff(actor: Actor | null, rawQuery: TStaffWorkQuery = {}): Promise<StaffWorkSearch> {
  authorize(can.readStaffArea(actor), "Only staff search the whole repertoire.");
  const query = ZStaffWorkQuery.parse(rawQuery);
  const plan = planStaffSearch(query.q);
  const mode = plan.words.length > 0 || plan.identifiers.length > 0 ? "search" : "browse";
  const page = mode === "search" ? Math.min(query.page, MAX_SEARCH_PAGE) : 1;
  const sql = mode === "search"
    ? staffWorkSearchSql(plan, query, (page - 1) * STAFF_PAGE_SIZE)
    : staffWorkBrowseSql(query, query.after ?? null);
  const rows = await db.$queryRawUnsafe<Row[]>(sql.text, ...sql.values);
  const pageRows = rows.slice(0, STAFF_PAGE_SIZE);
  const words = indexedWords(plan.words);
  return {
    query: { ...query, page },
    mode,
    hits: pageRows.map((r) => ({
      id: r.id,
      title: r.title,
      titleSegments: highlightText(r.title, words),
      contributors: r.contributors.map((c) => highlightText(c, words)),
      publisher: r.publisher === null ? null : highlightText(r.publisher, words),
      type: r.type,
      status: r.status,
      purposes: r.purposes,
      publicationYear: r.publicationYear,
      mergedIntoId: r.mergedIntoId,
      rightsholder: { id: r.rightsholderId, name: r.rightsholderName, isSuspended: r.isRightsholderSuspended },
      identifiers: r.identifiers,
      matchedBy: mode === "search" ? (MATCHED_BY[r.tier] ?? null) : null,
    })),
    page,
    hasNext: rows.length > STAFF_PAGE_SIZE && (mode === "browse" || page < MAX_SEARCH_PAGE),
    nextAfter: mode === "browse" && rows.length > STAFF_PAGE_SIZE ? pageRows.at(-1)!.id : null,
    matched: rows[0]?.matched ?? 0,
    isCapped: (rows[0]?.textHits ?? 0) >= CANDIDATE_CAP,
    words,
    ignoredWords: plan.words.filter((w) => !words.includes(w)).map((w) => w.word),
    identifierProblem: plan.identifierProblem,
  };
}
