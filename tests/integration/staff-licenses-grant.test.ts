import { describe, expect, it } from "vitest";
import { formatDay } from "@/lib/dates";
import { lastDayOf, termFrom } from "@/lib/licensing/term";
import { quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { grantRevenueRows } from "@/server/distribution/grant-revenue-rows";
import { getLicenseOverview } from "@/server/licensing/grants.queries";
import { getLicenseForStaff } from "@/server/licensing/staff-licenses.queries";
import { grantLicenseManually } from "@/server/licensing/staff-grant-license";
import { revokeLicense } from "@/server/licensing/staff-revoke-license";
import { getManualGrantDraft, searchLicenseesForManualGrant } from "@/server/licensing/staff-manual-grant.queries";
import { startCheckout } from "@/server/licensing/start-checkout";
import { pgPool } from "@/server/pg";
import { quoteLicense } from "@/server/pricing/price-schedules.queries";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { completeLicenseeProfile, createActiveGrant, subscribedLicensee } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A licensee with a complete profile (Technology, 120 employees, US: $14,400 by the base schedule). */
async function invoicedLicensee() {
  const people = await createOrganizationWithPeople("LICENSEE");
  await completeLicenseeProfile(people.organization.id, people.owner.user.id);
  return { ...people, organizationId: people.organization.id };
}

/** A work enrolled a year ago by an approved rightsholder: covered whenever a license is. */
async function enrolledWork() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2025-01-05T10:00:00Z") } });
  const isbn = uniqueIsbn();
  const work = await createWork(rightsholder.organization.id, { isbn });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2025-01-10T08:00:00Z") } });
  return isbn;
}

async function fields(admin: Awaited<ReturnType<typeof createStaffActor>>, organizationId: string, overrides: Record<string, string> = {}) {
  const draft = await getManualGrantDraft(admin, organizationId);
  return {
    organizationId, startsOn: draft.startDays[0]!, termMonths: "12", quotedFeeCents: (draft.scheduleFeeCents ?? 0n).toString(),
    invoiceReference: "INV-2026-0042", reason: "Enterprise customer invoiced under its master agreement.", ...overrides,
  };
}

describe("staff grant a license by hand", () => {
  it("grants at the schedule's fee: active today, a manual payment, the receipt, an audit row, and coverage answers covered", async () => {
    const admin = await createStaffActor("ADMIN");
    const { organizationId, owner, organization } = await invoicedLicensee();
    const isbn = await enrolledWork();
    const today = todayUtc();
    expect((await checkCoverage(owner.actor, { organizationId, identifier: isbn, purpose: "TRAIN", date: today })).reason).toBe("NO_ACTIVE_LICENSE");

    const found = await searchLicenseesForManualGrant(admin, { q: organization.name.slice(-6) });
    expect(found.organizations.map((o) => o.id)).toContain(organizationId);
    const draft = await getManualGrantDraft(admin, organizationId);
    const quoted = await quoteLicense({ employeeCount: 120, industryGroup: "TECHNOLOGY", country: "US" });
    expect(draft).toMatchObject({ scheduleFeeCents: quoted.quote.feeCents, startDays: [today], problems: [], canGrant: true });
    expect(draft.scheduleFeeCents).toBe(1_440_000n);

    const { grantId, licenseNumber } = await grantLicenseManually(admin, await fields(admin, organizationId));
    const term = termFrom(today);
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId }, include: { payments: true } });
    expect(grant).toMatchObject({ status: "ACTIVE", feeCents: 1_440_000n, termDays: term.termDays, createdById: admin.userId, priceScheduleId: quoted.schedule.id, quotedIndustryGroup: "TECHNOLOGY", quotedEmployeeCount: 120 });
    expect(licenseNumber).toMatch(/^AITL-\d{4}-[2-9A-HJ-NP-Z]{6}$/);
    expect(grant.verificationCode).toMatch(/^[\w-]{20}$/);
    expect([grant.startsOn?.toISOString().slice(0, 10), grant.endsOn?.toISOString().slice(0, 10)]).toEqual([term.startsOn, term.endsOn]);
    expect(grant.payments).toMatchObject([{ isManual: true, status: "SUCCEEDED", amountCents: 1_440_000n, stripePaymentIntentId: null, paidAt: expect.any(Date) }]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: grantId, action: "license.granted_manually" } });
    expect(audit).toMatchObject({ actorUserId: admin.userId, organizationId, after: { invoiceReference: "INV-2026-0042", feeCents: "1440000", scheduleFeeCents: "1440000", feeOverrideReason: null, reason: "Enterprise customer invoiced under its master agreement." } });
    const mails = await mailsTo(owner.user.email);
    expect(mails.map((m) => m.subject)).toContain(`Your license ${licenseNumber} is active`);
    expect(mails.find((m) => m.subject.includes(licenseNumber))!.text).toContain("$14,400.00");
    expect(await db.notification.count({ where: { userId: owner.user.id, title: `License ${licenseNumber} is active` } })).toBe(1);

    expect(await checkCoverage(owner.actor, { organizationId, identifier: isbn, purpose: "TRAIN", date: today })).toMatchObject({ covered: true, reason: "COVERED" });
    expect((await getLicenseOverview(owner.actor, organizationId)).active).toMatchObject({ id: grantId });
    expect((await getLicenseForStaff(admin, grantId)).manualGrant).toMatchObject({ invoiceReference: "INV-2026-0042", feeOverrideReason: null });

    // Royalties: the distribution run's own rule recognises the fee from the term's first day.
    const client = await pgPool().connect();
    try {
      const rows = await grantRevenueRows(client, quarterOf(today), 1500);
      expect(rows.find((r) => r.grantId === grantId)?.recognised).toBeGreaterThan(0n);
    } finally {
      client.release();
    }
  });

  it("takes an agreed fee only with its reason, asks one for another term, and refuses a price that changed since the form", async () => {
    const admin = await createStaffActor("ADMIN");
    const { organizationId } = await invoicedLicensee();
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { feeOverride: "12,000.00" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { feeOverrideReason: [expect.stringMatching(/Say why the fee differs/)] } });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { termMonths: "24" }))).rejects.toMatchObject({ fieldErrors: { feeOverride: ["The schedule's fee is for 12 months: enter the agreed fee for 24."] } });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { feeOverride: "abc", invoiceReference: " ", reason: "no", termMonths: "40" }))).rejects.toMatchObject({
      fieldErrors: { feeOverride: expect.any(Array), invoiceReference: expect.any(Array), reason: expect.any(Array), termMonths: ["At most 36 months."] },
    });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { quotedFeeCents: "1000" }))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/price changed/) });
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(0);

    const { grantId } = await grantLicenseManually(admin, await fields(admin, organizationId, { feeOverride: "24000", feeOverrideReason: "Two-year contract at the negotiated price.", termMonths: "24" }));
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId }, include: { payments: true } });
    expect(grant).toMatchObject({ feeCents: 2_400_000n, termDays: termFrom(todayUtc(), 24).termDays });
    expect(grant.payments[0]!.amountCents).toBe(2_400_000n);
    expect((await getLicenseForStaff(admin, grantId)).manualGrant).toMatchObject({ scheduleFeeCents: 1_440_000n, feeOverrideReason: "Two-year contract at the negotiated price." });
  });

  it("never overlaps a license held: starting on its end renews it, and other days are refused", async () => {
    const admin = await createStaffActor("ADMIN");
    const { organizationId } = await invoicedLicensee();
    const today = todayUtc();
    const held = await createActiveGrant(organizationId, { startsOn: shift(today, -300), endsOn: shift(today, 65) });
    const heldEnd = shift(today, 65);
    expect((await getManualGrantDraft(admin, organizationId)).startDays).toEqual([today, heldEnd]);

    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: today }))).rejects.toMatchObject({
      fieldErrors: { startsOn: [`License ${held.licenseNumber} covers up to ${formatDay(lastDayOf({ endsOn: heldEnd }))}: start on ${formatDay(heldEnd)} to renew it.`] },
    });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: shift(today, -1) }))).rejects.toMatchObject({ fieldErrors: { startsOn: [expect.stringMatching(/^Not before today/)] } });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: shift(today, 70) }))).rejects.toMatchObject({ fieldErrors: { startsOn: [expect.stringMatching(/^Start today, or on/)] } });

    const { grantId, licenseNumber } = await grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: heldEnd }));
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "ACTIVE", previousGrantId: held.id, startsOn: new Date(`${heldEnd}T00:00:00Z`) });
    // The renewal is now the license held last: the next start offered is its end.
    expect((await getManualGrantDraft(admin, organizationId)).startDays).toEqual([today, termFrom(heldEnd).endsOn]);
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: heldEnd }))).rejects.toMatchObject({ fieldErrors: { startsOn: [expect.stringMatching(new RegExp(`^License ${licenseNumber} covers up to .*: start on .* to renew it\\.$`))] } });
    expect(await db.licenseGrant.count({ where: { organizationId, status: "ACTIVE" } })).toBe(2);

    // A renewal revoked before it starts lets go of the license it renewed: it can be renewed again.
    await revokeLicense(admin, { grantId, expectedEndsOn: termFrom(heldEnd).endsOn, reason: "Granted to the wrong subsidiary." });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "REVOKED", previousGrantId: null });
    const again = await grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: heldEnd }));
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: again.grantId } })).toMatchObject({ previousGrantId: held.id });
  });

  it("holds back while a member's checkout is open, and cancels one left without a session", async () => {
    const admin = await createStaffActor("ADMIN");
    const { organizationId, owner } = await invoicedLicensee();
    const started = await startCheckout(owner.actor, { organizationId });
    await expect(grantLicenseManually(admin, await fields(admin, organizationId))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/A member is paying for license/) });

    await db.licenseGrant.update({ where: { id: started.grantId }, data: { stripeCheckoutSessionId: null } });
    const { grantId } = await grantLicenseManually(admin, await fields(admin, organizationId));
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } })).toMatchObject({ status: "CANCELLED", statusReason: expect.stringMatching(/^Replaced by a license granted by staff/) });
    expect(await db.auditLog.findFirst({ where: { entityId: started.grantId, action: "license.checkout_replaced" } })).toMatchObject({ after: { replacedBy: grantId } });
  });

  it("refuses to renew by invoice a license its subscription renews, and an incomplete profile", async () => {
    const admin = await createStaffActor("ADMIN");
    const people = await createOrganizationWithPeople("LICENSEE");
    const organizationId = people.organization.id;
    await expect(grantLicenseManually(admin, await fields(admin, organizationId))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { organizationId: [expect.stringMatching(/profile is not complete/)] } });
    await completeLicenseeProfile(organizationId, people.owner.user.id);
    const { grantId } = await subscribedLicensee({ organizationId, owner: people.owner });
    const end = (await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).endsOn!.toISOString().slice(0, 10);
    await expect(grantLicenseManually(admin, await fields(admin, organizationId, { startsOn: end }))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/renews automatically/) });
  });

  it("refuses analysts and every organisation role, and writes nothing", async () => {
    const { organizationId, owner, member } = await invoicedLicensee();
    const admin = await createStaffActor("ADMIN");
    const input = await fields(admin, organizationId);
    for (const actor of [await createStaffActor("ANALYST"), owner.actor, member.actor, (await createOrganizationWithPeople("RIGHTSHOLDER")).owner.actor, null]) {
      await expect(grantLicenseManually(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(0);
    await expect(getManualGrantDraft(owner.actor, organizationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
