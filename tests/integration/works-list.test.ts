import { beforeAll, describe, expect, it } from "vitest";
import { isbn10CheckDigit, isbn13CheckDigit } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { todayUtc } from "@/lib/works/work-input";
import { CSV_BOM } from "@/lib/works/works-csv";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { exportWorksCsv } from "@/server/works/export-works";
import { setCoOwners } from "@/server/works/set-co-owners";
import { setWorkExclusion } from "@/server/works/set-work-exclusion";
import { updateWork } from "@/server/works/update-work";
import { countWorks } from "@/server/works/works-list-sql";
import { createWork } from "@/server/works/create-work";
import { getWork, listWorks, searchCoOwnerCandidates } from "@/server/works/works.queries";
import { parseWorksFilters, type WorkSort } from "@/server/works/works.schema";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";
import { createWork as createWorkRow, uniqueIsbn } from "../factories/works";

const past = new Date(Date.UTC(2020, 0, 1));
const future = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 0, 1));

// A repertoire with ties on every sort key: repeated titles, repeated years and works without one.
const TITLES = ["Alpha", "beta", "Alpha", "Gamma Rays", "delta", "Alpha", "Epsilon", "beta", "Zeta", "eta", "Theta", "iota", "Kappa", "Lambda"];
const YEARS = [2001, null, 2001, 1999, 2020, null, 2001, 1999, null, 2020, 2010, 2001, null, 1999];

let organizationId: string;
let member: UserActor;
let ids: number[];
let isbn978: string;

beforeAll(async () => {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  organizationId = rightsholder.organization.id;
  member = rightsholder.member.actor;
  const nine = String(Math.floor(Math.random() * 1e9)).padStart(9, "0");
  isbn978 = `978${nine}${isbn13CheckDigit(`978${nine}`)}`;
  ids = [];
  for (const [index, title] of TITLES.entries()) {
    const work = await db.work.create({
      data: {
        rightsholderId: organizationId, title, normalizedTitle: normalizeTitle(title), contributors: [], publicationYear: YEARS[index],
        type: index === 3 ? "JOURNAL" : "BOOK",
        purposes: index === 4 ? ["TRAIN"] : undefined,
        status: index === 6 ? "SUSPENDED" : "ENROLLED",
        excludedFrom: index === 7 ? past : index === 8 ? future : null,
        identifiers: { create: [{ type: "ISBN13", value: index === 0 ? isbn978 : uniqueIsbn() }] },
      },
    });
    ids.push(work.id);
  }
  // Another rightsholder's works never show up.
  const other = await createOrganization("RIGHTSHOLDER");
  await createWorkRow(other.id, { title: "Alpha" });
});

async function expectedOrder(sort: WorkSort): Promise<number[]> {
  const order = sort === "newest" ? `id DESC` : sort === "title" ? `"normalizedTitle" ASC, id ASC` : `"publicationYear" DESC NULLS LAST, id DESC`;
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM works WHERE "rightsholderId" = $1::uuid ORDER BY ${order}`, organizationId);
  return rows.map((r) => r.id);
}

describe("listWorks: keyset pages", () => {
  for (const sort of ["newest", "title", "year"] as const) {
    it(`walks every ${sort} page forward and back, each row exactly once, in order`, async () => {
      const filters = parseWorksFilters({ sort });
      const expected = await expectedOrder(sort);
      expect(expected).toHaveLength(TITLES.length);

      const forward: number[][] = [];
      let page = await listWorks(member, organizationId, filters, { limit: 3 });
      expect(page.previous).toBeNull();
      forward.push(page.works.map((w) => w.id));
      while (page.next) {
        page = await listWorks(member, organizationId, filters, { after: page.next, limit: 3 });
        forward.push(page.works.map((w) => w.id));
      }
      expect(forward.flat()).toEqual(expected);
      expect(forward.at(-1)!.length).toBe(TITLES.length % 3 || 3);

      const backward: number[][] = [forward.at(-1)!];
      while (page.previous) {
        page = await listWorks(member, organizationId, filters, { before: page.previous, limit: 3 });
        backward.unshift(page.works.map((w) => w.id));
      }
      expect(backward).toEqual(forward);
      expect(page.count).toBe(TITLES.length);
    });
  }

  it("starts over at page one when a cursor is malformed or made for another sort", async () => {
    const byTitle = await listWorks(member, organizationId, parseWorksFilters({ sort: "title" }), { limit: 3 });
    const wrongSort = await listWorks(member, organizationId, parseWorksFilters({ sort: "year" }), { after: byTitle.next!, limit: 3 });
    expect(wrongSort.previous).toBeNull();
    expect((await listWorks(member, organizationId, parseWorksFilters({}), { after: "%%%", limit: 3 })).works.map((w) => w.id)).toEqual((await expectedOrder("newest")).slice(0, 3));
  });
});

describe("listWorks: filters and search", () => {
  const list = async (params: Record<string, string>) => (await listWorks(member, organizationId, parseWorksFilters(params), { limit: 100 })).works.map((w) => w.id);

  it("filters by status, purpose, type and exclusion", async () => {
    expect(await list({ status: "SUSPENDED" })).toEqual([ids[6]]);
    expect((await list({ status: "ENROLLED" })).length).toBe(TITLES.length - 1);
    expect(await list({ purpose: "RAG" })).not.toContain(ids[4]);
    expect((await list({ purpose: "TRAIN" })).length).toBe(TITLES.length);
    expect(await list({ type: "JOURNAL" })).toEqual([ids[3]]);
    expect(await list({ excluded: "yes" })).toEqual([ids[7]]);
    expect(await list({ excluded: "scheduled" })).toEqual([ids[8]]);
    expect((await list({ excluded: "no" })).length).toBe(TITLES.length - 2);
    expect(await list({ type: "BOOK", excluded: "yes", purpose: "RAG" })).toEqual([ids[7]]);
  });

  it("ignores filter values it does not know", async () => {
    expect((await list({ status: "DELETED", type: "poem", sort: "random" })).length).toBe(TITLES.length);
  });

  it("matches title words by prefix, every word required, case and accents aside", async () => {
    expect(await list({ q: "alp" })).toEqual([ids[5], ids[2], ids[0]]);
    expect(await list({ q: "GAMMA ray" })).toEqual([ids[3]]);
    expect(await list({ q: "gamma alpha" })).toEqual([]);
    expect(await list({ q: "Éta" })).toEqual([ids[9]]);
    expect(await list({ q: "alpha' ! | :* ( <->" })).toEqual([ids[5], ids[2], ids[0]]);
  });

  it("finds a work by identifier in any typed form, exactly", async () => {
    const nine = isbn978.slice(3, 12);
    const asIsbn10 = `${nine.slice(0, 1)}-${nine.slice(1, 5)}-${nine.slice(5)}-${isbn10CheckDigit(nine)}`;
    const page = await listWorks(member, organizationId, parseWorksFilters({ q: asIsbn10 }));
    expect(page.search).toEqual({ kind: "identifier", identifier: { type: "ISBN13", value: isbn978 } });
    expect(page.works.map((w) => w.id)).toEqual([ids[0]]);
    expect(page.works[0]!.identifiers).toEqual([{ type: "ISBN13", value: isbn978 }]);
    expect(await list({ q: `ISBN ${isbn978}` })).toEqual([ids[0]]);
  });

  it("says when a typed identifier is not valid", async () => {
    const page = await listWorks(member, organizationId, parseWorksFilters({ q: "978-0-306-40615-8" }));
    expect(page.search).toMatchObject({ kind: "title", identifierProblem: expect.stringMatching(/check digit/) });
    expect(page.works).toEqual([]);
  });

  it("caps the count", async () => {
    expect(await countWorks(organizationId, parseWorksFilters({}), null, todayUtc(), 5)).toBe(6);
    const page = await listWorks(member, organizationId, parseWorksFilters({}), { limit: 2 });
    expect(page).toMatchObject({ count: TITLES.length, isCapped: false, hasAnyWorks: true });
  });

  it("tells an empty repertoire from an empty search", async () => {
    const empty = await createOrganizationWithPeople("RIGHTSHOLDER");
    expect(await listWorks(empty.owner.actor, empty.organization.id, parseWorksFilters({}))).toMatchObject({ works: [], count: 0, hasAnyWorks: false });
    expect(await listWorks(member, organizationId, parseWorksFilters({ q: "nothing like it" }))).toMatchObject({ works: [], hasAnyWorks: true });
  });
});

describe("exportWorksCsv", () => {
  async function csv(actor: UserActor, orgId: string, params: Record<string, string>, batchSize?: number) {
    let text = "";
    for await (const chunk of await exportWorksCsv(actor, orgId, parseWorksFilters(params), { batchSize })) text += chunk;
    return text;
  }

  it("streams every matching work in batches, with the template's columns", async () => {
    const text = await csv(member, organizationId, { sort: "title" }, 4);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("isbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from,id,status");
    expect(lines.slice(1).map((l) => Number(l.split(",").at(-2)))).toEqual(await expectedOrder("title"));
    expect(text).toContain(`${isbn978},,,,Alpha,,BOOK,,2001,,TRAIN;FINE_TUNE;RAG,,${ids[0]},ENROLLED`);
    expect((await csv(member, organizationId, { status: "SUSPENDED" })).trim().split("\r\n")).toHaveLength(2);
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    for (const title of ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "Plain, with a comma"]) {
      await createWorkRow(organization.id, { title });
    }
    const text = await csv(owner.actor, organization.id, {});
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(",'+cmd|' /C calc'!A0,");
    expect(text).toContain(",'-2+3,");
    expect(text).toContain(",'@SUM(1),");
    expect(text).toContain(`,"Plain, with a comma",`);
    expect(text).not.toMatch(/,[=+\-@]/);
  });

  it("refuses another rightsholder before writing anything", async () => {
    const stranger = await createOrganizationWithPeople("RIGHTSHOLDER");
    await expect(exportWorksCsv(stranger.owner.actor, organizationId, parseWorksFilters({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("getWork", () => {
  it("tells the work's history: who changed what, field by field", async () => {
    const { organization, member: { actor: person } } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const partner = await createOrganization("RIGHTSHOLDER", `Partner ${crypto.randomUUID().slice(0, 6)}`);
    await db.rightsholderProfile.update({ where: { organizationId: partner.id }, data: { status: "APPROVED" } });
    const isbn = uniqueIsbn();
    const { workId } = await createWork(person, { organizationId: organization.id, work: { title: "Before", identifiers: [isbn], purposes: "TRAIN" } });
    await updateWork(person, { workId, work: { title: "After", identifiers: [isbn], purposes: ["TRAIN", "RAG"] } });
    await setWorkExclusion(person, { workId, excludedFrom: future.toISOString().slice(0, 10) });
    await setCoOwners(person, { workId, owners: [{ organizationId: organization.id, share: "60" }, { organizationId: partner.id, share: "40" }] });

    const work = await getWork(person, workId);
    expect(work.history.map((h) => h.summary)).toEqual(["Co-owners changed", "Exclusion set", "Edited", "Enrolled"]);
    expect(new Set(work.history.map((h) => h.who))).toEqual(new Set(["Test Person"]));
    expect(work.history[2]!.changes).toEqual([
      { field: "Title", before: "Before", after: "After" },
      { field: "Purposes", before: "Pre-training", after: "Pre-training, Retrieval (RAG)" },
    ]);
    expect(work.history[1]!.changes).toEqual([{ field: "Excluded from", before: "—", after: `1 Jan ${future.getUTCFullYear()}` }]);
    expect(work.history[0]!.changes[0]!.after).toMatch(new RegExp(`${organization.name} 60%, ${partner.name} 40%`));
    expect(work.history[3]!.notes).toContain(`Identifiers: ISBN ${isbn}`);
    expect(work).toMatchObject({ exclusion: "scheduled", canEdit: true, coOwners: [expect.objectContaining({ shareBps: 6000 }), expect.objectContaining({ shareBps: 4000 })] });
  });

  it("shows a competitor's claim without naming them, to both sides; staff read, strangers get not found", async () => {
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    const isbn = uniqueIsbn();
    const held = await createWork(holder.owner.actor, { organizationId: holder.organization.id, work: { title: "Held", identifiers: [isbn] } });
    const claim = await createWork(claimant.owner.actor, { organizationId: claimant.organization.id, work: { title: "Claim", identifiers: [isbn] } });
    expect(claim.disputed).toEqual([`ISBN ${isbn}`]);

    const ours = await getWork(holder.owner.actor, held.workId);
    expect(ours.openDisputes).toEqual([expect.objectContaining({ side: "claimed-from-us", identifier: { type: "ISBN13", value: isbn } })]);
    const entry = ours.history.find((h) => h.summary.startsWith("Another rightsholder claimed"));
    expect(entry).toMatchObject({ who: "Another rightsholder" });
    expect(JSON.stringify(ours)).not.toContain(claimant.organization.name);

    const theirs = await getWork(claimant.owner.actor, claim.workId);
    expect(theirs.openDisputes).toEqual([expect.objectContaining({ side: "our-claim" })]);
    expect(theirs.identifiers).toEqual([]);

    const analyst = await createStaffActor("ANALYST");
    expect(await getWork(analyst, held.workId)).toMatchObject({ canEdit: false, viewerIsStaff: true });
    await expect(getWork(claimant.owner.actor, held.workId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWork(holder.owner.actor, "abc")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("searchCoOwnerCandidates", () => {
  it("finds approved rightsholders by name, never the work's own, and takes % and _ literally", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const tag = crypto.randomUUID().slice(0, 8);
    const approved = await createOrganization("RIGHTSHOLDER", `Quill ${tag} Books`);
    await db.rightsholderProfile.update({ where: { organizationId: approved.id }, data: { status: "APPROVED" } });
    await createOrganization("RIGHTSHOLDER", `Quill ${tag} Drafts`);
    await createOrganization("LICENSEE", `Quill ${tag} Labs`);
    await db.organization.update({ where: { id: organization.id }, data: { name: `Quill ${tag} Self` } });
    await db.rightsholderProfile.update({ where: { organizationId: organization.id }, data: { status: "APPROVED" } });
    const work = await createWorkRow(organization.id);
    expect(await searchCoOwnerCandidates(owner.actor, { workId: work.id, q: `quill ${tag}` })).toEqual([{ id: approved.id, name: approved.name }]);
    expect(await searchCoOwnerCandidates(owner.actor, { workId: work.id, q: "%" })).toEqual([]);
    expect(await searchCoOwnerCandidates(owner.actor, { workId: work.id, q: "q" })).toEqual([]);
  });
});
