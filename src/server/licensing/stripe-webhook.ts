import "server-only";
import type Stripe from "stripe";
import { termFrom } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { enqueueMail } from "../mail/outbox";
import { stripeClient, stripeWebhookSecret } from "../stripe/client";
import { licenseReceiptMail, paymentFailedMail } from "./license-mails";

// POST /api/stripe/webhook. The signature is checked on the raw body; only the events listed
// here are taken; each event id is recorded once, in the same transaction as the change it
// causes, so a redelivery (or two at once) changes nothing, and a failure records nothing and is
// answered 500 for Stripe to retry. What changes is decided from the object as Stripe returns it
// now (re-read through the API), never from the event's copy, and grants move only from the
// status each step expects (conditional updates).

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
] as const;
type HandledEvent = (typeof HANDLED_EVENTS)[number];

export type WebhookOutcome =
  | { status: 400; body: { error: string } }
  | { status: 200; body: { received: true; outcome: "processed" | "duplicate" | "ignored" } }
  | { status: 500; body: { error: string } };

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature ?? "", stripeWebhookSecret());
  } catch {
    return { status: 400, body: { error: "The signature does not match the body." } };
  }
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return { status: 200, body: { received: true, outcome: "ignored" } };
  if (await db.stripeEvent.findFirst({ where: { id: event.id, processedAt: { not: null } }, select: { id: true } })) {
    return { status: 200, body: { received: true, outcome: "duplicate" } };
  }
  try {
    const sessionId = (event.data.object as { id: string }).id;
    const session = await stripeClient().checkout.sessions.retrieve(sessionId);
    const applied = await db.$transaction(async (tx) => {
      const recorded = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, processedAt: new Date() }], skipDuplicates: true });
      if (recorded.count === 0) return false;
      await applyCheckoutSession(tx, event.type as HandledEvent, session);
      return true;
    });
    return { status: 200, body: { received: true, outcome: applied ? "processed" : "duplicate" } };
  } catch (error) {
    console.error(`[stripe webhook] ${event.type} ${event.id}:`, error);
    return { status: 500, body: { error: "Not processed; Stripe will send it again." } };
  }
}

async function applyCheckoutSession(tx: Tx, type: HandledEvent, session: Stripe.Checkout.Session): Promise<void> {
  const grant = await tx.licenseGrant.findUnique({
    where: { stripeCheckoutSessionId: session.id },
    include: { organization: { select: { name: true, memberships: { select: { user: { select: { id: true, email: true } } } } } } },
  });
  // A session this portal did not create (another app on the same Stripe account): nothing to do.
  if (!grant) return;
  const recipients = grant.organization.memberships.map((m) => m.user.email);
  const notifyMembers = (title: string, body: string) =>
    tx.notification.createMany({ data: grant.organization.memberships.map((m) => ({ userId: m.user.id, title, body, href: "/licensee" })) });

  if (session.payment_status === "paid" && (type === "checkout.session.completed" || type === "checkout.session.async_payment_succeeded")) {
    // A renewal starts where the license it renews ends (if that is still ahead); otherwise today.
    const previous = grant.previousGrantId ? await tx.licenseGrant.findUnique({ where: { id: grant.previousGrantId }, select: { endsOn: true, status: true } }) : null;
    const previousEnd = previous?.status === "ACTIVE" && previous.endsOn ? previous.endsOn.toISOString().slice(0, 10) : null;
    const today = todayUtc();
    const term = termFrom(previousEnd && previousEnd > today ? previousEnd : today);
    const moved = await tx.licenseGrant.updateMany({
      where: { id: grant.id, status: "PENDING_PAYMENT" },
      data: {
        status: "ACTIVE",
        startsOn: new Date(`${term.startsOn}T00:00:00Z`),
        endsOn: new Date(`${term.endsOn}T00:00:00Z`),
        termDays: term.termDays,
        activatedAt: new Date(),
        statusReason: null,
      },
    });
    if (moved.count === 0) return;
    const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    await tx.payment.create({
      data: {
        grantId: grant.id,
        organizationId: grant.organizationId,
        amountCents: BigInt(session.amount_total ?? 0),
        currency: (session.currency ?? grant.currency).toUpperCase(),
        status: "SUCCEEDED",
        stripePaymentIntentId: paymentIntentId,
        paidAt: new Date(),
      },
    });
    await writeAudit(tx, SYSTEM, {
      action: "license.activated",
      entityType: "LicenseGrant",
      entityId: grant.id,
      organizationId: grant.organizationId,
      before: { status: "PENDING_PAYMENT" },
      after: { status: "ACTIVE", ...term, amountCents: session.amount_total, paymentIntentId, checkoutSessionId: session.id },
    });
    await notifyMembers(`License ${grant.licenseNumber} is active`, `Payment received: the repertoire is covered from ${term.startsOn} for 12 months.`);
    for (const to of recipients) {
      await enqueueMail(tx, licenseReceiptMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, feeCents: grant.feeCents, currency: grant.currency, ...term }));
    }
    return;
  }

  if (type === "checkout.session.async_payment_failed") {
    const moved = await tx.licenseGrant.updateMany({
      where: { id: grant.id, status: "PENDING_PAYMENT" },
      data: { status: "CANCELLED", cancelledAt: new Date(), statusReason: "The bank transfer failed." },
    });
    if (moved.count === 0) return;
    await writeAudit(tx, SYSTEM, {
      action: "license.payment_failed",
      entityType: "LicenseGrant",
      entityId: grant.id,
      organizationId: grant.organizationId,
      before: { status: "PENDING_PAYMENT" },
      after: { status: "CANCELLED", checkoutSessionId: session.id },
    });
    await notifyMembers(`The payment for license ${grant.licenseNumber} failed`, "The bank transfer did not go through; the license is not active. You can pay again.");
    for (const to of recipients) await enqueueMail(tx, paymentFailedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name }));
  }
  // Completed but not paid yet (a bank transfer): the grant waits for async_payment_succeeded.
}
