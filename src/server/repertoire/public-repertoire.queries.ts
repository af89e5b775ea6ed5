import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { todayUtc } from "@/lib/works/work-input";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { interpretSearch, titlePrefixQuery } from "../works/works-list-sql";

// The public repertoire search (titles and identifiers only): what anyone may know about what the
// license covers, without the rightsholders' private details. Only works in the repertoire today
// are shown: enrolled, not excluded, of an approved rightsholder. No dispute or co-owner shows.

export const PUBLIC_PAGE_SIZE = 25;

export type PublicWork = { id: number; title: string; type: string; publicationYear: number | null; identifiers: NormalizedIdentifier[] };

export type PublicSearch = {
  works: PublicWork[];
  /** The text looked like an identifier but isn't a valid one. */
  identifierProblem: string | null;
  /** Keyset: the id to continue after, when there are more. */
  nextAfter: number | null;
  isIdentifierSearch: boolean;
};

/** Public: a page of works matching title words (every word starts a title word) or an identifier. */
export async function searchPublicRepertoire(q: string, after: number | null = null): Promise<PublicSearch | null> {
  const search = interpretSearch(q.trim().slice(0, 200));
  if (!search) return null;
  if (search.kind === "title" && search.words.length === 0) {
    return { works: [], identifierProblem: search.identifierProblem ?? null, nextAfter: null, isIdentifierSearch: false };
  }
  const today = todayUtc();
  const where: Prisma.Sql[] = [
    Prisma.sql`w.status = 'ENROLLED'`,
    Prisma.sql`(w."excludedFrom" IS NULL OR w."excludedFrom" > ${today}::date)`,
    Prisma.sql`EXISTS (SELECT 1 FROM rightsholder_profiles p WHERE p."organizationId" = w."rightsholderId" AND p.status = 'APPROVED')`,
  ];
  if (search.kind === "identifier") {
    where.push(Prisma.sql`w.id IN (SELECT wi."workId" FROM work_identifiers wi WHERE wi.type = ${search.identifier.type}::"IdentifierType" AND wi.value = ${search.identifier.value})`);
  } else {
    where.push(Prisma.sql`to_tsvector('simple', w."normalizedTitle") @@ to_tsquery('simple', ${titlePrefixQuery(search.words)})`);
  }
  if (after !== null) where.push(Prisma.sql`w.id > ${after}`);
  const rows = await db.$queryRaw<{ id: number; title: string; type: string; publicationYear: number | null }[]>`
    SELECT w.id, w.title, w.type::text AS type, w."publicationYear" FROM works w
     WHERE ${Prisma.join(where, " AND ")} ORDER BY w.id LIMIT ${PUBLIC_PAGE_SIZE + 1}`;
  const page = rows.slice(0, PUBLIC_PAGE_SIZE);
  const identifiers = page.length === 0 ? [] : await db.workIdentifier.findMany({
    where: { workId: { in: page.map((r) => r.id) } },
    select: { workId: true, type: true, value: true },
    orderBy: [{ workId: "asc" }, { type: "asc" }],
  });
  return {
    works: page.map((r) => ({ ...r, identifiers: identifiers.filter((i) => i.workId === r.id).map(({ type, value }) => ({ type, value })) })),
    identifierProblem: search.kind === "title" ? (search.identifierProblem ?? null) : null,
    nextAfter: rows.length > PUBLIC_PAGE_SIZE ? page.at(-1)!.id : null,
    isIdentifierSearch: search.kind === "identifier",
  };
}
