import "server-only";
import type Stripe from "stripe";
import { db } from "../db";
import { stripeClient, stripeWebhookSecret } from "../stripe/client";
import { chargeRefundedStep } from "./webhook/charge-events";
import { checkoutStep } from "./webhook/checkout-events";
import { invoiceStep } from "./webhook/invoice-events";
import { subscriptionDeletedStep } from "./webhook/subscription-events";
import type { WebhookStep } from "./webhook/webhook-step";

// POST /api/stripe/webhook. The signature is checked on the raw body; only the events listed
// here are taken; each event id is recorded once, in the same transaction as the change it
// causes, so a redelivery (or two at once) changes nothing, and a failure records nothing and is
// answered 500 for Stripe to retry. What changes is decided from the objects as Stripe returns
// them now (re-read through the API, before the transaction), never from the event's copy, and
// grants move only from the state each step expects (conditional updates). The steps per event
// family live in ./webhook/ (docs/decisions/011 and 012).

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "invoice.paid",
  "invoice.payment_failed",
  "customer.subscription.deleted",
  "charge.refunded",
] as const;
type HandledEvent = (typeof HANDLED_EVENTS)[number];

export type WebhookOutcome =
  | { status: 400; body: { error: string } }
  | { status: 200; body: { received: true; outcome: "processed" | "duplicate" | "ignored" } }
  | { status: 500; body: { error: string } };

const isHandled = (type: string): type is HandledEvent => (HANDLED_EVENTS as readonly string[]).includes(type);

function stepFor(type: HandledEvent, objectId: string): Promise<WebhookStep> {
  switch (type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
      return checkoutStep(type, objectId);
    case "invoice.paid":
    case "invoice.payment_failed":
      return invoiceStep(type, objectId);
    case "customer.subscription.deleted":
      return subscriptionDeletedStep(objectId);
    case "charge.refunded":
      return chargeRefundedStep(objectId);
  }
}

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature ?? "", stripeWebhookSecret());
  } catch {
    return { status: 400, body: { error: "The signature does not match the body." } };
  }
  const type = event.type;
  if (!isHandled(type)) return { status: 200, body: { received: true, outcome: "ignored" } };
  if (await db.stripeEvent.findFirst({ where: { id: event.id, processedAt: { not: null } }, select: { id: true } })) {
    return { status: 200, body: { received: true, outcome: "duplicate" } };
  }
  try {
    const step = await stepFor(type, (event.data.object as { id: string }).id);
    const applied = await db.$transaction(async (tx) => {
      const recorded = await tx.stripeEvent.createMany({ data: [{ id: event.id, type, processedAt: new Date() }], skipDuplicates: true });
      if (recorded.count === 0) return null;
      return { followUp: await step.apply(tx) };
    });
    // After the commit: a Stripe call the change asked for. If it fails, the change stands and
    // the failure is logged; the event is not processed twice.
    if (applied?.followUp) await applied.followUp().catch((error: unknown) => console.error(`[stripe webhook] follow-up of ${type} ${event.id}:`, error));
    return { status: 200, body: { received: true, outcome: applied ? "processed" : "duplicate" } };
  } catch (error) {
    console.error(`[stripe webhook] ${type} ${event.id}:`, error);
    return { status: 500, body: { error: "Not processed; Stripe will send it again." } };
  }
}
