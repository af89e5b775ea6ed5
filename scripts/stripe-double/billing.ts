// Billing in the Stripe test double: yearly subscriptions started by Checkout, their invoices, the
// payment intents and charges behind payments, and refunds, shaped as Stripe's API reference
// (API version 2026-01-28.clover) documents them: an invoice names its subscription under
// `parent.subscription_details`, its payments are the expandable `payments` list, a subscription's
// period is on its items, a charge's `refunds` is expandable.
// Time is controlled by tests: POST /v1/test_helpers/subscriptions/:id/advance runs the next
// step of the subscription's life, as Stripe's test clocks would by moving time forward:
//   - a cycle is due: the cycle invoice (billing_reason subscription_cycle) is charged to the saved
//     card → invoice.paid; with a card that fails on renewal (4000 0000 0000 0341, as in Stripe's
//     test cards) → invoice.payment_failed (the subscription is past_due; the next advance retries);
//   - after the last failed attempt (MAX_ATTEMPTS) the subscription is cancelled →
//     customer.subscription.deleted, as Stripe's "cancel after all retries fail" setting does;
//   - cancel_at_period_end set: the period ends with no invoice → customer.subscription.deleted.
import type { FormValue } from "./form-body";
import type { Route } from "./checkout";
import { id, now, record, text } from "./values";

/** Integer cents as "12.34" for messages (Stripe amounts are whole minor units; no floats). */
const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

type Json = Record<string, unknown>;
type Fail = (message: string, param?: string, code?: string, status?: number) => Error;

const expands = (url: URL, field: string) => [...url.searchParams].some(([k, v]) => k.startsWith("expand") && v === field);
const list = (url: string, data: Json[]) => ({ object: "list", url, has_more: false, data });

/** A card that can be attached to a customer but whose charges fail (Stripe's 4000 0000 0000 0341). */
export const FAILING_RENEWAL_CARD = "4000000000000341";
const MAX_ATTEMPTS = 3;
const addYear = (unix: number) => {
  const at = new Date(unix * 1000);
  at.setUTCFullYear(at.getUTCFullYear() + 1);
  return Math.floor(at.getTime() / 1000);
};

export type NewSubscription = {
  customer: string | null; currency: string; unitAmount: number; productName: string;
  trialEnd: number | null; metadata: Record<string, FormValue>; card: string;
};

export function registerBilling(options: { route: Route; fail: Fail; emit: (type: string, object: Json) => void }) {
  const { route, fail, emit } = options;
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const subscriptions = new Map<string, Json>();
  const invoices = new Map<string, Json>();
  const savedCards = new Map<string, string>();

  /** A succeeded payment: its intent and its charge (the intent may already exist, e.g. a transfer). */
  function settle(intent: Json): Json {
    const charge: Json = {
      id: id("ch"), object: "charge", amount: intent.amount, amount_captured: intent.amount, amount_refunded: 0,
      currency: intent.currency, customer: intent.customer ?? null, paid: true, refunded: false, captured: true,
      status: "succeeded", payment_intent: intent.id, metadata: intent.metadata ?? {}, created: now(), livemode: false,
    };
    charges.set(charge.id as string, charge);
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: charge.id });
    paymentIntents.set(intent.id as string, intent);
    return charge;
  }

  function newIntent(amount: unknown, currency: unknown, customer: unknown, metadata: unknown): Json {
    const intent: Json = { id: id("pi"), object: "payment_intent", amount, amount_received: 0, currency, customer, status: "processing", latest_charge: null, metadata, created: now(), livemode: false };
    paymentIntents.set(intent.id as string, intent);
    return intent;
  }

  function itemOf(subscription: Json): Json {
    return ((subscription.items as Json).data as Json[])[0]!;
  }

  /** Creates and tries to pay an invoice for the subscription's period [start, end). */
  function invoice(subscription: Json, reason: "subscription_create" | "subscription_cycle", amount: number, start: number, end: number): Json {
    const item = itemOf(subscription);
    const created = now();
    const invoiceId = id("in");
    const line = { id: id("il"), object: "line_item", amount, currency: subscription.currency, description: (item.price as Json).nickname, period: { start, end }, quantity: 1 };
    const inv: Json = {
      id: invoiceId, object: "invoice", amount_due: amount, amount_paid: 0, amount_remaining: amount, attempt_count: 0, attempted: false,
      billing_reason: reason, collection_method: "charge_automatically", currency: subscription.currency, customer: subscription.customer,
      lines: list(`/v1/invoices/${invoiceId}/lines`, [line]), metadata: {}, next_payment_attempt: null,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: subscription.metadata, subscription: subscription.id } },
      payments: list("/v1/invoice_payments", []), period_start: start, period_end: end, status: "open",
      status_transitions: { finalized_at: created, paid_at: null }, created, livemode: false,
    };
    invoices.set(invoiceId, inv);
    subscription.latest_invoice = invoiceId;
    return attempt(subscription, inv);
  }

  function attempt(subscription: Json, inv: Json): Json {
    const amount = Number(inv.amount_due);
    inv.attempt_count = Number(inv.attempt_count) + 1;
    inv.attempted = true;
    if (amount > 0 && savedCards.get(subscription.id as string) === FAILING_RENEWAL_CARD) {
      const isFinal = Number(inv.attempt_count) >= MAX_ATTEMPTS;
      inv.next_payment_attempt = isFinal ? null : now() + 3 * 86_400;
      subscription.status = "past_due";
      emit("invoice.payment_failed", inv);
      if (isFinal) cancel(subscription);
      return inv;
    }
    if (amount > 0) {
      const intent = newIntent(amount, inv.currency, inv.customer, { invoice: inv.id });
      const charge = settle(intent);
      (inv.payments as { data: Json[] }).data.push({
        id: id("inpay"), object: "invoice_payment", amount_paid: amount, amount_requested: amount, created: now(), currency: inv.currency,
        invoice: inv.id, is_default: true, livemode: false, payment: { type: "payment_intent", payment_intent: intent.id, charge: charge.id }, status: "paid",
        status_transitions: { paid_at: now(), canceled_at: null },
      });
    }
    Object.assign(inv, { status: "paid", amount_paid: amount, amount_remaining: 0, next_payment_attempt: null, status_transitions: { ...(inv.status_transitions as Json), paid_at: now() } });
    subscription.status = "active";
    emit("invoice.paid", inv);
    return inv;
  }

  function cancel(subscription: Json) {
    if (subscription.status === "canceled") return;
    Object.assign(subscription, { status: "canceled", canceled_at: now(), ended_at: now() });
    emit("customer.subscription.deleted", subscription);
  }

  /** Checkout in subscription mode, paid: the subscription, its first invoice (paid, or $0 in trial). */
  function startSubscription(input: NewSubscription): { subscription: Json; invoice: Json } {
    const created = now();
    const periodEnd = input.trialEnd ?? addYear(created);
    const subscriptionId = id("sub");
    const price = { id: id("price"), object: "price", currency: input.currency, unit_amount: input.unitAmount, nickname: input.productName, recurring: { interval: "year", interval_count: 1 }, type: "recurring" };
    const subscription: Json = {
      id: subscriptionId, object: "subscription", billing_cycle_anchor: periodEnd, cancel_at: null, cancel_at_period_end: false, canceled_at: null,
      collection_method: "charge_automatically", created, currency: input.currency, customer: input.customer, ended_at: null,
      items: list(`/v1/subscription_items?subscription=${subscriptionId}`, [{ id: id("si"), object: "subscription_item", price, quantity: 1, current_period_start: created, current_period_end: periodEnd }]),
      latest_invoice: null, livemode: false, metadata: input.metadata, start_date: created,
      status: input.trialEnd ? "trialing" : "incomplete", trial_start: input.trialEnd ? created : null, trial_end: input.trialEnd,
    };
    subscriptions.set(subscriptionId, subscription);
    savedCards.set(subscriptionId, input.card);
    const first = invoice(subscription, "subscription_create", input.trialEnd ? 0 : input.unitAmount, created, periodEnd);
    if (input.trialEnd) subscription.status = "trialing";
    return { subscription, invoice: first };
  }

  const found = (map: Map<string, Json>, kind: string, key: string | undefined) => {
    const object = key ? map.get(key) : undefined;
    if (!object) throw fail(`No such ${kind}: '${key}'`, "id", "resource_missing", 404);
    return object;
  };

  route("GET", "/v1/payment_intents/:id", ({ params }) => ({ body: found(paymentIntents, "payment_intent", params.id) }));
  route("GET", "/v1/subscriptions/:id", ({ params }) => ({ body: found(subscriptions, "subscription", params.id) }));
  route("POST", "/v1/subscriptions/:id", ({ params, body }) => {
    const subscription = found(subscriptions, "subscription", params.id);
    if (subscription.status === "canceled") throw fail("A canceled subscription can only update its cancellation_details and metadata.", undefined, "resource_missing");
    const atPeriodEnd = text(body.cancel_at_period_end);
    if (atPeriodEnd !== undefined) {
      subscription.cancel_at_period_end = atPeriodEnd === "true";
      subscription.cancel_at = atPeriodEnd === "true" ? itemOf(subscription).current_period_end : null;
    }
    if (body.metadata) subscription.metadata = { ...(subscription.metadata as Json), ...record(body.metadata) };
    emit("customer.subscription.updated", subscription);
    return { body: subscription };
  });
  route("DELETE", "/v1/subscriptions/:id", ({ params }) => {
    const subscription = found(subscriptions, "subscription", params.id);
    if (subscription.status === "canceled") throw fail(`No such subscription: '${params.id}'`, "id", "resource_missing", 404);
    cancel(subscription);
    return { body: subscription };
  });
  route("POST", "/v1/test_helpers/subscriptions/:id/advance", ({ params }) => {
    const subscription = found(subscriptions, "subscription", params.id);
    if (subscription.status === "canceled") throw fail("This subscription is canceled; it has no next period.", "id");
    const open = invoices.get(String(subscription.latest_invoice));
    if (open?.status === "open") return { body: { subscription, invoice: attempt(subscription, open) } };
    const item = itemOf(subscription);
    if (subscription.cancel_at_period_end) {
      cancel(subscription);
      return { body: { subscription, invoice: null } };
    }
    const start = Number(item.current_period_end);
    const end = addYear(start);
    Object.assign(item, { current_period_start: start, current_period_end: end });
    return { body: { subscription, invoice: invoice(subscription, "subscription_cycle", Number((item.price as Json).unit_amount), start, end) } };
  });

  route("GET", "/v1/invoices/:id", ({ params, url }) => {
    const inv = found(invoices, "invoice", params.id);
    return { body: expands(url, "payments") ? inv : { ...inv, payments: undefined } };
  });
  route("GET", "/v1/charges/:id", ({ params, url }) => {
    const charge = found(charges, "charge", params.id);
    const own = [...refunds.values()].filter((r) => r.charge === charge.id).reverse();
    return { body: expands(url, "refunds") ? { ...charge, refunds: list(`/v1/charges/${charge.id}/refunds`, own) } : charge };
  });

  route("POST", "/v1/refunds", ({ body }) => {
    const intentId = text(body.payment_intent);
    const chargeId = text(body.charge) ?? (intentId ? String(found(paymentIntents, "payment_intent", intentId).latest_charge ?? "") : undefined);
    if (!chargeId) throw fail("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing");
    const charge = charges.get(chargeId);
    if (!charge) throw fail(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
    const left = Number(charge.amount) - Number(charge.amount_refunded);
    if (left <= 0) throw fail(`Charge ${chargeId} has already been refunded.`, undefined, "charge_already_refunded");
    const amount = text(body.amount) === undefined ? left : Number(text(body.amount));
    if (!Number.isSafeInteger(amount) || amount <= 0) throw fail("Invalid positive integer", "amount");
    if (amount > left) throw fail(`Refund amount ($${dollars(amount)}) is greater than unrefunded amount on charge ($${dollars(left)})`, "amount", "amount_too_large");
    const refund: Json = {
      id: id("re"), object: "refund", amount, charge: chargeId, currency: charge.currency, payment_intent: charge.payment_intent,
      metadata: record(body.metadata), reason: text(body.reason) ?? null, status: "succeeded", created: now(),
    };
    refunds.set(refund.id as string, refund);
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit("charge.refunded", charge);
    return { body: refund };
  });
  route("GET", "/v1/refunds/:id", ({ params }) => ({ body: found(refunds, "refund", params.id) }));
  route("GET", "/v1/refunds", ({ url }) => {
    const charge = url.searchParams.get("charge");
    const intent = url.searchParams.get("payment_intent");
    return { body: list("/v1/refunds", [...refunds.values()].filter((r) => (!charge || r.charge === charge) && (!intent || r.payment_intent === intent)).reverse()) };
  });

  return { newIntent, settle, startSubscription };
}
