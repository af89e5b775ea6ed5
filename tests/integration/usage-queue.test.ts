import { describe, expect, it } from "vitest";
import { usageLineKey } from "@/lib/usage/match-keys";
import { db } from "@/server/db";
import { getUsageQueueGroup } from "@/server/usage/get-usage-queue-group";
import { listUsageQueue } from "@/server/usage/list-usage-queue";
import { matchUsageLines } from "@/server/usage/match-usage-lines";
import { rejectUsageLines } from "@/server/usage/reject-usage-lines";
import { searchWorksForMatch } from "@/server/usage/search-works-for-match";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { createActiveGrant } from "../factories/licensing";
import { createUsageReport, uniqueTitle } from "../factories/usage";
import { createWork, uniqueIsbn } from "../factories/works";

const hyphenate = (isbn: string) => `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn.slice(12)}`;

/** An approved rightsholder (since 2026-01-05), two licensees licensed 2026-01-15 → 2027-01-15, staff. */
async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const enrolled = async (options: Parameters<typeof createWork>[1]) => {
    const work = await createWork(rightsholder.organization.id, options);
    await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
    return work;
  };
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const other = await createOrganizationWithPeople("LICENSEE");
  for (const org of [licensee, other]) await createActiveGrant(org.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  return { rightsholder, enrolled, licensee, other, admin: await createStaffActor("ADMIN"), analyst: await createStaffActor("ANALYST") };
}

const keyOf = (line: Parameters<typeof usageLineKey>[0]) => usageLineKey(line)!;

describe("the staff queue of unmatched usage", () => {
  it("groups open lines by key across licensees and quarters, oldest first, in keyset pages", async () => {
    const { licensee, other, enrolled, analyst } = await world();
    const token = uniqueTitle("Grouping");
    const isbn = uniqueIsbn();
    const work = await enrolled({});
    const a = await createUsageReport(licensee.organization.id, {
      quarter: "2026Q2", submittedAt: new Date("2026-07-02T09:00:00Z"),
      lines: [{ title: `${token} alpha`, year: 2021, units: 100n }, { title: `${token} beta`, units: 5n }, { title: `${token} matched`, workId: work.id }],
    });
    await createUsageReport(other.organization.id, {
      quarter: "2026Q3", submittedAt: new Date("2026-10-02T09:00:00Z"),
      lines: [{ title: `${token} alpha`, year: 2021, units: 50n, purpose: "RAG" }, { identifier: isbn, title: `${token} gamma`, units: 7n }],
    });
    await createUsageReport(licensee.organization.id, {
      quarter: "2026Q3", submittedAt: new Date("2026-10-03T09:00:00Z"),
      lines: [{ title: `${token.toUpperCase()}: Alpha!`, year: 2021, units: 30n }, { identifier: hyphenate(isbn), units: 3n }],
    });

    const first = await listUsageQueue(analyst, { search: token, limit: 2 });
    const alphaKey = keyOf(a.lines[0]!);
    expect(first.groups.map((g) => g.key)).toEqual([alphaKey, keyOf(a.lines[1]!)]);
    expect(first.groups[0]).toMatchObject({
      status: "UNMATCHED", wrote: { title: `${token} alpha`, year: 2021, identifier: null }, lines: 3, units: 180n, licensees: 2, quarters: ["2026Q2", "2026Q3"],
      oldestAt: new Date("2026-07-02T09:00:00Z"),
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await listUsageQueue(analyst, { search: token, limit: 2, cursor: first.nextCursor! });
    expect(second.groups).toHaveLength(1);
    expect(second.groups[0]).toMatchObject({ key: `id:ISBN13:${isbn}`, lines: 2, units: 10n, licensees: 2, wrote: { identifier: isbn, title: `${token} gamma` } });
    expect(second.nextCursor).toBeNull();

    // Searching by the identifier, typed any way, finds the group; a malformed cursor starts over.
    expect((await listUsageQueue(analyst, { search: hyphenate(isbn) })).groups.map((g) => g.key)).toEqual([`id:ISBN13:${isbn}`]);
    expect((await listUsageQueue(analyst, { search: token, limit: 2, cursor: "garbage" })).groups[0]?.key).toBe(alphaKey);
  });

  it("shows an ambiguous group with the works of the same title and year", async () => {
    const { licensee, enrolled, analyst } = await world();
    const title = uniqueTitle("Twice enrolled");
    const [one, two] = [await enrolled({ title, publicationYear: 2018 }), await enrolled({ title, publicationYear: 2018 })];
    await enrolled({ title, publicationYear: 2019 });
    await createUsageReport(licensee.organization.id, { lines: [{ title, year: 2018, matchStatus: "AMBIGUOUS" }] });
    const [group] = (await listUsageQueue(analyst, { search: title })).groups;
    expect(group?.status).toBe("AMBIGUOUS");
    expect(group?.candidates.map((w) => w.id)).toEqual([one.id, two.id]);
  });

  it("matches many keys at once, decides eligibility again and remembers each decision", async () => {
    const { licensee, other, enrolled, admin } = await world();
    const token = uniqueTitle("Match many");
    const work = await enrolled({ purposes: ["TRAIN", "FINE_TUNE"] });
    const excluded = await enrolled({ excludedFrom: new Date("2026-03-01T00:00:00Z") });
    const isbn = uniqueIsbn();
    const mine = await createUsageReport(licensee.organization.id, { lines: [{ title: `${token} one`, year: 2020 }, { identifier: isbn }, { title: `${token} two` }] });
    const theirs = await createUsageReport(other.organization.id, { lines: [{ title: `${token} one`, year: 2020, purpose: "RAG" }] });
    const [oneKey, isbnKey, twoKey] = mine.lines.map(keyOf);

    const result = await matchUsageLines(admin, { keys: [oneKey!, isbnKey!, oneKey!], workId: work.id });
    expect(result).toMatchObject({ lines: 3, skipped: [] });
    expect(result.message).toMatch(/Matched 3 lines in 2 groups/);
    await matchUsageLines(admin, { keys: [twoKey!], workId: excluded.id });

    const lines = await db.usageLine.findMany({ where: { reportId: { in: [mine.report.id, theirs.report.id] } }, orderBy: { id: "asc" } });
    expect(lines.map((l) => [l.matchStatus, l.matchMethod, l.workId, l.eligibility, l.ineligibleReason])).toEqual([
      ["MATCHED", "STAFF", work.id, "ELIGIBLE", null],
      ["MATCHED", "STAFF", work.id, "ELIGIBLE", null],
      ["MATCHED", "STAFF", excluded.id, "INELIGIBLE", "EXCLUDED"],
      ["MATCHED", "STAFF", work.id, "INELIGIBLE", "PURPOSE_NOT_PERMITTED"],
    ]);
    const decisions = await db.matchDecision.findMany({ where: { rawKey: { in: [oneKey!, isbnKey!, twoKey!] } }, orderBy: { rawKey: "asc" } });
    expect(decisions.map((d) => [d.rawKey, d.workId, d.isRejected, d.decidedById])).toEqual([
      [`id:ISBN13:${isbn}`, work.id, false, admin.userId],
      [`title:${token.toLowerCase()} one|2020`, work.id, false, admin.userId],
      [`title:${token.toLowerCase()} two|`, excluded.id, false, admin.userId],
    ]);
    const audit = await db.auditLog.findMany({ where: { entityType: "MatchDecision", entityId: { in: decisions.map((d) => d.id) } } });
    expect(audit).toHaveLength(3);
    expect(audit.find((a) => a.entityId === decisions[1]!.id)).toMatchObject({ action: "usage.lines_matched", actorUserId: admin.userId, after: expect.objectContaining({ lines: 2, licensees: 2 }) });
    expect((await listUsageQueue(admin, { search: token })).groups).toEqual([]);
    const view = await getUsageQueueGroup(admin, oneKey!);
    expect(view).toMatchObject({ totals: { lines: 0 }, decision: { isRejected: false, work: { id: work.id } } });
  });

  it("rejects: lines INELIGIBLE (not matched), the rejection remembered with its reason audited", async () => {
    const { licensee, admin } = await world();
    const token = uniqueTitle("Reject");
    const { lines, report } = await createUsageReport(licensee.organization.id, { lines: [{ title: `${token} a` }, { title: `${token} b` }] });
    await expect(rejectUsageLines(admin, { keys: [keyOf(lines[0]!)], reason: "no" })).rejects.toMatchObject({ name: "ZodError" });
    const result = await rejectUsageLines(admin, { keys: lines.map(keyOf), reason: "Internal product manuals, not published works." });
    expect(result.lines).toBe(2);
    const after = await db.usageLine.findMany({ where: { reportId: report.id } });
    expect(after.map((l) => [l.matchStatus, l.workId, l.eligibility, l.ineligibleReason])).toEqual([["REJECTED", null, "INELIGIBLE", "NOT_MATCHED"], ["REJECTED", null, "INELIGIBLE", "NOT_MATCHED"]]);
    const decision = await db.matchDecision.findUniqueOrThrow({ where: { rawKey: keyOf(lines[0]!) } });
    expect(decision).toMatchObject({ isRejected: true, workId: null });
    const [audit] = await db.auditLog.findMany({ where: { entityType: "MatchDecision", entityId: decision.id } });
    expect(audit).toMatchObject({ action: "usage.lines_rejected", after: expect.objectContaining({ reason: "Internal product manuals, not published works." }) });
  });

  it("applies two concurrent decisions on the same key once", async () => {
    const { licensee, other, enrolled, admin } = await world();
    const secondAdmin = await createStaffActor("ADMIN");
    const title = uniqueTitle("Race");
    const [w1, w2] = [await enrolled({}), await enrolled({})];
    const a = await createUsageReport(licensee.organization.id, { lines: [{ title }] });
    await createUsageReport(other.organization.id, { lines: [{ title }] });
    const key = keyOf(a.lines[0]!);
    const outcomes = await Promise.allSettled([matchUsageLines(admin, { keys: [key], workId: w1.id }), matchUsageLines(secondAdmin, { keys: [key], workId: w2.id })]);
    const winner = outcomes.findIndex((o) => o.status === "fulfilled");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: expect.stringMatching(/No open lines are left/) } });
    const winningWork = [w1, w2][winner]!.id;
    const lines = await db.usageLine.findMany({ where: { rawTitle: title } });
    expect(lines.map((l) => l.workId)).toEqual([winningWork, winningWork]);
    const decision = await db.matchDecision.findUniqueOrThrow({ where: { rawKey: key } });
    expect(decision.workId).toBe(winningWork);
    expect(await db.auditLog.count({ where: { entityType: "MatchDecision", entityId: decision.id } })).toBe(1);
  });

  it("leaves lines of locked and replaced reports alone", async () => {
    const { licensee, other, enrolled, admin } = await world();
    const title = uniqueTitle("Locked");
    const work = await enrolled({});
    const current = await createUsageReport(licensee.organization.id, { quarter: "2026Q2", lines: [{ title }] });
    const replaced = await createUsageReport(licensee.organization.id, { quarter: "2026Q2", status: "REPLACED", lines: [{ title }] });
    const locked = await createUsageReport(other.organization.id, { quarter: "2026Q1", lockedAt: new Date(), lines: [{ title }, { title: `${title} only locked` }] });
    const group = await getUsageQueueGroup(admin, keyOf(current.lines[0]!));
    expect(group.lines.map((l) => l.reportId)).toEqual([current.report.id]);

    await matchUsageLines(admin, { keys: [keyOf(current.lines[0]!)], workId: work.id });
    const untouched = await db.usageLine.findMany({ where: { reportId: { in: [replaced.report.id, locked.report.id] } } });
    expect(untouched.map((l) => [l.matchStatus, l.workId, l.eligibility])).toEqual([["UNMATCHED", null, "PENDING"], ["UNMATCHED", null, "PENDING"], ["UNMATCHED", null, "PENDING"]]);
    await expect(rejectUsageLines(admin, { keys: [keyOf(locked.lines[1]!)], reason: "Locked report line" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("searches every rightsholder's enrolled works by title words or identifier", async () => {
    const { enrolled, analyst } = await world();
    const otherHolder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const token = uniqueTitle("Searchable").split(" ").at(-1)!;
    const isbn = uniqueIsbn();
    const mine = await enrolled({ title: `Lighthouse ${token} Keepers`, isbn });
    const theirs = await createWork(otherHolder.organization.id, { title: `The ${token} Lighthouse` });
    const suspended = await enrolled({ title: `${token} Lighthouse Suspended` });
    await db.work.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    const byWords = await searchWorksForMatch(analyst, { q: `lightho ${token}` });
    expect(byWords.works.map((w) => w.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(byWords.works.find((w) => w.id === theirs.id)?.rightsholderName).toBe(otherHolder.organization.name);
    const byIsbn = await searchWorksForMatch(analyst, { q: hyphenate(isbn) });
    expect(byIsbn).toMatchObject({ isIdentifierSearch: true, works: [{ id: mine.id, identifiers: [{ type: "ISBN13", value: isbn }] }] });
    await expect(matchUsageLines(await createStaffActor("ADMIN"), { keys: [`title:${token}|`], workId: suspended.id })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("lets analysts read but not decide, and refuses licensees", async () => {
    const { licensee, enrolled, analyst } = await world();
    const work = await enrolled({});
    const { lines } = await createUsageReport(licensee.organization.id, { lines: [{ title: uniqueTitle("Access") }] });
    const key = keyOf(lines[0]!);
    expect((await getUsageQueueGroup(analyst, key)).canDecide).toBe(false);
    await expect(matchUsageLines(analyst, { keys: [key], workId: work.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rejectUsageLines(analyst, { keys: [key], reason: "Not in the repertoire" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsageQueue(licensee.owner.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUsageQueueGroup(licensee.owner.actor, key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchWorksForMatch(licensee.member.actor, { q: "anything" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.usageLine.findFirstOrThrow({ where: { id: lines[0]!.id } })).matchStatus).toBe("UNMATCHED");
  });
});
