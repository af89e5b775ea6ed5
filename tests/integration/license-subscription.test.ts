import { describe, expect, it } from "vitest";
import { termFrom } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { db } from "@/server/db";
import { getLicenseOverview } from "@/server/licensing/grants.queries";
import { runLicenseLifecycle } from "@/server/licensing/run-license-lifecycle";
import { setAutoRenew } from "@/server/licensing/set-auto-renew";
import { startCheckout } from "@/server/licensing/start-checkout";
import { handleStripeWebhook } from "@/server/licensing/stripe-webhook";
import { stripeClient } from "@/server/stripe/client";
import { createOrganizationWithPeople, mailsTo } from "../factories";
import { advanceSubscription, completeLicenseeProfile, createActiveGrant, deliver, eventsForSession, payOnDouble, signedDelivery, subscribedLicensee } from "../factories/licensing";

async function readyLicensee() {
  const people = await createOrganizationWithPeople("LICENSEE");
  await completeLicenseeProfile(people.organization.id, people.owner.user.id);
  return { ...people, organizationId: people.organization.id };
}

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayOf = (d: Date | null) => d?.toISOString().slice(0, 10);
const subjects = async (email: string) => (await mailsTo(email)).map((m) => m.subject);

describe("buying the license as a yearly subscription", () => {
  it("activates the grant once, with one Payment, however checkout.session.completed and invoice.paid arrive", async () => {
    const { organizationId, owner, member } = await readyLicensee();
    const started = await startCheckout(member.actor, { organizationId, autoRenew: true });
    const pending = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
    expect(pending).toMatchObject({ status: "PENDING_PAYMENT", autoRenew: true });
    const opened = await stripeClient().checkout.sessions.retrieve(pending.stripeCheckoutSessionId!);
    expect(opened).toMatchObject({ mode: "subscription", amount_total: 1_440_000, status: "open" });
    // The one-off button reuses nothing of the subscription's checkout: its own pending grant.
    expect((await startCheckout(member.actor, { organizationId })).grantId).not.toBe(started.grantId);

    expect((await payOnDouble(started.url)).status).toBe(303);
    const session = await stripeClient().checkout.sessions.retrieve(opened.id);
    const subscriptionId = session.subscription as string;
    const invoice = await stripeClient().invoices.retrieve(session.invoice as string);
    expect(invoice).toMatchObject({ billing_reason: "subscription_create", status: "paid", amount_paid: 1_440_000 });
    expect((await db.licenseGrant.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING_PAYMENT");

    const [paid] = await eventsForSession(invoice.id!, "invoice.paid");
    const [completed] = await eventsForSession(session.id, "checkout.session.completed");
    // invoice.paid three times at once, checkout.session.completed among them, then once more late.
    const outcomes = await Promise.all([deliver(paid!), deliver(completed!), deliver(paid!), deliver(paid!)]);
    outcomes.push(await deliver(completed!));
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
    expect(outcomes.filter((o) => o.status === 200 && o.body.outcome === "processed")).toHaveLength(2);

    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: pending.id }, include: { payments: true } });
    const term = termFrom(todayUtc());
    expect(grant).toMatchObject({ status: "ACTIVE", autoRenew: true, stripeSubscriptionId: subscriptionId, termDays: term.termDays });
    expect(dayOf(grant.endsOn)).toBe(term.endsOn);
    expect(grant.payments).toMatchObject([{ amountCents: 1_440_000n, status: "SUCCEEDED", stripeInvoiceId: invoice.id, stripePaymentIntentId: expect.stringMatching(/^pi_/), stripeChargeId: expect.stringMatching(/^ch_/) }]);
    expect(await db.auditLog.count({ where: { entityId: grant.id, action: "license.activated" } })).toBe(1);
    expect((await subjects(owner.user.email)).filter((s) => s === `Your license ${grant.licenseNumber} is active`)).toHaveLength(1);

    const overview = await getLicenseOverview(owner.actor, organizationId);
    expect(overview).toMatchObject({ renewsAutomaticallyOn: term.endsOn, canRenew: false });
    await expect(startCheckout(owner.actor, { organizationId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/renews automatically/) });
  });

  it("chains exactly one next grant, starting where the last ends, when the yearly charge clears", async () => {
    const people = await readyLicensee();
    const { grantId, subscriptionId } = await subscribedLicensee(people);
    const first = await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } });

    const { invoice } = await advanceSubscription(subscriptionId);
    const [paid] = await eventsForSession(invoice!.id, "invoice.paid");
    const outcomes = await Promise.all([deliver(paid!), deliver(paid!), deliver(paid!)]);
    expect(outcomes.filter((o) => o.status === 200 && o.body.outcome === "processed")).toHaveLength(1);
    await deliver(paid!);

    const next = await db.licenseGrant.findUniqueOrThrow({ where: { previousGrantId: first.id }, include: { payments: true } });
    const term = termFrom(dayOf(first.endsOn)!);
    expect(next).toMatchObject({ status: "ACTIVE", autoRenew: true, stripeSubscriptionId: subscriptionId, feeCents: 1_440_000n, planId: first.planId, termDays: term.termDays });
    expect(dayOf(next.startsOn)).toBe(dayOf(first.endsOn));
    expect(dayOf(next.endsOn)).toBe(term.endsOn);
    expect(next.payments).toMatchObject([{ stripeInvoiceId: invoice!.id, amountCents: 1_440_000n }]);
    expect(await db.licenseGrant.count({ where: { organizationId: people.organizationId, status: "ACTIVE" } })).toBe(2);
    expect((await subjects(people.owner.user.email))).toContain(`Your license ${next.licenseNumber} is active`);

    const overview = await getLicenseOverview(people.owner.actor, people.organizationId);
    expect(overview).toMatchObject({ active: { id: first.id }, upcoming: { id: next.id }, renewsAutomaticallyOn: term.endsOn });

    // A second year chains to the second grant.
    const second = await advanceSubscription(subscriptionId);
    await deliver((await eventsForSession(second.invoice!.id, "invoice.paid"))[0]!);
    const third = await db.licenseGrant.findUniqueOrThrow({ where: { previousGrantId: next.id } });
    expect(dayOf(third.startsOn)).toBe(term.endsOn);
  });

  it("asks Stripe to send a renewal again (500, nothing written) while the subscription's start is not applied yet", async () => {
    const { organizationId, owner } = await readyLicensee();
    const started = await startCheckout(owner.actor, { organizationId, autoRenew: true });
    await payOnDouble(started.url);
    const session = await stripeClient().checkout.sessions.retrieve((await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } })).stripeCheckoutSessionId!);
    const { invoice } = await advanceSubscription(session.subscription as string);
    const [cycle] = await eventsForSession(invoice!.id, "invoice.paid");
    expect((await deliver(cycle!)).status).toBe(500);
    expect(await db.stripeEvent.count({ where: { id: cycle!.id } })).toBe(0);
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(1);

    await deliver((await eventsForSession(session.invoice as string, "invoice.paid"))[0]!);
    expect((await deliver(cycle!)).body).toMatchObject({ outcome: "processed" });
    expect(await db.licenseGrant.count({ where: { organizationId, status: "ACTIVE" } })).toBe(2);
  });
});

describe("auto-renewal for a license already paid for", () => {
  it("saves a card with a trial until the license ends, tells members of each failed renewal charge, and stops after the last", async () => {
    const { organizationId, owner } = await readyLicensee();
    const endsOn = shift(todayUtc(), 40);
    const grant = await createActiveGrant(organizationId, { startsOn: shift(endsOn, -365), endsOn });
    const { url } = await setAutoRenew(owner.actor, { organizationId, enabled: true });
    // The card attaches, but every charge to it fails (Stripe's 4000 0000 0000 0341).
    expect((await payOnDouble(url, { card: "4000 0000 0000 0341" })).status).toBe(303);
    const sessionId = new URL(url).pathname.split("/").pop()!;
    const session = await stripeClient().checkout.sessions.retrieve(sessionId);
    const subscriptionId = session.subscription as string;
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ status: "trialing", trial_end: Date.parse(`${endsOn}T00:00:00Z`) / 1000 });
    await Promise.all([
      ...(await eventsForSession(sessionId, "checkout.session.completed")).map(deliver),
      ...(await eventsForSession(session.invoice as string, "invoice.paid")).map(deliver),
    ]);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ autoRenew: true, stripeSubscriptionId: subscriptionId });
    expect(await db.payment.count({ where: { grantId: grant.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: owner.user.id, title: `License ${grant.licenseNumber} renews automatically` } })).toBe(1);
    expect((await getLicenseOverview(owner.actor, organizationId)).renewsAutomaticallyOn).toBe(endsOn);

    const attempt = await advanceSubscription(subscriptionId);
    const [failed] = await eventsForSession(attempt.invoice!.id, "invoice.payment_failed");
    await Promise.all([deliver(failed!), deliver(failed!)]);
    expect((await subjects(owner.user.email)).filter((s) => s === `The renewal payment for license ${grant.licenseNumber} failed`)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: owner.user.id, title: `The renewal payment for license ${grant.licenseNumber} failed` } })).toBe(1);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "ACTIVE", autoRenew: true });

    await advanceSubscription(subscriptionId);
    await advanceSubscription(subscriptionId);
    for (const event of await eventsForSession(attempt.invoice!.id, "invoice.payment_failed")) await deliver(event);
    const [deleted] = await eventsForSession(subscriptionId, "customer.subscription.deleted");
    await Promise.all([deliver(deleted!), deliver(deleted!)]);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ status: "ACTIVE", autoRenew: false });
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(1);
    const mails = await mailsTo(owner.user.email);
    expect(mails.filter((m) => m.subject === `License ${grant.licenseNumber} will no longer renew automatically`)).toHaveLength(1);
    expect(mails.some((m) => /That was the last attempt/.test(m.text))).toBe(true);
  });

  it("turns off at the period end through the SDK, can be turned on again before then, and no mail when Stripe deletes it later", async () => {
    const people = await readyLicensee();
    const { grantId, subscriptionId } = await subscribedLicensee(people);
    await setAutoRenew(people.owner.actor, { organizationId: people.organizationId, enabled: false });
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ cancel_at_period_end: true, status: "active" });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ autoRenew: false });
    expect((await getLicenseOverview(people.owner.actor, people.organizationId)).renewsAutomaticallyOn).toBeNull();

    const resumed = await setAutoRenew(people.owner.actor, { organizationId: people.organizationId, enabled: true });
    expect(resumed.url).toMatch(/\/licensee$/);
    expect(await stripeClient().subscriptions.retrieve(subscriptionId)).toMatchObject({ cancel_at_period_end: false });
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ autoRenew: true });

    await setAutoRenew(people.owner.actor, { organizationId: people.organizationId, enabled: false });
    await advanceSubscription(subscriptionId);
    await deliver((await eventsForSession(subscriptionId, "customer.subscription.deleted"))[0]!);
    expect(await db.licenseGrant.count({ where: { organizationId: people.organizationId } })).toBe(1);
    expect((await subjects(people.owner.user.email)).join()).not.toMatch(/no longer renew automatically/);
    await expect(setAutoRenew(people.owner.actor, { organizationId: people.organizationId, enabled: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("reminds 30 days before the end that the license renews automatically, with no renew offer", async () => {
    const { organizationId, owner } = await readyLicensee();
    const today = todayUtc();
    const endsOn = shift(today, 25);
    const grant = await createActiveGrant(organizationId, { startsOn: shift(endsOn, -365), endsOn });
    await db.licenseGrant.update({ where: { id: grant.id }, data: { autoRenew: true, stripeSubscriptionId: `sub_reminder_${grant.id}` } });
    await runLicenseLifecycle(today);
    const mails = (await mailsTo(owner.user.email)).filter((m) => m.template.startsWith("license-auto-renewal"));
    expect(mails.map((m) => m.subject)).toEqual([`License ${grant.licenseNumber} renews automatically in 25 days`]);
    expect(mails[0]!.text).not.toMatch(/Renew here/);
    expect(await getLicenseOverview(owner.actor, organizationId)).toMatchObject({ canRenew: false, renewsAutomaticallyOn: endsOn });
  });
});

describe("the end of an auto-renewing license", () => {
  it("ends it on its last day without an ended mail: the renewal charge chains the next grant to that end all the same", async () => {
    const people = await readyLicensee();
    const { grantId, subscriptionId } = await subscribedLicensee(people);
    const endsOn = todayUtc();
    await db.licenseGrant.update({ where: { id: grantId }, data: { startsOn: new Date(`${shift(endsOn, -365)}T00:00:00Z`), endsOn: new Date(`${endsOn}T00:00:00Z`) } });
    await runLicenseLifecycle(endsOn);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "EXPIRED" });
    expect((await subjects(people.owner.user.email)).join()).not.toMatch(/has ended/);

    const { invoice } = await advanceSubscription(subscriptionId);
    await deliver((await eventsForSession(invoice!.id, "invoice.paid"))[0]!);
    const next = await db.licenseGrant.findUniqueOrThrow({ where: { previousGrantId: grantId } });
    expect(dayOf(next.startsOn)).toBe(endsOn);
    expect((await getLicenseOverview(people.owner.actor, people.organizationId)).active?.id).toBe(next.id);
  });
});

describe("the webhook and the new events", () => {
  it("writes nothing for an invoice.paid with a bad signature", async () => {
    const people = await readyLicensee();
    const started = await startCheckout(people.owner.actor, { organizationId: people.organizationId, autoRenew: true });
    await payOnDouble(started.url);
    const session = await stripeClient().checkout.sessions.retrieve((await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } })).stripeCheckoutSessionId!);
    const [paid] = await eventsForSession(session.invoice as string, "invoice.paid");
    const forged = signedDelivery(paid!, "whsec_not_the_right_secret");
    expect(await handleStripeWebhook(forged.payload, forged.signature)).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(JSON.stringify({ ...paid, id: "evt_tampered" }), signedDelivery(paid!).signature)).toMatchObject({ status: 400 });
    expect(await db.stripeEvent.count({ where: { id: { in: [paid!.id, "evt_tampered"] } } })).toBe(0);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } })).toMatchObject({ status: "PENDING_PAYMENT" });
    expect(await db.payment.count({ where: { grantId: started.grantId } })).toBe(0);
  });
});
