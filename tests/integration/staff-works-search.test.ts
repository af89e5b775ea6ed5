import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Purpose, WorkStatus, WorkType } from "@/generated/prisma/enums";
import { normalizeTitle } from "@/lib/titles";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { exportWorksForStaffCsv } from "@/server/repertoire/staff-work-export";
import { searchWorksForStaff } from "@/server/repertoire/staff-work-search";
import { CANDIDATE_CAP, STAFF_PAGE_SIZE } from "@/server/repertoire/staff-work-search-sql";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";
import { uniqueDoi, uniqueIsbn, uniqueIssn } from "../factories/works";

// The test database is shared: every search here includes a word made up for this run, so it
// only ever finds this file's works.
const token = () => `zq${Array.from({ length: 7 }, () => String.fromCharCode(97 + randomInt(0, 26))).join("")}`;

type Seed = { title: string; contributors?: string[]; publisher?: string | null; type?: WorkType; status?: WorkStatus; purposes?: Purpose[]; identifiers?: { type: "ISBN13" | "ISSN" | "DOI"; value: string }[] };

async function seedWork(rightsholderId: string, seed: Seed) {
  return db.work.create({
    data: {
      rightsholderId, title: seed.title, normalizedTitle: normalizeTitle(seed.title), contributors: seed.contributors ?? [], publisher: seed.publisher ?? null,
      type: seed.type ?? "BOOK", status: seed.status ?? "ENROLLED", purposes: seed.purposes,
      identifiers: { create: seed.identifiers ?? [{ type: "ISBN13", value: uniqueIsbn() }] },
    },
  });
}

const ids = (search: Awaited<ReturnType<typeof searchWorksForStaff>>) => search.hits.map((h) => h.id);

describe("the staff repertoire search", () => {
  it("ranks the exact title first, then the words together in the title, then apart, then contributors and publisher", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rh = await createOrganization("RIGHTSHOLDER");
    const t = token();
    const exact = await seedWork(rh.id, { title: `${t} Harbour Lights` });
    const phrase = await seedWork(rh.id, { title: `Old ${t} Harbour Lights of the North` });
    const apart = await seedWork(rh.id, { title: `Lights over the ${t} Harbour` });
    const elsewhere = await seedWork(rh.id, { title: `${t} memoir`, contributors: ["Jane Harbour"], publisher: "Lights Press" });
    await seedWork(rh.id, { title: `${t} Harbour only` });
    const search = await searchWorksForStaff(analyst, { q: `${t} harbour lights` });
    expect(ids(search)).toEqual([exact.id, phrase.id, apart.id, elsewhere.id]);
    expect(search.hits.map((h) => h.matchedBy)).toEqual(["title", "words", "words", "words"]);
    expect(search).toMatchObject({ mode: "search", matched: 4, isCapped: false, hasNext: false });
  });

  it("finds a work by any form of its identifiers, first, beside word matches", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rh = await createOrganization("RIGHTSHOLDER");
    const t = token();
    const isbn = uniqueIsbn();
    const issn = uniqueIssn();
    const doi = uniqueDoi();
    const book = await seedWork(rh.id, { title: `${t} Atlas`, identifiers: [{ type: "ISBN13", value: isbn }, { type: "DOI", value: doi }] });
    const journal = await seedWork(rh.id, { title: `${t} Quarterly`, type: "JOURNAL", identifiers: [{ type: "ISSN", value: issn }] });
    const hyphenated = `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn.slice(12)}`;
    for (const q of [isbn, hyphenated, `ISBN ${hyphenated}`, `https://doi.org/${doi.toUpperCase()}`, `doi:${doi}`]) {
      const search = await searchWorksForStaff(analyst, { q });
      expect(ids(search), q).toEqual([book.id]);
      expect(search.hits[0]!.matchedBy).toBe("identifier");
    }
    expect(ids(await searchWorksForStaff(analyst, { q: `${issn.slice(0, 4)}-${issn.slice(4)}` }))).toEqual([journal.id]);
    // An identifier beside words: its work first, then the works the words find.
    const mixed = await searchWorksForStaff(analyst, { q: `${t} ${issn.slice(0, 4)}-${issn.slice(4)}` });
    expect(ids(mixed)).toEqual([journal.id, book.id]);
    expect(mixed.hits.map((h) => h.matchedBy)).toEqual(["identifier", "words"]);
    // A typo in the check digit is said, not searched as words.
    const typo = await searchWorksForStaff(analyst, { q: `${isbn.slice(0, 12)}${(Number(isbn[12]) + 1) % 10}` });
    expect(typo.hits).toEqual([]);
    expect(typo.identifierProblem).toMatch(/check digit/);
  });

  it("matches word beginnings with *, contributors and publishers without accents, and highlights what matched as text", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rh = await createOrganization("RIGHTSHOLDER");
    const t = token();
    const work = await seedWork(rh.id, { title: `<b>${t}</b> Historians & Their Archives`, contributors: ["José Müller", "Ann Lee"], publisher: "Éditions du Port" });
    const search = await searchWorksForStaff(analyst, { q: `${t} histor* muller editions` });
    expect(ids(search)).toEqual([work.id]);
    const [hit] = search.hits;
    expect(hit!.titleSegments.map((s) => s.text).join("")).toBe(work.title);
    expect(hit!.titleSegments.filter((s) => s.isMatch).map((s) => s.text)).toEqual([t, "Historians"]);
    expect(hit!.titleSegments.find((s) => s.text.includes("<b>"))?.isMatch).toBe(false);
    expect(hit!.contributors[0]!.filter((s) => s.isMatch).map((s) => s.text)).toEqual(["Müller"]);
    expect(hit!.contributors[1]!.some((s) => s.isMatch)).toBe(false);
    expect(hit!.publisher!.filter((s) => s.isMatch).map((s) => s.text)).toEqual(["Éditions"]);
    // Without the *, "histor" is a whole word, which the title does not have.
    expect((await searchWorksForStaff(analyst, { q: `${t} histor` })).hits).toEqual([]);
    // Common words only weigh in the ranking.
    const withStopwords = await searchWorksForStaff(analyst, { q: `the ${t} of` });
    expect(ids(withStopwords)).toEqual([work.id]);
    expect(withStopwords.ignoredWords).toEqual(["the", "of"]);
  });

  it("folds accents in contributors and publishers exactly as titles are folded", async () => {
    // Latin-1 and Latin Extended-A, but for the few letters that decompose into two (ĳ, ŀ, ŉ).
    const letters: string[] = [];
    for (let cp = 0xc0; cp <= 0x17f; cp++) {
      const letter = String.fromCodePoint(cp);
      if (cp !== 0xd7 && cp !== 0xf7 && normalizeTitle(`x${letter}y`).length === 3) letters.push(letter);
    }
    expect(letters.length).toBeGreaterThan(180);
    const rows = await db.$queryRaw<{ letter: string; lexemes: string[] }[]>`
      SELECT l AS letter, tsvector_to_array(works_search_vector('', ARRAY['x' || l || 'y'], NULL, gen_random_uuid(), 'ENROLLED', 'BOOK')) AS lexemes
        FROM unnest(${letters}::text[]) l`;
    const differing = rows.filter((r) => !r.lexemes.includes(normalizeTitle(`x${r.letter}y`)));
    expect(differing.map((r) => r.letter)).toEqual([]);
  });

  it("filters by status, rightsholder, type and purpose", async () => {
    const analyst = await createStaffActor("ANALYST");
    const [rh, other] = [await createOrganization("RIGHTSHOLDER"), await createOrganization("RIGHTSHOLDER")];
    const t = token();
    const enrolled = await seedWork(rh.id, { title: `${t} one`, purposes: ["TRAIN"] });
    const suspended = await seedWork(rh.id, { title: `${t} two`, status: "SUSPENDED" });
    const journal = await seedWork(other.id, { title: `${t} three`, type: "JOURNAL", purposes: ["RAG"] });
    const q = t;
    expect(ids(await searchWorksForStaff(analyst, { q, status: "SUSPENDED" }))).toEqual([suspended.id]);
    expect(ids(await searchWorksForStaff(analyst, { q, rightsholderId: other.id }))).toEqual([journal.id]);
    expect(ids(await searchWorksForStaff(analyst, { q, type: "JOURNAL" }))).toEqual([journal.id]);
    expect(ids(await searchWorksForStaff(analyst, { q, purpose: "RAG" })).sort()).toEqual([journal.id, suspended.id].sort());
    // Without words: the filtered works, newest first.
    expect(ids(await searchWorksForStaff(analyst, { rightsholderId: rh.id }))).toEqual([suspended.id, enrolled.id]);
    // A malformed filter is ignored, not an error.
    expect((await searchWorksForStaff(analyst, { q, status: "BOGUS" as never, rightsholderId: "not-a-uuid" })).hits).toHaveLength(3);
  });

  it("pages the ranked results, says when more matched than it ranks, and browses in keyset pages", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rh = await createOrganization("RIGHTSHOLDER");
    const t = token();
    await db.work.createMany({
      data: Array.from({ length: CANDIDATE_CAP + 20 }, (_, i) => ({ rightsholderId: rh.id, title: `${t} volume ${i}`, normalizedTitle: `${t} volume ${i}`, contributors: [], type: "BOOK" as const })),
    });
    const first = await searchWorksForStaff(analyst, { q: t });
    const second = await searchWorksForStaff(analyst, { q: t, page: 2 });
    expect(first.hits).toHaveLength(STAFF_PAGE_SIZE);
    expect(first).toMatchObject({ isCapped: true, matched: CANDIDATE_CAP, hasNext: true });
    expect(second.hits).toHaveLength(STAFF_PAGE_SIZE);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    const last = await searchWorksForStaff(analyst, { q: t, page: CANDIDATE_CAP / STAFF_PAGE_SIZE });
    expect(last.hasNext).toBe(false);
    // Browsing by rightsholder goes on after the last id, newest first, through every work.
    const seen: number[] = [];
    let after: number | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await searchWorksForStaff(analyst, { rightsholderId: rh.id, after });
      seen.push(...ids(page));
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    expect(seen).toHaveLength(CANDIDATE_CAP + 20);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("exports a search's ranked works, or a filtered list, as CSV with formulas neutralised", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rh = await createOrganization("RIGHTSHOLDER");
    const t = token();
    const first = await seedWork(rh.id, { title: `${t} Tide Tables`, contributors: ["=HYPERLINK(1)"] });
    const second = await seedWork(rh.id, { title: `${t} Tide`, status: "SUSPENDED" });
    const read = async (lines: AsyncIterable<string>) => { let text = ""; for await (const line of lines) text += line; return text.replace(/^\uFEFF/, "").trimEnd().split("\r\n"); };
    const searched = await read(await exportWorksForStaffCsv(analyst, { q: `${t} tide` }));
    expect(searched[0]).toBe("id,status,merged_into,rightsholder,rightsholder_id,title,contributors,type,publication_year,publisher,purposes,identifiers");
    expect(searched.slice(1).map((l) => Number(l.split(",")[0]))).toEqual([second.id, first.id]);
    expect(searched.find((l) => l.startsWith(`${first.id},`))).toContain(",'=HYPERLINK(1),");
    const listed = await read(await exportWorksForStaffCsv(analyst, { rightsholderId: rh.id, status: "SUSPENDED" }));
    expect(listed.slice(1).map((l) => Number(l.split(",")[0]))).toEqual([second.id]);
  });

  it("is for staff only", async () => {
    const people = await createOrganizationWithPeople("RIGHTSHOLDER");
    const refused = await searchWorksForStaff(people.owner.actor, { q: "anything" }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("FORBIDDEN");
    await expect(searchWorksForStaff(await createStaffActor("ADMIN"), { q: token() })).resolves.toMatchObject({ hits: [] });
  });
});
