// Licensing helpers: a licensee ready to buy, paying on the Stripe test double's hosted page as
// a person would, and Stripe's events handed to the webhook signed as the double signs them.
import Stripe from "stripe";
import { db } from "@/server/db";
import { DOUBLE_WEBHOOK_SECRET } from "@/server/stripe/double-webhook-secret";
import { stripeClient } from "@/server/stripe/client";
import type { UserActor } from "@/server/auth/actor";
import { startCheckout } from "@/server/licensing/start-checkout";
import { handleStripeWebhook } from "@/server/licensing/stripe-webhook";
import { ensureLicensePlan } from "./pricing";

export async function completeLicenseeProfile(organizationId: string, userId: string, overrides: { employeeCount?: number; country?: string } = {}) {
  await ensureLicensePlan();
  await db.licenseeProfile.update({
    where: { organizationId },
    data: {
      legalName: "Test AI Labs Inc.", country: overrides.country ?? "US", industryGroup: "TECHNOLOGY", employeeCount: overrides.employeeCount ?? 120,
      aiSystemsDescription: "A support assistant fine-tuned on manuals, offered to customers.", lawfulContentAttestedAt: new Date(), attestedById: userId,
    },
  });
}

/** Submits the double's checkout form; `card` 4242… pays, 4000…0002 is declined; `transfer` settles later. */
export async function payOnDouble(checkoutUrl: string, how: { card?: string; method?: "card" | "transfer" } = {}) {
  const body = new URLSearchParams({ card: how.card ?? "4242 4242 4242 4242", method: how.method ?? "card" });
  return fetch(`${checkoutUrl}/pay`, { method: "POST", body, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
}

/** The double's events about one Checkout Session, oldest first. */
export async function eventsForSession(sessionId: string, type?: string): Promise<Stripe.Event[]> {
  const events = await stripeClient().events.list({ limit: 100, ...(type ? { type } : {}) });
  return events.data.filter((e) => (e.data.object as { id?: string }).id === sessionId).reverse();
}

const signer = new Stripe("sk_test_signer");
export function signedDelivery(event: object, secret = DOUBLE_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
}

export async function deliver(event: Stripe.Event) {
  const { payload, signature } = signedDelivery(event);
  return handleStripeWebhook(payload, signature);
}

/** Waits for the double's delayed event (a bank transfer settling). */
export async function waitForEvent(sessionId: string, type: string, timeoutMs = 5_000): Promise<Stripe.Event> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [event] = await eventsForSession(sessionId, type);
    if (event) return event;
    if (Date.now() > until) throw new Error(`No ${type} for ${sessionId}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An issued (active) grant, as the webhook leaves one, without going through Stripe. */
export async function createActiveGrant(organizationId: string, options: { startsOn?: string; endsOn?: string; withPayment?: boolean } = {}) {
  const plan = await ensureLicensePlan();
  const schedule = await db.priceSchedule.findFirstOrThrow({ where: { planId: plan.id }, orderBy: { effectiveFrom: "asc" } });
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, "X");
  const startsOn = options.startsOn ?? "2026-01-15";
  const endsOn = options.endsOn ?? "2027-01-15";
  return db.licenseGrant.create({
    data: {
      licenseNumber: `AITL-TEST-${suffix}`,
      verificationCode: `verify${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`,
      organizationId, planId: plan.id, priceScheduleId: schedule.id, status: "ACTIVE", feeCents: 450_000n,
      quotedEmployeeCount: 20, quotedIndustryGroup: "OTHER", quotedCountry: "US",
      startsOn: new Date(`${startsOn}T00:00:00Z`), endsOn: new Date(`${endsOn}T00:00:00Z`),
      termDays: Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000), activatedAt: new Date(`${startsOn}T09:00:00Z`),
      ...(options.withPayment === false ? {} : { payments: { create: { organizationId, amountCents: 450_000n, status: "SUCCEEDED", paidAt: new Date(`${startsOn}T09:00:00Z`), stripePaymentIntentId: `pi_test_${suffix}${Date.now()}` } } }),
    },
  });
}

/** Runs the next step of a subscription's life on the double (its test helper): a renewal charge, a retry, or its end. */
export async function advanceSubscription(subscriptionId: string): Promise<{ invoice: { id: string; status: string } | null }> {
  const response = await fetch(`${process.env.STRIPE_DOUBLE_URL}/v1/test_helpers/subscriptions/${subscriptionId}/advance`, {
    method: "POST", headers: { authorization: "Bearer sk_test_local_double" },
  });
  if (!response.ok) throw new Error(`advance ${subscriptionId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { invoice: { id: string; status: string } | null };
}

/** A licensee that bought the license with auto-renewal on and paid by card: the grant is active. */
export async function subscribedLicensee(people: { organizationId: string; owner: { actor: UserActor } }) {
  const started = await startCheckout(people.owner.actor, { organizationId: people.organizationId, autoRenew: true });
  await payOnDouble(started.url);
  const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
  const session = await stripeClient().checkout.sessions.retrieve(grant.stripeCheckoutSessionId!);
  const subscriptionId = session.subscription as string;
  const firstInvoiceId = session.invoice as string;
  for (const event of [...(await eventsForSession(session.id, "checkout.session.completed")), ...(await eventsForSession(firstInvoiceId, "invoice.paid"))]) await deliver(event);
  return { grantId: started.grantId, sessionId: session.id, subscriptionId, firstInvoiceId };
}
