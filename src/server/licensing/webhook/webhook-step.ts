import "server-only";
import type Stripe from "stripe";
import type { Tx } from "../../db";

/**
 * One event's work, split where the house rule splits it: `apply` runs inside the transaction
 * that records the event id (database only); what it returns runs after the commit (a call to
 * Stripe, such as cancelling a subscription that a double purchase created).
 */
export type WebhookStep = { apply: (tx: Tx) => Promise<void | (() => Promise<void>)> };

/** Thrown when the event can't be applied yet (an earlier event still missing): answered 500, so Stripe sends it again. */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}

export const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

/** The subscription an invoice bills (API 2025-03-31 and later: under parent.subscription_details). */
export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}

/** The payment intent and charge that paid an invoice (its `payments`, retrieved expanded). */
export function invoicePaymentIds(invoice: Stripe.Invoice): { paymentIntentId: string | null; chargeId: string | null } {
  const paid = invoice.payments?.data.find((p) => p.status === "paid") ?? invoice.payments?.data[0];
  return { paymentIntentId: idOf(paid?.payment.payment_intent ?? null), chargeId: idOf(paid?.payment.charge ?? null) };
}

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
