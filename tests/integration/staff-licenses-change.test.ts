import { describe, expect, it } from "vitest";
import { recognisedInQuarter } from "@/lib/money/revenue";
import { parseQuarter, quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { getLicenseForStaff } from "@/server/licensing/staff-licenses.queries";
import { extendLicense } from "@/server/licensing/staff-extend-license";
import { revokeLicense } from "@/server/licensing/staff-revoke-license";
import { stripeClient } from "@/server/stripe/client";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { completeLicenseeProfile, createActiveGrant, deliver, eventsForSession, subscribedLicensee } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayOf = (d: Date | null) => d!.toISOString().slice(0, 10);
const REASON = "The licensee breached the terms of use.";

/** A licensee holding a license that began 100 days ago and ends in 265, and an enrolled work to ask about. */
async function licensed() {
  const people = await createOrganizationWithPeople("LICENSEE");
  const organizationId = people.organization.id;
  const today = todayUtc();
  const grant = await createActiveGrant(organizationId, { startsOn: shift(today, -100), endsOn: shift(today, 265) });
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2025-01-05T10:00:00Z") } });
  const isbn = uniqueIsbn();
  const work = await createWork(rightsholder.organization.id, { isbn });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2025-01-10T08:00:00Z") } });
  const ask = (date: string) => checkCoverage(people.owner.actor, { organizationId, identifier: isbn, purpose: "TRAIN", date });
  return { ...people, organizationId, grant, today, endsOn: dayOf(grant.endsOn), ask };
}

/** What the grant recognises in each quarter its term touches, by the runs' rule. */
async function recognition(grantId: string) {
  const g = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId }, include: { refunds: true } });
  const startsOn = dayOf(g.startsOn);
  const grant = { feeCents: g.feeCents, startsOn, termDays: g.termDays!, refunds: [] };
  const quarters = [quarterOf(shift(startsOn, -1))];
  while (quarters.length < 8) quarters.push(parseQuarter(quarters.at(-1)!.q === 4 ? `${quarters.at(-1)!.year + 1}Q1` : `${quarters.at(-1)!.year}Q${quarters.at(-1)!.q + 1}`)!);
  return quarters.map((q) => `${q.code}:${recognisedInQuarter(grant, q)}`);
}

describe("staff revoke a license", () => {
  it("revokes from today: covered until yesterday, not from today; no money moves; mail and audit", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, today, endsOn, ask, owner } = await licensed();
    expect(await getLicenseForStaff(admin, grant.id)).toMatchObject({ canRevoke: true, canExtend: true });
    const revenueBefore = await recognition(grant.id);

    expect(await revokeLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, reason: REASON })).toEqual({ grantId: grant.id, revokedOn: today });
    const after = await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id }, include: { refunds: true, payments: true } });
    expect(after).toMatchObject({ status: "REVOKED", statusReason: REASON, endsOn: grant.endsOn, termDays: grant.termDays, feeCents: grant.feeCents, revokedAt: expect.any(Date), refunds: [] });
    expect(after.payments).toMatchObject([{ status: "SUCCEEDED", amountCents: 450_000n }]);
    expect((await ask(shift(today, -1))).reason).toBe("COVERED");
    expect((await ask(today)).reason).toBe("NO_ACTIVE_LICENSE");
    expect(await recognition(grant.id)).toEqual(revenueBefore);

    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: grant.id, action: "license.revoked" } })).toMatchObject({ actorUserId: admin.userId, before: { status: "ACTIVE", endsOn }, after: { status: "REVOKED", revokedOn: today, reason: REASON } });
    const mail = (await mailsTo(owner.user.email)).find((m) => m.subject === `License ${grant.licenseNumber} has been revoked`);
    expect(mail?.text).toContain(REASON);
    expect((await getLicenseForStaff(admin, grant.id)).canRevoke).toBe(false);

    await expect(revokeLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, reason: REASON })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditLog.count({ where: { entityId: grant.id, action: "license.revoked" } })).toBe(1);
  });

  it("revokes only the license staff saw, and says what is wrong with the form", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, endsOn } = await licensed();
    await expect(revokeLicense(admin, { grantId: grant.id, expectedEndsOn: shift(endsOn, 1), reason: REASON })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed meanwhile/) });
    await expect(revokeLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, reason: "no" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.stringMatching(/at least 5/)] } });
    await expect(revokeLicense(admin, { grantId: "00000000-0000-7000-8000-000000000000", expectedEndsOn: endsOn, reason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).status).toBe("ACTIVE");
  });

  it("cancels the subscription of a license that renews automatically", async () => {
    const admin = await createStaffActor("ADMIN");
    const people = await createOrganizationWithPeople("LICENSEE");
    await completeLicenseeProfile(people.organization.id, people.owner.user.id);
    const { grantId, subscriptionId } = await subscribedLicensee({ organizationId: people.organization.id, owner: people.owner });
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } });
    await revokeLicense(admin, { grantId, expectedEndsOn: dayOf(grant.endsOn), reason: REASON });
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ status: "canceled" });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "REVOKED", autoRenew: false });
    await deliver((await eventsForSession(subscriptionId, "customer.subscription.deleted"))[0]!);
    const subjects = (await mailsTo(people.owner.user.email)).map((m) => m.subject).join("\n");
    expect(subjects).toContain(`License ${grant.licenseNumber} has been revoked`);
    expect(subjects).not.toMatch(/no longer renew automatically/);
  });
});

describe("staff extend a license", () => {
  it("moves the end later by days: covered in the extra days, the fee and its revenue unchanged, reminders again", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, endsOn, ask, owner } = await licensed();
    await db.licenseGrant.update({ where: { id: grant.id }, data: { reminder30SentAt: new Date(), reminder7SentAt: new Date() } });
    const revenueBefore = await recognition(grant.id);
    expect((await ask(shift(endsOn, 10))).reason).toBe("NO_ACTIVE_LICENSE");

    expect(await extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DAYS", days: "45", reason: "Goodwill after the outage in March." })).toEqual({ grantId: grant.id, endsOn: shift(endsOn, 45) });
    const after = await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(after).toMatchObject({ status: "ACTIVE", feeCents: grant.feeCents, termDays: grant.termDays, startsOn: grant.startsOn, reminder30SentAt: null, reminder7SentAt: null });
    expect(dayOf(after.endsOn)).toBe(shift(endsOn, 45));
    expect(await recognition(grant.id)).toEqual(revenueBefore);
    expect((await ask(shift(endsOn, 10))).reason).toBe("COVERED");
    expect((await ask(shift(endsOn, 45))).reason).toBe("NO_ACTIVE_LICENSE");

    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: grant.id, action: "license.extended" } })).toMatchObject({ before: { endsOn }, after: { endsOn: shift(endsOn, 45), extendedByDays: 45, termDays: grant.termDays } });
    expect((await mailsTo(owner.user.email)).some((m) => m.template === "license-extended" && m.text.includes("Goodwill after the outage in March."))).toBe(true);

    // The form had the old end: a second submission of it changes nothing.
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DAYS", days: "45", reason: "Goodwill after the outage in March." })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("extends to a date, and refuses an earlier date, too long an extension and an overlap with the renewal", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, endsOn, organizationId } = await licensed();
    const reason = "Contract amendment signed.";
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DATE", endsOn, reason })).rejects.toMatchObject({ fieldErrors: { endsOn: [expect.stringMatching(/^Later than the current end/)] } });
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DATE", endsOn: shift(endsOn, 367), reason })).rejects.toMatchObject({ fieldErrors: { endsOn: ["At most 366 days past the current end."] } });
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DAYS", days: "0", reason })).rejects.toMatchObject({ fieldErrors: { days: [expect.stringMatching(/1 to 366/)] } });
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DATE", endsOn: "2027-02-30", reason })).rejects.toMatchObject({ fieldErrors: { endsOn: ["Choose the new end."] } });

    const renewal = await createActiveGrant(organizationId, { startsOn: endsOn, endsOn: shift(endsOn, 365) });
    await db.licenseGrant.update({ where: { id: renewal.id }, data: { previousGrantId: grant.id } });
    await expect(extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DATE", endsOn: shift(endsOn, 20), reason })).rejects.toMatchObject({ fieldErrors: { endsOn: [expect.stringMatching(new RegExp(`^License ${renewal.licenseNumber} starts on`))] } });
    await db.licenseGrant.update({ where: { id: renewal.id }, data: { status: "REVOKED", revokedAt: new Date() } });
    await extendLicense(admin, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DATE", endsOn: shift(endsOn, 20), reason });
    expect(dayOf((await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).endsOn)).toBe(shift(endsOn, 20));
  });

  it("cancels the subscription of a license that renews automatically, and tells the licensee", async () => {
    const admin = await createStaffActor("ADMIN");
    const people = await createOrganizationWithPeople("LICENSEE");
    await completeLicenseeProfile(people.organization.id, people.owner.user.id);
    const { grantId, subscriptionId } = await subscribedLicensee({ organizationId: people.organization.id, owner: people.owner });
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } });
    await extendLicense(admin, { grantId, expectedEndsOn: dayOf(grant.endsOn), mode: "DAYS", days: "30", reason: "Goodwill for the migration." });
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ status: "canceled" });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "ACTIVE", autoRenew: false, feeCents: grant.feeCents });
    expect((await mailsTo(people.owner.user.email)).find((m) => m.template === "license-extended")?.text).toMatch(/Auto-renewal is off/);
  });
});

describe("who may revoke and extend", () => {
  it("refuses analysts and every organisation role, and changes nothing", async () => {
    const { grant, endsOn, owner, member } = await licensed();
    const actors = [await createStaffActor("ANALYST"), owner.actor, member.actor, (await createOrganizationWithPeople("RIGHTSHOLDER")).owner.actor, null];
    for (const actor of actors) {
      await expect(revokeLicense(actor, { grantId: grant.id, expectedEndsOn: endsOn, reason: REASON })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(extendLicense(actor, { grantId: grant.id, expectedEndsOn: endsOn, mode: "DAYS", days: "10", reason: REASON })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "ACTIVE", endsOn: grant.endsOn });
    expect(await getLicenseForStaff(actors[0]!, grant.id)).toMatchObject({ canRevoke: false, canExtend: false, isChangeable: true });
  });
});
