import "server-only";
import { normalizeTitle } from "@/lib/titles";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { interpretSearch, titlePrefixQuery } from "../works/works-list-sql";
import { ZWorkSearchInput } from "./usage-queue.schema";
import { loadWorksForMatch, type WorkForMatch } from "./works-for-match";

// Staff look for the work an unmatched line means, across every rightsholder's enrolled works:
// by identifier (normalised as enrollment does, straight to the unique index) or by title words
// (each word starts a title word; the GIN index on to_tsvector('simple', normalizedTitle)).
// Excluded works are found too: a match to one is recorded and eligibility says why it does not count.

export const WORK_SEARCH_LIMIT = 20;

export type WorkSearchResult = {
  works: WorkForMatch[];
  /** More works match than are shown: type more of the title. */
  hasMore: boolean;
  /** The text looked like an identifier but is not a valid one. */
  identifierProblem: string | null;
  isIdentifierSearch: boolean;
};

export async function searchWorksForMatch(actor: Actor | null, input: { q: string }): Promise<WorkSearchResult> {
  authorize(can.readUsageQueue(actor));
  const { q } = ZWorkSearchInput.parse(input);
  const search = interpretSearch(q);
  const empty = { works: [], hasMore: false, isIdentifierSearch: false };
  if (!search) return { ...empty, identifierProblem: null };
  if (search.kind === "title" && search.words.length === 0) return { ...empty, identifierProblem: search.identifierProblem ?? null };

  const where: Prisma.Sql[] = [Prisma.sql`w.status = 'ENROLLED'`];
  let order: Prisma.Sql;
  if (search.kind === "identifier") {
    where.push(Prisma.sql`w.id IN (SELECT wi."workId" FROM work_identifiers wi WHERE wi.type = ${search.identifier.type}::"IdentifierType" AND wi.value = ${search.identifier.value})`);
    order = Prisma.sql`w.id`;
  } else {
    where.push(Prisma.sql`to_tsvector('simple', w."normalizedTitle") @@ to_tsquery('simple', ${titlePrefixQuery(search.words)})`);
    // The exact title first, then titles that start with what was typed, then the rest by title.
    // normalizeTitle leaves letters, digits and spaces only, so the LIKE pattern has no wildcard of its own.
    const title = normalizeTitle(q);
    order = Prisma.sql`(w."normalizedTitle" = ${title}) DESC, (w."normalizedTitle" LIKE ${`${title}%`}) DESC, w."normalizedTitle", w.id`;
  }
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT w.id FROM works w WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${WORK_SEARCH_LIMIT + 1}`;
  return {
    works: await loadWorksForMatch(rows.slice(0, WORK_SEARCH_LIMIT).map((r) => r.id)),
    hasMore: rows.length > WORK_SEARCH_LIMIT,
    identifierProblem: search.kind === "title" ? (search.identifierProblem ?? null) : null,
    isIdentifierSearch: search.kind === "identifier",
  };
}
