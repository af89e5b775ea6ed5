import { describe, expect, it } from "vitest";
import { isbn10CheckDigit } from "@/lib/identifiers";
import { todayUtc } from "@/lib/works/work-input";
import { db } from "@/server/db";
import { createWork } from "@/server/works/create-work";
import { setCoOwners } from "@/server/works/set-co-owners";
import { setWorkExclusion } from "@/server/works/set-work-exclusion";
import { updateWork } from "@/server/works/update-work";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";
import { createWork as createWorkRow, uniqueDoi, uniqueIsbn, uniqueIssn } from "../factories/works";

const daysFromToday = (days: number) => {
  const date = new Date(`${todayUtc()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

async function approvedRightsholder(name: string) {
  const organization = await createOrganization("RIGHTSHOLDER", `${name} ${crypto.randomUUID().slice(0, 6)}`);
  await db.rightsholderProfile.update({ where: { organizationId: organization.id }, data: { status: "APPROVED" } });
  return organization;
}

const auditRows = (workId: number) => db.auditLog.findMany({ where: { entityType: "Work", entityId: String(workId) }, orderBy: { id: "asc" } });

describe("updateWork", () => {
  it("edits every field and the identifier set, records before and after, and writes nothing when nothing changed", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const [isbn, doi] = [uniqueIsbn(), uniqueDoi()];
    const { workId } = await createWork(member.actor, { organizationId: organization.id, work: { title: "First Title", identifiers: [isbn, doi], contributors: "Ann" } });
    const issn = uniqueIssn();
    const edit = {
      title: "Second Title",
      contributors: ["Ann", "Ben"],
      type: "JOURNAL",
      language: "fr",
      publicationYear: "2001",
      publisher: "Harbour",
      purposes: ["RAG"],
      identifiers: [isbn, issn],
    };
    const result = await updateWork(member.actor, { workId, work: edit });
    expect(result).toEqual({ workId, changed: true, disputed: [], alreadyClaimed: [] });

    const work = await db.work.findUniqueOrThrow({ where: { id: workId }, include: { identifiers: { orderBy: { id: "asc" } } } });
    expect(work).toMatchObject({
      title: "Second Title", normalizedTitle: "second title", contributors: ["Ann", "Ben"], type: "JOURNAL", language: "fr",
      publicationYear: 2001, publisher: "Harbour", purposes: ["RAG"], excludedFrom: null,
    });
    expect(work.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual([`ISBN13:${isbn}`, `ISSN:${issn}`]);
    const rows = await auditRows(workId);
    expect(rows.map((r) => r.action)).toEqual(["work.created", "work.updated"]);
    expect(rows[1]!.before).toMatchObject({ title: "First Title", identifiers: [`ISBN ${isbn}`, `DOI ${doi}`] });
    expect(rows[1]!.after).toMatchObject({ title: "Second Title", purposes: ["RAG"], identifiers: [`ISBN ${isbn}`, `ISSN ${issn}`] });

    const again = await updateWork(member.actor, { workId, work: { ...edit, identifiers: [`ISSN ${issn}`, isbn] } });
    expect(again.changed).toBe(false);
    expect(await auditRows(workId)).toHaveLength(2);
    expect((await db.work.findUniqueOrThrow({ where: { id: workId } })).updatedAt).toEqual(work.updatedAt);
  });

  it("refuses an identifier already on another of the organisation's works, naming that work", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createWorkRow(organization.id, { title: "The Other One" });
    const mine = await createWorkRow(organization.id);
    await expect(updateWork(owner.actor, { workId: mine.id, work: { title: "Mine", identifiers: [mine.identifiers[0]!.value, other.identifiers[0]!.value] } }))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { identifiers: [expect.stringContaining(`#${other.id} “The Other One”`)] } });
  });

  it("opens one dispute for an identifier another rightsholder holds, and leaves it off the work", async () => {
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    const held = await createWorkRow(holder.organization.id);
    const mine = await createWorkRow(claimant.organization.id);
    const heldIsbn = held.identifiers[0]!.value;
    const work = { title: "Mine", identifiers: [mine.identifiers[0]!.value, heldIsbn] };
    const result = await updateWork(claimant.member.actor, { workId: mine.id, work });
    expect(result).toMatchObject({ changed: true, disputed: [`ISBN ${heldIsbn}`] });
    const disputes = await db.dispute.findMany({ where: { claimantOrgId: claimant.organization.id } });
    expect(disputes).toEqual([expect.objectContaining({ workId: held.id, claimantWorkId: mine.id, identifierValue: heldIsbn, status: "OPEN", origin: "ENROLLMENT" })]);
    expect(await db.workIdentifier.count({ where: { workId: mine.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "Dispute", entityId: disputes[0]!.id, action: "dispute.opened" } })).toBe(1);

    const again = await updateWork(claimant.member.actor, { workId: mine.id, work });
    expect(again).toMatchObject({ changed: false, disputed: [], alreadyClaimed: [`ISBN ${heldIsbn}`] });
    expect(await db.dispute.count({ where: { claimantOrgId: claimant.organization.id } })).toBe(1);
  });

  it("keeps the exclusion when the edit does not mention it, and never lets one start in the past", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const later = daysFromToday(30);
    const work = await createWorkRow(organization.id, { excludedFrom: new Date(`${later}T00:00:00Z`) });
    const identifiers = [work.identifiers[0]!.value];
    await updateWork(member.actor, { workId: work.id, work: { title: "Kept exclusion", identifiers } });
    expect((await db.work.findUniqueOrThrow({ where: { id: work.id } })).excludedFrom?.toISOString().slice(0, 10)).toBe(later);

    await expect(updateWork(member.actor, { workId: work.id, work: { title: "Kept exclusion", identifiers, excludedFrom: daysFromToday(-1) } }))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { excludedFrom: [expect.stringMatching(/at the earliest/)] } });

    const excluded = await createWorkRow(organization.id, { excludedFrom: new Date(`${daysFromToday(-10)}T00:00:00Z`) });
    await expect(updateWork(member.actor, { workId: excluded.id, work: { title: "Lifted?", identifiers: [excluded.identifiers[0]!.value], excludedFrom: "" } }))
      .rejects.toMatchObject({ fieldErrors: { excludedFrom: [expect.stringMatching(/can't be moved or lifted/)] } });
  });

  it("refuses suspended and merged works with a reason, stale forms, other organisations and staff", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const stranger = await createOrganizationWithPeople("RIGHTSHOLDER");
    const suspended = await createWorkRow(organization.id);
    await db.work.update({ where: { id: suspended.id }, data: { status: "SUSPENDED", suspendReason: "rights unclear" } });
    const target = await createWorkRow(organization.id);
    const merged = await createWorkRow(organization.id);
    await db.work.update({ where: { id: merged.id }, data: { status: "MERGED", mergedIntoId: target.id } });
    const work = (w: { identifiers: { value: string }[] }) => ({ title: "Changed", identifiers: [w.identifiers[0]!.value] });

    await expect(updateWork(member.actor, { workId: suspended.id, work: work(suspended) })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/suspended by staff \(rights unclear\)/) });
    await expect(updateWork(member.actor, { workId: merged.id, work: work(merged) })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining(`merged into work #${target.id}`) });
    await expect(updateWork(member.actor, { workId: target.id, work: work(target), expectedUpdatedAt: "2020-01-01T00:00:00.000Z" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateWork(stranger.owner.actor, { workId: target.id, work: work(target) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateWork(await createStaffActor("ADMIN"), { workId: target.id, work: work(target) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.work.findUniqueOrThrow({ where: { id: target.id } })).title).toBe(target.title);
  });

  it("accepts an ISBN-10 for a 978 ISBN-13 it already has without any change", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const nine = String(Math.floor(Math.random() * 1e9)).padStart(9, "0");
    const { workId } = await createWork(member.actor, { organizationId: organization.id, work: { title: "Ten", identifiers: [`${nine}${isbn10CheckDigit(nine)}`] } });
    const result = await updateWork(member.actor, { workId, work: { title: "Ten", identifiers: [`${nine}${isbn10CheckDigit(nine)}`] } });
    expect(result.changed).toBe(false);
  });
});

describe("setWorkExclusion", () => {
  it("schedules, moves and cancels an exclusion, then keeps one in effect", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const work = await createWorkRow(organization.id);
    expect(await setWorkExclusion(member.actor, { workId: work.id, excludedFrom: daysFromToday(10) })).toMatchObject({ changed: true });
    expect(await setWorkExclusion(member.actor, { workId: work.id, excludedFrom: daysFromToday(20) })).toMatchObject({ changed: true });
    expect(await setWorkExclusion(member.actor, { workId: work.id, excludedFrom: null })).toMatchObject({ changed: true, excludedFrom: null });
    expect((await auditRows(work.id)).map((r) => r.action)).toEqual(["work.exclusion.set", "work.exclusion.set", "work.exclusion.cancelled"]);

    await expect(setWorkExclusion(member.actor, { workId: work.id, excludedFrom: daysFromToday(-1) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setWorkExclusion(member.actor, { workId: work.id, excludedFrom: "next week" })).rejects.toMatchObject({ fieldErrors: { excludedFrom: ["Use a date as YYYY-MM-DD."] } });
    await setWorkExclusion(member.actor, { workId: work.id, excludedFrom: todayUtc() });
    await expect(setWorkExclusion(member.actor, { workId: work.id, excludedFrom: "" })).rejects.toMatchObject({ message: expect.stringMatching(/can't be moved or lifted/) });
    expect(await setWorkExclusion(member.actor, { workId: work.id, excludedFrom: todayUtc() })).toMatchObject({ changed: false });
  });
});

describe("setCoOwners", () => {
  it("stores 60/40 with another approved rightsholder in basis points, and audits it", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const partner = await approvedRightsholder("Partner Press");
    const work = await createWorkRow(organization.id);
    const result = await setCoOwners(member.actor, { workId: work.id, owners: [{ organizationId: organization.id, share: "60" }, { organizationId: partner.id, share: "40.00" }] });
    expect(result).toEqual({ workId: work.id, changed: true });
    const owners = await db.workCoOwner.findMany({ where: { workId: work.id }, orderBy: { shareBps: "desc" } });
    expect(owners.map((o) => [o.organizationId, o.shareBps])).toEqual([[organization.id, 6000], [partner.id, 4000]]);
    const [row] = await db.auditLog.findMany({ where: { entityType: "Work", entityId: String(work.id), action: "work.coOwners.changed" } });
    expect(row!.after).toMatchObject({ coOwners: [{ share: "60%" }, { name: partner.name, share: "40%" }] });

    expect(await setCoOwners(member.actor, { workId: work.id, owners: [{ organizationId: partner.id, share: 40 }, { organizationId: organization.id, share: "60%" }] })).toMatchObject({ changed: false });
  });

  it("accepts shares with two decimals that sum to exactly 100, and an external payee", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const work = await createWorkRow(organization.id);
    await setCoOwners(member.actor, {
      workId: work.id,
      owners: [
        { organizationId: organization.id, share: "33.33" },
        { externalPayeeName: "  Estate of  A. Writer ", externalPayeeEmail: "Estate@Example.com", share: "33.33" },
        { externalPayeeName: "Translator", externalPayeeEmail: "t@example.com", share: "33.34" },
      ],
    });
    const owners = await db.workCoOwner.findMany({ where: { workId: work.id }, orderBy: { id: "asc" } });
    expect(owners.map((o) => [o.externalPayeeName, o.externalPayeeEmail, o.shareBps])).toEqual([
      [null, null, 3333],
      ["Estate of A. Writer", "estate@example.com", 3333],
      ["Translator", "t@example.com", 3334],
    ]);
  });

  it("explains a wrong sum, bad shares, unknown or unapproved organisations, a missing email and repeats", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const draft = await createOrganization("RIGHTSHOLDER");
    const partner = await approvedRightsholder("Repeat Press");
    const work = await createWorkRow(organization.id);
    const set = (owners: Record<string, unknown>[]) => setCoOwners(member.actor, { workId: work.id, owners });

    await expect(set([{ organizationId: organization.id, share: "50" }, { organizationId: partner.id, share: "40" }]))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { owners: ["The shares add up to 90%; they must add up to exactly 100%."] } });
    await expect(set([{ organizationId: organization.id, share: "66.666" }, { organizationId: partner.id, share: "0" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.0.share": [expect.stringMatching(/two decimals/)], "owners.1.share": [expect.stringMatching(/more than 0/)] } });
    await expect(set([{ organizationId: organization.id, share: "50" }, { organizationId: crypto.randomUUID(), share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.organizationId": [expect.stringMatching(/not an approved rightsholder/)] } });
    await expect(set([{ organizationId: organization.id, share: "50" }, { organizationId: draft.id, share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.organizationId": [expect.stringMatching(/not an approved rightsholder/)] } });
    await expect(set([{ organizationId: organization.id, share: "50" }, { organizationId: "not-a-uuid", share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.organizationId": [expect.any(String)] } });
    await expect(set([{ organizationId: organization.id, share: "50" }, { externalPayeeName: "No Mail", share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.externalPayeeEmail": [expect.stringMatching(/email/)] } });
    await expect(set([{ organizationId: organization.id, share: "50" }, { externalPayeeName: "Estate\u0000of", externalPayeeEmail: "e@example.com", share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.externalPayeeName": [expect.stringMatching(/can't be saved/)] } });
    await expect(set([{ organizationId: partner.id, share: "50" }, { organizationId: partner.id, share: "50" }]))
      .rejects.toMatchObject({ fieldErrors: { "owners.1.organizationId": [expect.stringMatching(/Already listed/)] } });
    expect(await db.workCoOwner.count({ where: { workId: work.id } })).toBe(0);
  });

  it("treats an empty list, or the rightsholder alone, as 100% to the rightsholder", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const partner = await approvedRightsholder("Empty Press");
    const work = await createWorkRow(organization.id);
    await setCoOwners(member.actor, { workId: work.id, owners: [{ organizationId: organization.id, share: "70" }, { organizationId: partner.id, share: "30" }] });
    await setCoOwners(member.actor, { workId: work.id, owners: [] });
    expect(await db.workCoOwner.count({ where: { workId: work.id } })).toBe(0);
    expect(await setCoOwners(member.actor, { workId: work.id, owners: [{ organizationId: organization.id, share: "100" }] })).toMatchObject({ changed: false });
    expect(await db.workCoOwner.count({ where: { workId: work.id } })).toBe(0);
  });
});
