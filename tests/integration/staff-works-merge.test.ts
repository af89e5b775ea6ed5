import { describe, expect, it } from "vitest";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { searchWorksForStaff } from "@/server/repertoire/staff-work-search";
import { mergeWorkInto } from "@/server/works/staff-merge-work";
import { getWorkForStaff } from "@/server/works/staff-work.queries";
import { getWork } from "@/server/works/works.queries";
import { actorFor, addMember, createOrganizationWithPeople, createStaffActor } from "../factories";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, uniquePastQuarter } from "../factories/distribution";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueDoi } from "../factories/works";

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return isAppError(error) ? { code: error.code, message: error.message } : { code: String(error), message: "" };
}

describe("merging a duplicate work into the work it duplicates", () => {
  it("keeps both histories, moves the identifiers, and keeps the duplicate's co-owners, disputes and usage where they are", async () => {
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const duplicate = await createWork(payee.id, { title: "The Tidewater Atlas (2nd printing)" });
    const target = await createWork(payee.id, { title: "The Tidewater Atlas" });
    const doi = uniqueDoi();
    await db.workIdentifier.create({ data: { workId: duplicate.id, type: "DOI", value: doi } });
    const claimant = await createPayee();
    const dispute = await db.dispute.create({ data: { origin: "ENROLLMENT", workId: duplicate.id, claimantOrgId: claimant.id, reason: "Test claim" } });
    await db.workCoOwner.create({ data: { workId: duplicate.id, organizationId: payee.id, shareBps: 10_000 } });
    const earlier = await createWork(payee.id);
    await db.work.update({ where: { id: earlier.id }, data: { status: "MERGED", mergedIntoId: duplicate.id } });
    const isbn = duplicate.identifiers[0]!.value;

    const merged = await mergeWorkInto(admin, { workId: duplicate.id, targetId: target.id, reason: "Same edition enrolled twice" });
    expect(merged).toMatchObject({ workId: duplicate.id, targetId: target.id, repointed: [earlier.id] });
    expect(merged.identifiersMoved).toHaveLength(2);
    expect(await db.work.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ status: "MERGED", mergedIntoId: target.id });
    expect((await db.work.findUniqueOrThrow({ where: { id: earlier.id } })).mergedIntoId).toBe(target.id);
    const targetIdentifiers = await db.workIdentifier.findMany({ where: { workId: target.id } });
    expect(targetIdentifiers.map((i) => i.value).sort()).toEqual([target.identifiers[0]!.value, isbn, doi].sort());
    expect(await db.workIdentifier.count({ where: { workId: duplicate.id } })).toBe(0);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ workId: duplicate.id });
    expect(await db.workCoOwner.count({ where: { workId: duplicate.id } })).toBe(1);

    // Both histories show the merge; the duplicate's keeps what happened before.
    const duplicatePage = await getWorkForStaff(admin, duplicate.id);
    expect(duplicatePage.history[0]).toMatchObject({ summary: `Merged into work #${target.id} as a duplicate; its identifiers moved there`, notes: ["Reason: Same edition enrolled twice"] });
    expect(duplicatePage.history[0]!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["Status", "Merged into", "Identifiers"]));
    expect(duplicatePage.mergedInto).toMatchObject({ id: target.id });
    const targetPage = await getWorkForStaff(admin, target.id);
    expect(targetPage.history[0]).toMatchObject({ summary: `Work #${duplicate.id} merged into this one as a duplicate; its identifiers moved here` });
    expect(targetPage.mergedFrom.map((w) => w.id).sort()).toEqual([duplicate.id, earlier.id].sort());
    // The rightsholder reads the same history on its own page.
    const member = await addMember(payee.id, "MEMBER");
    const rightsholderView = await getWork(await actorFor(member.user.id), target.id);
    expect(rightsholderView.history.some((h) => h.who === "Clearway staff" && h.changes.some((c) => c.field === "Identifiers"))).toBe(true);

    // The duplicate's identifiers now find the target: search and coverage.
    expect((await searchWorksForStaff(admin, { q: isbn })).hits.map((h) => h.id)).toEqual([target.id]);
    await db.rightsholderProfile.update({ where: { organizationId: payee.id }, data: { approvedAt: new Date("2020-01-01T00:00:00Z") } });
    const licensee = await createOrganizationWithPeople("LICENSEE");
    await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
    const answer = await checkCoverage(licensee.member.actor, { organizationId: licensee.organization.id, identifier: doi, purpose: "TRAIN", date: "2026-12-31" });
    expect(answer.work?.id).toBe(target.id);
  });

  it("credits the duplicate's reported usage to the work it was merged into in the next run", async () => {
    const admin = await createStaffActor("ADMIN");
    const quarter = await uniquePastQuarter();
    const payee = await createPayee();
    const duplicate = await createWork(payee.id);
    const target = await createWork(payee.id);
    const licensee = await createOrganizationWithPeople("LICENSEE");
    await createPaidGrant(licensee.organization.id, { startsOn: quarter.startsOn, termDays: (Date.parse(quarter.endsOn) - Date.parse(quarter.startsOn)) / 86_400_000, feeCents: 100_000n });
    const report = await createEligibleUsage(licensee.organization.id, quarter.code, [{ workId: duplicate.id, units: 700n }, { workId: target.id, units: 300n }]);

    await mergeWorkInto(admin, { workId: duplicate.id, targetId: target.id, reason: "Duplicate" });
    const lines = await db.usageLine.findMany({ where: { reportId: report.id }, orderBy: { lineNumber: "asc" } });
    expect(lines.map((l) => l.workId)).toEqual([duplicate.id, target.id]);
    const run = await calculatedRun(quarter);
    const allocations = await db.allocation.findMany({ where: { runId: run.id, licenseeOrganizationId: licensee.organization.id } });
    expect(allocations.map((a) => ({ workId: a.workId, units: a.units }))).toEqual([{ workId: target.id, units: 1000n }]);
    expect((await getWorkForStaff(admin, target.id)).usage).toMatchObject({ lines: 1, mergedLines: 1 });
  });

  it("refuses a merge into a merged work, into itself, and across rightsholders unless the duplicate's owner co-owns the target", async () => {
    const admin = await createStaffActor("ADMIN");
    const [mine, theirs] = [await createPayee(), await createPayee()];
    const [a, b, c] = [await createWork(mine.id), await createWork(mine.id), await createWork(mine.id)];
    await mergeWorkInto(admin, { workId: b.id, targetId: c.id, reason: "Duplicate" });
    expect(await refusal(mergeWorkInto(admin, { workId: a.id, targetId: b.id, reason: "Into a merged one" }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining(`merge into that one`) });
    expect(await refusal(mergeWorkInto(admin, { workId: b.id, targetId: a.id, reason: "Merged already" }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(mergeWorkInto(admin, { workId: a.id, targetId: a.id, reason: "Itself" }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(mergeWorkInto(admin, { workId: a.id, targetId: 2_000_000_000, reason: "Nowhere" }))).toMatchObject({ code: "NOT_FOUND" });
    const other = await createWork(theirs.id);
    expect(await refusal(mergeWorkInto(admin, { workId: a.id, targetId: other.id, reason: "Across" }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("dispute") });
    expect((await db.work.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("ENROLLED");
    await db.workCoOwner.createMany({ data: [{ workId: other.id, organizationId: theirs.id, shareBps: 5_000 }, { workId: other.id, organizationId: mine.id, shareBps: 5_000 }] });
    await expect(mergeWorkInto(admin, { workId: a.id, targetId: other.id, reason: "Co-owned edition" })).resolves.toMatchObject({ targetId: other.id });
  });
});
