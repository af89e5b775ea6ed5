import { describe, expect, it } from "vitest";
import type { UserActor } from "@/server/auth/actor";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { suspendRightsholder, unsuspendRightsholder } from "@/server/repertoire/staff-rightsholder-suspension";
import { mergeWorkInto } from "@/server/works/staff-merge-work";
import { suspendWorks, unsuspendWorks } from "@/server/works/staff-set-works-suspension";
import { staffUpdateWork } from "@/server/works/staff-update-work";
import { getWorkForStaff } from "@/server/works/staff-work.queries";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

/** An approved rightsholder with people, two of its works, and a licensee licensed 2026-01-15 → 2027-01-15. */
async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const works = [await createWork(rightsholder.organization.id), await createWork(rightsholder.organization.id)];
  await db.work.updateMany({ where: { id: { in: works.map((w) => w.id) } }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const coverage = async (isbn: string) => (await checkCoverage(licensee.member.actor, { organizationId: licensee.organization.id, identifier: isbn, purpose: "TRAIN", date: "2026-06-01" })).reason;
  return { rightsholder, works, licensee, coverage, isbn: (i: number) => works[i]!.identifiers[0]!.value };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return isAppError(error) ? error.code : String(error);
}

const edit = (workId: number, title: string, identifiers: string[]) => ({
  workId, reason: "Title corrected from the publisher's record",
  work: { title, contributors: ["Test Author"], type: "BOOK", publicationYear: "2020", purposes: ["TRAIN", "FINE_TUNE", "RAG"], identifiers },
});

describe("staff changes to works and rightsholders", () => {
  it("edit a work under the rightsholder's rules, with a reason kept in its history", async () => {
    const admin = await createStaffActor("ADMIN");
    const { works, isbn } = await world();
    const added = uniqueIsbn();
    await expect(staffUpdateWork(admin, edit(works[0]!.id, "The Corrected Title", [isbn(0), added]))).resolves.toEqual({ workId: works[0]!.id, changed: true });
    const work = await db.work.findUniqueOrThrow({ where: { id: works[0]!.id }, include: { identifiers: true } });
    expect(work).toMatchObject({ title: "The Corrected Title", normalizedTitle: "the corrected title" });
    expect(work.identifiers.map((i) => i.value).sort()).toEqual([isbn(0), added].sort());
    const details = await getWorkForStaff(admin, works[0]!.id);
    expect(details.history[0]).toMatchObject({ summary: "Corrected by staff", notes: ["Reason: Title corrected from the publisher's record"] });
    expect(details.history[0]!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["Title", "Identifiers"]));
    expect(details.history[0]!.changes.some((c) => c.field === "reason")).toBe(false);

    // The same rules: a bad identifier by field, another work's identifier named, no reason, a stale form.
    const bad = await staffUpdateWork(admin, edit(works[0]!.id, "X", ["978-0"])).catch((e: unknown) => e);
    expect(isAppError(bad) && bad.fieldErrors?.identifiers?.[0]).toMatch(/ISBN/);
    const taken = await staffUpdateWork(admin, edit(works[0]!.id, "X", [isbn(1)])).catch((e: unknown) => e);
    expect(isAppError(taken) && taken.fieldErrors?.identifiers?.[0]).toContain(`work #${works[1]!.id}`);
    const unexplained = await staffUpdateWork(admin, { ...edit(works[0]!.id, "X", [isbn(0)]), reason: " " }).catch((e: unknown) => e);
    expect(isAppError(unexplained) && unexplained.fieldErrors?.reason).toBeTruthy();
    expect(await refusal(staffUpdateWork(admin, { ...edit(works[0]!.id, "X", [isbn(0)]), expectedUpdatedAt: "2020-01-01T00:00:00.000Z" }))).toBe("CONFLICT");
    expect((await db.work.findUniqueOrThrow({ where: { id: works[0]!.id } })).title).toBe("The Corrected Title");
    await expect(staffUpdateWork(admin, edit(works[0]!.id, "The Corrected Title", [isbn(0), added]))).resolves.toMatchObject({ changed: false });
  });

  it("suspend a work out of coverage and bring it back, with audit rows", async () => {
    const admin = await createStaffActor("ADMIN");
    const { works, coverage, isbn } = await world();
    expect(await coverage(isbn(0))).toBe("COVERED");
    await expect(suspendWorks(admin, { workIds: [works[0]!.id], reason: "Takedown request under review" })).resolves.toEqual({ changed: [works[0]!.id], skipped: [] });
    expect(await db.work.findUniqueOrThrow({ where: { id: works[0]!.id } })).toMatchObject({ status: "SUSPENDED", suspendReason: "Takedown request under review" });
    expect(await coverage(isbn(0))).toBe("NOT_ENROLLED");
    expect(await coverage(isbn(1))).toBe("COVERED");
    await expect(suspendWorks(admin, { workIds: [works[0]!.id], reason: "Again" })).resolves.toEqual({ changed: [], skipped: [{ id: works[0]!.id, why: "already suspended" }] });
    await expect(unsuspendWorks(admin, { workIds: [works[0]!.id], reason: "Request withdrawn" })).resolves.toMatchObject({ changed: [works[0]!.id] });
    expect(await coverage(isbn(0))).toBe("COVERED");
    const audit = await db.auditLog.findMany({ where: { entityType: "Work", entityId: String(works[0]!.id), action: { startsWith: "work." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["work.suspended", "work.unsuspended"]);
    expect(audit[1]!.after).toMatchObject({ status: "ENROLLED", reason: "Request withdrawn" });
    const history = (await getWorkForStaff(admin, works[0]!.id)).history;
    expect(history.slice(0, 2).map((h) => h.summary)).toEqual(["Suspension lifted by staff", "Suspended by staff"]);
  });

  it("suspend many works in one transaction, each with its audit row, leaving the rest as they are", async () => {
    const admin = await createStaffActor("ADMIN");
    const { rightsholder } = await world();
    const org = rightsholder.organization.id;
    const works = [await createWork(org), await createWork(org), await createWork(org), await createWork(org), await createWork(org)];
    await db.work.update({ where: { id: works[3]!.id }, data: { status: "SUSPENDED", suspendReason: "Earlier" } });
    await db.work.update({ where: { id: works[4]!.id }, data: { status: "MERGED", mergedIntoId: works[0]!.id } });
    const result = await suspendWorks(admin, { workIds: works.map((w) => w.id).reverse(), reason: "Publisher asked to pause" });
    expect(result.changed).toEqual(works.slice(0, 3).map((w) => w.id));
    expect(result.skipped).toEqual([{ id: works[3]!.id, why: "already suspended" }, { id: works[4]!.id, why: `merged into #${works[0]!.id}` }]);
    const audit = await db.auditLog.findMany({ where: { action: "work.suspended", entityId: { in: works.map((w) => String(w.id)) } } });
    expect(audit.map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual(result.changed);
    expect(audit[0]!.after).toMatchObject({ suspendReason: "Publisher asked to pause", via: "staff, bulk" });
    expect(await db.work.findUniqueOrThrow({ where: { id: works[3]!.id } })).toMatchObject({ suspendReason: "Earlier" });

    // An unknown id refuses the whole selection; more than 500 is refused before anything.
    expect(await refusal(unsuspendWorks(admin, { workIds: [works[0]!.id, 2_000_000_000], reason: "Lift" }))).toBe("NOT_FOUND");
    expect((await db.work.findUniqueOrThrow({ where: { id: works[0]!.id } })).status).toBe("SUSPENDED");
    expect(await refusal(suspendWorks(admin, { workIds: Array.from({ length: 501 }, (_, i) => i + 1), reason: "Too many" }))).toBe("VALIDATION");
  });

  it("suspend a rightsholder: all its works leave coverage, its owners are told, and lifting it restores its standing", async () => {
    const admin = await createStaffActor("ADMIN");
    const { rightsholder, coverage, isbn } = await world();
    const organizationId = rightsholder.organization.id;
    await suspendRightsholder(admin, { organizationId, reason: "Ownership of the catalogue contested" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({ suspendReason: "Ownership of the catalogue contested", suspendedAt: expect.any(Date) });
    expect((await db.rightsholderProfile.findUniqueOrThrow({ where: { organizationId } })).status).toBe("SUSPENDED");
    expect([await coverage(isbn(0)), await coverage(isbn(1))]).toEqual(["NOT_ENROLLED", "NOT_ENROLLED"]);
    expect((await mailsTo(rightsholder.owner.user.email)).at(-1)).toMatchObject({ template: "rightsholder-suspended" });
    expect(await refusal(suspendRightsholder(admin, { organizationId, reason: "Twice" }))).toBe("CONFLICT");

    await expect(unsuspendRightsholder(admin, { organizationId, reason: "Ownership confirmed" })).resolves.toEqual({ status: "APPROVED" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({ suspendedAt: null, suspendReason: null });
    expect([await coverage(isbn(0)), await coverage(isbn(1))]).toEqual(["COVERED", "COVERED"]);
    expect((await mailsTo(rightsholder.owner.user.email)).at(-1)).toMatchObject({ template: "rightsholder-unsuspended" });
    const audit = await db.auditLog.findMany({ where: { entityType: "Organization", entityId: organizationId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["rightsholder.suspended", "rightsholder.unsuspended"]);

    // A rightsholder still waiting for approval goes back to waiting.
    const pending = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: pending.organization.id }, data: { status: "PENDING_APPROVAL" } });
    await suspendRightsholder(admin, { organizationId: pending.organization.id, reason: "Fraud check" });
    await expect(unsuspendRightsholder(admin, { organizationId: pending.organization.id, reason: "Checked" })).resolves.toEqual({ status: "PENDING_APPROVAL" });
    expect(await refusal(suspendRightsholder(admin, { organizationId: (await createOrganizationWithPeople("LICENSEE")).organization.id, reason: "Not one" }))).toBe("NOT_FOUND");
  });

  it("refuses every change to ANALYST and to every organisation role, the work's own rightsholder included", async () => {
    const { rightsholder, works, licensee, isbn } = await world();
    const actors: UserActor[] = [await createStaffActor("ANALYST"), rightsholder.owner.actor, rightsholder.member.actor, licensee.owner.actor];
    const organizationId = rightsholder.organization.id;
    for (const actor of actors) {
      const attempts = [
        staffUpdateWork(actor, edit(works[0]!.id, "Hijacked", [isbn(0)])),
        suspendWorks(actor, { workIds: [works[0]!.id], reason: "No" }),
        unsuspendWorks(actor, { workIds: [works[0]!.id], reason: "No" }),
        mergeWorkInto(actor, { workId: works[0]!.id, targetId: works[1]!.id, reason: "No" }),
        suspendRightsholder(actor, { organizationId, reason: "No" }),
        unsuspendRightsholder(actor, { organizationId, reason: "No" }),
      ];
      for (const attempt of attempts) expect(await refusal(attempt)).toBe("FORBIDDEN");
    }
    expect(await db.work.findUniqueOrThrow({ where: { id: works[0]!.id } })).toMatchObject({ title: works[0]!.title, status: "ENROLLED" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).suspendedAt).toBeNull();
  });
});
