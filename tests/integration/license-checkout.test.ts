import { describe, expect, it } from "vitest";
import { termFrom } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/server/db";
import { getCheckoutOutcome, getLicenseOverview } from "@/server/licensing/grants.queries";
import { startCheckout } from "@/server/licensing/start-checkout";
import { handleStripeWebhook } from "@/server/licensing/stripe-webhook";
import { stripeClient } from "@/server/stripe/client";
import { createOrganizationWithPeople, mailsTo } from "../factories";
import { completeLicenseeProfile, deliver, eventsForSession, payOnDouble, signedDelivery, waitForEvent } from "../factories/licensing";

async function readyLicensee() {
  const people = await createOrganizationWithPeople("LICENSEE");
  await completeLicenseeProfile(people.organization.id, people.owner.user.id);
  return { ...people, organizationId: people.organization.id };
}

const grantOf = (id: string) => db.licenseGrant.findUniqueOrThrow({ where: { id }, include: { payments: true } });

describe("buying the license with Stripe Checkout", () => {
  it("activates the grant for 12 months from the day the card payment clears, once, with a payment, an audit row and a receipt", async () => {
    const { organizationId, member, owner } = await readyLicensee();
    const started = await startCheckout(member.actor, { organizationId });
    const pending = await grantOf(started.grantId);
    expect(pending).toMatchObject({ status: "PENDING_PAYMENT", feeCents: 1_440_000n, quotedEmployeeCount: 120, quotedIndustryGroup: "TECHNOLOGY", quotedCountry: "US" });
    expect(pending.licenseNumber).toMatch(/^AITL-\d{4}-[2-9A-HJ-NP-Z]{6}$/);
    const session = await stripeClient().checkout.sessions.retrieve(pending.stripeCheckoutSessionId!);
    expect(session).toMatchObject({ amount_total: 1_440_000, currency: "usd", client_reference_id: pending.id, status: "open" });

    // Clicking "Buy" again goes back to the same open session.
    expect(await startCheckout(owner.actor, { organizationId })).toEqual(started);
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(1);

    const paid = await payOnDouble(started.url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toContain(`/licensee/license/success?session_id=${session.id}`);
    // The redirect alone changes nothing: the grant waits for the webhook.
    expect((await grantOf(pending.id)).status).toBe("PENDING_PAYMENT");

    const [completed] = await eventsForSession(session.id, "checkout.session.completed");
    expect(await deliver(completed!)).toEqual({ status: 200, body: { received: true, outcome: "processed" } });
    const active = await grantOf(pending.id);
    const term = termFrom(todayUtc());
    expect(active).toMatchObject({ status: "ACTIVE", termDays: term.termDays });
    expect(active.startsOn?.toISOString().slice(0, 10)).toBe(term.startsOn);
    expect(active.endsOn?.toISOString().slice(0, 10)).toBe(term.endsOn);
    expect(active.payments).toMatchObject([{ amountCents: 1_440_000n, status: "SUCCEEDED", stripePaymentIntentId: expect.stringMatching(/^pi_/) }]);
    expect(await db.auditLog.count({ where: { entityId: pending.id, action: "license.activated" } })).toBe(1);
    expect((await mailsTo(owner.user.email)).map((m) => m.subject)).toContain(`Your license ${pending.licenseNumber} is active`);

    // Redelivered, or delivered twice at once: nothing changes.
    expect((await deliver(completed!)).body).toMatchObject({ outcome: "duplicate" });
    expect(await db.payment.count({ where: { grantId: pending.id } })).toBe(1);

    const overview = await getLicenseOverview(member.actor, organizationId);
    expect(overview.active?.licenseNumber).toBe(pending.licenseNumber);
    expect((await getCheckoutOutcome(member.actor, organizationId, session.id)).status).toBe("ACTIVE");
    await expect(startCheckout(owner.actor, { organizationId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/holds license .*; its renewal opens on/) });
  });

  it("takes two deliveries of one event at once as one", async () => {
    const { organizationId, owner } = await readyLicensee();
    const started = await startCheckout(owner.actor, { organizationId });
    await payOnDouble(started.url);
    const grant = await grantOf(started.grantId);
    const [completed] = await eventsForSession(grant.stripeCheckoutSessionId!, "checkout.session.completed");
    const outcomes = await Promise.all([deliver(completed!), deliver(completed!), deliver(completed!)]);
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200]);
    expect(outcomes.filter((o) => o.status === 200 && o.body.outcome === "processed")).toHaveLength(1);
    expect(await db.payment.count({ where: { grantId: grant.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: grant.id, action: "license.activated" } })).toBe(1);
  });

  it("waits for a bank transfer to clear, and cancels the grant when it fails", async () => {
    const { organizationId, owner } = await readyLicensee();
    const started = await startCheckout(owner.actor, { organizationId });
    await payOnDouble(started.url, { method: "transfer" });
    const sessionId = (await grantOf(started.grantId)).stripeCheckoutSessionId!;
    const [completed] = await eventsForSession(sessionId, "checkout.session.completed");
    expect((await deliver(completed!)).body).toMatchObject({ outcome: "processed" });
    expect((await grantOf(started.grantId)).status).toBe("PENDING_PAYMENT");
    await expect(startCheckout(owner.actor, { organizationId })).rejects.toMatchObject({ message: expect.stringMatching(/being confirmed/) });
    await deliver(await waitForEvent(sessionId, "checkout.session.async_payment_succeeded"));
    expect((await grantOf(started.grantId)).status).toBe("ACTIVE");

    const failing = await readyLicensee();
    const second = await startCheckout(failing.owner.actor, { organizationId: failing.organizationId });
    await payOnDouble(second.url, { method: "transfer", card: "4000 0000 0000 0341" });
    const secondSession = (await grantOf(second.grantId)).stripeCheckoutSessionId!;
    await deliver(await waitForEvent(secondSession, "checkout.session.async_payment_failed"));
    expect(await grantOf(second.grantId)).toMatchObject({ status: "CANCELLED", statusReason: "The bank transfer failed." });
    expect((await mailsTo(failing.owner.user.email)).map((m) => m.subject).join()).toMatch(/did not go through/);
    // A new attempt is a new grant.
    const retry = await startCheckout(failing.owner.actor, { organizationId: failing.organizationId });
    expect(retry.grantId).not.toBe(second.grantId);
  });

  it("keeps the session open when the card is declined", async () => {
    const { organizationId, owner } = await readyLicensee();
    const started = await startCheckout(owner.actor, { organizationId });
    const declined = await payOnDouble(started.url, { card: "4000 0000 0000 0002" });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined");
    expect((await stripeClient().checkout.sessions.retrieve((await grantOf(started.grantId)).stripeCheckoutSessionId!)).status).toBe("open");
  });

  it("refuses to start without a complete profile", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    await expect(startCheckout(owner.actor, { organizationId: organization.id })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/Complete the organisation profile/) });
    expect(await db.licenseGrant.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});

describe("the Stripe webhook route", () => {
  it("answers 400 to a bad signature and 200 to events it does not handle, changing nothing", async () => {
    const { payload } = signedDelivery({ id: "evt_forged", type: "checkout.session.completed", data: { object: { id: "cs_test_x" } } });
    expect(await handleStripeWebhook(payload, "t=1,v1=deadbeef")).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(payload, null)).toMatchObject({ status: 400 });
    const other = signedDelivery({ id: "evt_other_type", object: "event", type: "customer.created", data: { object: { id: "cus_1" } } });
    expect(await handleStripeWebhook(other.payload, other.signature)).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await db.stripeEvent.count({ where: { id: { in: ["evt_forged", "evt_other_type"] } } })).toBe(0);
  });

  it("answers 500 when Stripe does not know the session, so Stripe retries, and records nothing", async () => {
    const unknown = signedDelivery({ id: "evt_unknown_session", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_test_unknown" } } });
    const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: unknown.payload, headers: { "stripe-signature": unknown.signature } }));
    expect(response.status).toBe(500);
    expect(await db.stripeEvent.count({ where: { id: "evt_unknown_session" } })).toBe(0);
  });
});
