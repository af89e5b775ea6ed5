import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { suggestedRefundCents } from "@/lib/licensing/refund-rules";
import { todayUtc } from "@/lib/works/work-input";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { getLicenseOverview } from "@/server/licensing/grants.queries";
import { refundLicense } from "@/server/licensing/refund-license";
import { getLicenseForStaff, listLicensesForStaff } from "@/server/licensing/staff-licenses.queries";
import { startCheckout } from "@/server/licensing/start-checkout";
import { stripeClient } from "@/server/stripe/client";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { completeLicenseeProfile, createActiveGrant, deliver, eventsForSession, payOnDouble, subscribedLicensee } from "../factories/licensing";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A licensee whose one-off license is paid by card and active (1,440,000 cents). */
async function paidLicensee() {
  const people = await createOrganizationWithPeople("LICENSEE");
  const organizationId = people.organization.id;
  await completeLicenseeProfile(organizationId, people.owner.user.id);
  const started = await startCheckout(people.owner.actor, { organizationId });
  await payOnDouble(started.url);
  const pending = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
  await deliver((await eventsForSession(pending.stripeCheckoutSessionId!, "checkout.session.completed"))[0]!);
  const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId }, include: { payments: true } });
  const intent = await stripeClient().paymentIntents.retrieve(grant.payments[0]!.stripePaymentIntentId!);
  return { ...people, organizationId, grant, chargeId: intent.latest_charge as string };
}

const refund = (grantId: string, fields: { amount: string; effect: "REVOKE" | "SHORTEN"; endsOn?: string; reason?: string }) =>
  ({ grantId, reason: fields.reason ?? "The licensee closed its AI product line.", requestKey: randomUUID(), ...fields });

describe("staff refunds", () => {
  it("refunds in full and revokes from today: Stripe refunds, one Refund row, REVOKED with endsOn kept, audit, mail, no coverage", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, chargeId, owner, organizationId } = await paidLicensee();
    const detail = await getLicenseForStaff(admin, grant.id);
    expect(detail).toMatchObject({ paidCents: 1_440_000n, refundedCents: 0n, canRefund: true });
    expect(detail.suggestedRevokeCents).toBe(suggestedRefundCents({ paidCents: 1_440_000n, refundedCents: 0n, startsOn: todayUtc(), termDays: grant.termDays!, coverageEndsOn: todayUtc() }));

    const outcome = await refundLicense(admin, refund(grant.id, { amount: "14,400.00", effect: "REVOKE" }));
    expect(outcome.isEffectApplied).toBe(true);
    const charge = await stripeClient().charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 1_440_000, refunded: true });
    const after = await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "REVOKED", revokedAt: expect.any(Date), endsOn: grant.endsOn, statusReason: "The licensee closed its AI product line." });
    expect(after.refunds).toMatchObject([{ amountCents: 1_440_000n, createdById: admin.userId, stripeRefundId: expect.stringMatching(/^re_/), reason: "The licensee closed its AI product line." }]);
    expect(after.refunds[0]!.effectiveOn.toISOString().slice(0, 10)).toBe(todayUtc());
    expect(await db.auditLog.count({ where: { entityId: grant.id, action: "license.refunded" } })).toBe(1);
    expect((await mailsTo(owner.user.email)).map((m) => m.subject)).toContain(`Refund of $14,400.00 for license ${grant.licenseNumber}`);

    // Stripe's charge.refunded for the same refund records nothing more.
    const [refunded] = await eventsForSession(chargeId, "charge.refunded");
    expect((await deliver(refunded!)).body).toMatchObject({ outcome: "processed" });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(1);

    const overview = await getLicenseOverview(owner.actor, organizationId);
    expect(overview).toMatchObject({ active: null, revoked: { id: grant.id } });
    expect(overview.refunds).toMatchObject([{ amountCents: 1_440_000n, licenseNumber: grant.licenseNumber }]);
    const coverage = await checkCoverage(owner.actor, { organizationId, identifier: "978-0-306-40615-7", purpose: "TRAIN", date: todayUtc() });
    expect(coverage).toMatchObject({ covered: false, reason: "NO_ACTIVE_LICENSE" });
    await expect(refundLicense(admin, refund(grant.id, { amount: "1.00", effect: "REVOKE" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refunds part and shortens the term; the second refund's ceiling is what is left", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant } = await paidLicensee();
    const newEnd = shift(todayUtc(), 30);
    await refundLicense(admin, refund(grant.id, { amount: "10000", effect: "SHORTEN", endsOn: newEnd }));
    const after = await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(after).toMatchObject({ status: "ACTIVE", termDays: grant.termDays });
    expect(after.endsOn?.toISOString().slice(0, 10)).toBe(newEnd);
    const detail = await getLicenseForStaff(admin, grant.id);
    expect(detail).toMatchObject({ refundedCents: 1_000_000n, refundableCents: 440_000n });
    expect(detail.history.map((h) => h.action)).toEqual(expect.arrayContaining(["license.activated", "license.refunded"]));

    await expect(refundLicense(admin, refund(grant.id, { amount: "4400.01", effect: "REVOKE" }))).rejects.toMatchObject({
      code: "VALIDATION", fieldErrors: { amount: [expect.stringMatching(/^At most \$4,400\.00/)] },
    });
    await expect(refundLicense(admin, refund(grant.id, { amount: "1", effect: "SHORTEN", endsOn: shift(todayUtc(), -1) }))).rejects.toMatchObject({ fieldErrors: { endsOn: [expect.stringMatching(/Not before today/)] } });
    await expect(refundLicense(admin, refund(grant.id, { amount: "1", effect: "SHORTEN", endsOn: shift(newEnd, 10) }))).rejects.toMatchObject({ fieldErrors: { endsOn: [expect.stringMatching(/Earlier than the current end/)] } });
    await expect(refundLicense(admin, refund(grant.id, { amount: "abc", effect: "SHORTEN", reason: "" }))).rejects.toMatchObject({ fieldErrors: { amount: expect.any(Array), reason: expect.any(Array) } });
    await expect(refundLicense(admin, refund(grant.id, { amount: "1", effect: "SHORTEN" }))).rejects.toMatchObject({ fieldErrors: { endsOn: ["Choose the day the license should end."] } });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(1);
  });

  it("refuses an over-refund with a field error and writes nothing", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, chargeId } = await paidLicensee();
    await expect(refundLicense(admin, refund(grant.id, { amount: "14400.01", effect: "REVOKE" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { amount: expect.any(Array) } });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(0);
    expect((await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).status).toBe("ACTIVE");
    expect((await stripeClient().charges.retrieve(chargeId)).amount_refunded).toBe(0);
  });

  it("writes nothing when Stripe refuses, and records a refund made in Stripe's dashboard once, changing no grant", async () => {
    const admin = await createStaffActor("ADMIN");
    const { grant, chargeId } = await paidLicensee();
    // Refunded in the dashboard, and its webhook not here yet: the portal still thinks all is refundable.
    const dashboard = await stripeClient().refunds.create({ charge: chargeId, amount: 1_400_000 });
    await expect(refundLicense(admin, refund(grant.id, { amount: "1000.00", effect: "REVOKE" }))).rejects.toMatchObject({
      code: "VALIDATION", message: expect.stringMatching(/^Stripe refused the refund/), fieldErrors: { amount: expect.any(Array) },
    });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(0);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "ACTIVE", endsOn: grant.endsOn });

    const [refunded] = await eventsForSession(chargeId, "charge.refunded");
    const outcomes = await Promise.all([deliver(refunded!), deliver(refunded!), deliver(refunded!)]);
    expect(outcomes.filter((o) => o.status === 200 && o.body.outcome === "processed")).toHaveLength(1);
    const rows = await db.refund.findMany({ where: { grantId: grant.id } });
    expect(rows).toMatchObject([{ stripeRefundId: dashboard.id, amountCents: 1_400_000n, reason: "Refunded in Stripe", createdById: null }]);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "ACTIVE", endsOn: grant.endsOn });

    // Staff then decide the license's fate without moving money (0.00), within what is left.
    await expect(refundLicense(admin, refund(grant.id, { amount: "400.01", effect: "REVOKE" }))).rejects.toMatchObject({ fieldErrors: { amount: expect.any(Array) } });
    await refundLicense(admin, refund(grant.id, { amount: "0.00", effect: "REVOKE" }));
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "REVOKED" });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(1);
  });

  it("records the refund of an invoice paid outside Stripe without calling Stripe, once", async () => {
    const admin = await createStaffActor("ADMIN");
    const people = await createOrganizationWithPeople("LICENSEE");
    const grant = await createActiveGrant(people.organization.id, { startsOn: todayUtc(), endsOn: shift(todayUtc(), 365), withPayment: false });
    await db.payment.create({ data: { grantId: grant.id, organizationId: people.organization.id, amountCents: 450_000n, status: "SUCCEEDED", isManual: true, paidAt: new Date() } });
    const form = refund(grant.id, { amount: "1,000.00", effect: "SHORTEN", endsOn: shift(todayUtc(), 100), reason: "Seats reduced; returned by bank transfer." });
    const outcome = await refundLicense(admin, form);
    expect(outcome).toMatchObject({ isEffectApplied: true, refundId: expect.any(String) });
    const after = await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id }, include: { refunds: true } });
    expect(after.refunds).toMatchObject([{ amountCents: 100_000n, stripeRefundId: null, createdById: admin.userId }]);
    expect(after.endsOn!.toISOString().slice(0, 10)).toBe(shift(todayUtc(), 100));
    // The same form again: the license is no longer what it showed (its end moved), so nothing is
    // refunded twice; a submission racing the first fails on the grant's conditional update instead.
    await expect(refundLicense(admin, form)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { endsOn: [expect.any(String)] } });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(1);
    await expect(refundLicense(admin, refund(grant.id, { amount: "4,000.00", effect: "REVOKE" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { amount: [expect.stringMatching(/At most/)] } });
  });

  it("cancels the subscription of a license that renews automatically when it is revoked", async () => {
    const admin = await createStaffActor("ADMIN");
    const people = await createOrganizationWithPeople("LICENSEE");
    await completeLicenseeProfile(people.organization.id, people.owner.user.id);
    const { grantId, subscriptionId } = await subscribedLicensee({ organizationId: people.organization.id, owner: people.owner });
    await refundLicense(admin, refund(grantId, { amount: "500", effect: "REVOKE" }));
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ status: "canceled" });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "REVOKED", autoRenew: false });
    await deliver((await eventsForSession(subscriptionId, "customer.subscription.deleted"))[0]!);
    expect((await mailsTo(people.owner.user.email)).map((m) => m.subject).join()).not.toMatch(/no longer renew automatically/);
  });

  it("lists licenses for staff, searchable by license number or organisation", async () => {
    const analyst = await createStaffActor("ANALYST");
    const { grant, organization } = await paidLicensee();
    const byNumber = await listLicensesForStaff(analyst, { q: grant.licenseNumber.toLowerCase() });
    expect(byNumber.licenses).toMatchObject([{ id: grant.id, paidCents: 1_440_000n, refundedCents: 0n, organization: { name: organization.name } }]);
    expect((await listLicensesForStaff(analyst, { q: organization.name })).licenses.map((l) => l.id)).toEqual([grant.id]);
    expect((await getLicenseForStaff(analyst, grant.id)).canRefund).toBe(false);
  });
});
