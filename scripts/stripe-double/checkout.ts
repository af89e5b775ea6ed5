// Checkout in the Stripe test double: customers, Checkout Sessions (payment and subscription
// mode), and the hosted page where a person pays with a test card, as on checkout.stripe.com:
//   4242 4242 4242 4242  paid at once          → checkout.session.completed (payment_status "paid")
//   4000 0000 0000 0002  declined              → the page says so; the session stays open
//   "Bank transfer"      settles a moment later → completed ("unpaid"), then async_payment_succeeded
//   4000 0000 0000 0341  a transfer that fails → completed ("unpaid"), then async_payment_failed;
//                        as a card it is declined when charged, but can be saved for a trial
//                        (subscription_data.trial_end), and then fails on renewal (billing.ts).
// Subscription mode (one yearly price_data line) starts the subscription in billing.ts, whose
// first invoice is paid at once (invoice.paid, billing_reason subscription_create), or is $0
// while a trial runs (payment_status "no_payment_required").
import { FAILING_RENEWAL_CARD, type registerBilling } from "./billing";
import type { FormValue } from "./form-body";
import { id, now, record, text } from "./values";

type Json = Record<string, unknown>;
export type Route = (method: string, path: string, handle: (request: { params: Record<string, string>; body: Record<string, FormValue>; url: URL }) => { status?: number; body: Json }) => void;
type Fail = (message: string, param?: string, code?: string, status?: number) => Error;

const list = (v: FormValue | undefined): FormValue[] => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []);

type Billing = ReturnType<typeof registerBilling>;

export function registerCheckout(options: { route: Route; fail: Fail; baseUrl: () => string; emit: (type: string, object: Json) => void; billing: Billing }) {
  const { route, fail, emit, billing } = options;
  const customers = new Map<string, Json>();
  const sessions = new Map<string, Json>();

  route("POST", "/v1/customers", ({ body }) => {
    const customer = { id: id("cus"), object: "customer", email: text(body.email) ?? null, name: text(body.name) ?? null, metadata: record(body.metadata), created: now(), livemode: false };
    customers.set(customer.id, customer);
    return { body: customer };
  });
  // Lists, newest first, with Stripe's `email` (customers), `customer` and `status` (sessions)
  // filters: the fault tests count what a retried request made (tests/faults/stripe-faults.test.ts),
  // and a checkout looks for a session it made whose answer it never got (start-checkout.ts).
  const listed = (url: string, data: Json[], limit: string | null) =>
    ({ object: "list", url, has_more: data.length > Number(limit ?? 10), data: data.slice(0, Math.min(Number(limit ?? 10) || 10, 100)) });
  route("GET", "/v1/customers", ({ url }) => {
    const email = url.searchParams.get("email");
    return { body: listed("/v1/customers", [...customers.values()].filter((c) => !email || c.email === email).reverse(), url.searchParams.get("limit")) };
  });
  route("GET", "/v1/checkout/sessions", ({ url }) => {
    const customer = url.searchParams.get("customer");
    const status = url.searchParams.get("status");
    const matching = [...sessions.values()].filter((c) => (!customer || c.customer === customer) && (!status || c.status === status));
    return { body: listed("/v1/checkout/sessions", matching.reverse(), url.searchParams.get("limit")) };
  });
  route("GET", "/v1/customers/:id", ({ params }) => {
    const customer = customers.get(params.id!);
    if (!customer) throw fail(`No such customer: '${params.id}'`, "id", "resource_missing", 404);
    return { body: customer };
  });

  route("POST", "/v1/checkout/sessions", ({ body }) => {
    const mode = text(body.mode);
    if (mode !== "payment" && mode !== "subscription") throw fail("The local Stripe test double supports mode=payment and mode=subscription.", "mode");
    const successUrl = text(body.success_url);
    if (!successUrl) throw fail("Missing required param: success_url.", "success_url", "parameter_missing");
    const customer = text(body.customer);
    if (customer && !customers.has(customer)) throw fail(`No such customer: '${customer}'`, "customer", "resource_missing");
    const items = list(body.line_items).map((item) => record(item));
    if (items.length === 0) throw fail("Missing required param: line_items.", "line_items", "parameter_missing");
    let amount = 0;
    let currency = "";
    for (const [i, item] of items.entries()) {
      const price = record(item.price_data);
      const unit = Number(text(price.unit_amount));
      const quantity = Number(text(item.quantity) ?? "1");
      if (!Number.isSafeInteger(unit) || unit < 0) throw fail("Invalid integer: unit_amount", `line_items[${i}][price_data][unit_amount]`);
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw fail("Invalid integer: quantity", `line_items[${i}][quantity]`);
      currency = text(price.currency) ?? "";
      amount += unit * quantity;
      const interval = text(record(price.recurring).interval);
      if (mode === "subscription" && interval !== "year") throw fail("The local Stripe test double bills subscriptions yearly only: set recurring[interval]=year.", `line_items[${i}][price_data][recurring][interval]`);
      if (mode === "payment" && interval) throw fail("You specified `payment` mode but passed a recurring price.", `line_items[${i}][price_data][recurring]`);
    }
    const subscriptionData = record(body.subscription_data);
    const trialEnd = text(subscriptionData.trial_end) === undefined ? null : Number(text(subscriptionData.trial_end));
    if (trialEnd !== null && (mode !== "subscription" || !Number.isSafeInteger(trialEnd) || trialEnd < now() + 48 * 3600)) {
      throw fail("The `trial_end` date has to be at least 2 days in the future.", "subscription_data[trial_end]");
    }
    const sessionId = id("cs_test");
    const created = now();
    const session: Json = {
      id: sessionId,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: text(body.cancel_url) ?? null,
      client_reference_id: text(body.client_reference_id) ?? null,
      created,
      currency,
      customer: customer ?? null,
      customer_email: text(body.customer_email) ?? null,
      expires_at: created + 24 * 3600,
      livemode: false,
      metadata: record(body.metadata),
      mode,
      payment_intent: null,
      payment_status: "unpaid",
      subscription: null,
      invoice: null,
      status: "open",
      success_url: successUrl,
      url: `${options.baseUrl()}/checkout/${sessionId}`,
      trial_end: trialEnd,
      subscription_metadata: record(subscriptionData.metadata),
      line_items_description: String(record(record(items[0]).price_data).product_data ? text(record(record(record(items[0]).price_data).product_data).name) : ""),
    };
    sessions.set(sessionId, session);
    return { body: session };
  });

  route("GET", "/v1/checkout/sessions/:id", ({ params }) => {
    const session = sessions.get(params.id!);
    if (!session) throw fail(`No such checkout.session: '${params.id}'`, "session", "resource_missing", 404);
    return { body: session };
  });

  // Stripe's expire: an open session can no longer be paid (only open ones can be expired).
  route("POST", "/v1/checkout/sessions/:id/expire", ({ params }) => {
    const session = sessions.get(params.id!);
    if (!session) throw fail(`No such checkout.session: '${params.id}'`, "session", "resource_missing", 404);
    if (session.status !== "open") throw fail(`Only Checkout Sessions with a status in [open] can be expired. This Checkout Session has a status of ${String(session.status)}.`, "session");
    Object.assign(session, { status: "expired", url: null });
    return { body: session };
  });

  function complete(session: Json, how: "card" | "transfer" | "failing-transfer", card: string) {
    if (session.mode === "subscription") {
      const { subscription, invoice } = billing.startSubscription({
        customer: (session.customer as string | null) ?? null, currency: String(session.currency), unitAmount: Number(session.amount_total),
        productName: String(session.line_items_description), trialEnd: (session.trial_end as number | null) ?? null,
        metadata: session.subscription_metadata as Record<string, FormValue>, card,
      });
      Object.assign(session, { status: "complete", payment_status: session.trial_end ? "no_payment_required" : "paid", subscription: subscription.id, invoice: invoice.id });
      emit("checkout.session.completed", session);
      return;
    }
    const intent = billing.newIntent(session.amount_total, session.currency, session.customer, session.metadata);
    if (how === "card") billing.settle(intent);
    Object.assign(session, { status: "complete", payment_status: how === "card" ? "paid" : "unpaid", payment_intent: intent.id });
    emit("checkout.session.completed", session);
    if (how === "card") return;
    // The transfer settles (or fails) a moment later, as a bank debit would.
    setTimeout(() => {
      const isPaid = how === "transfer";
      if (isPaid) billing.settle(intent);
      else Object.assign(intent, { status: "requires_payment_method" });
      Object.assign(session, { payment_status: isPaid ? "paid" : "unpaid" });
      emit(isPaid ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session);
    }, 1_500).unref();
  }

  /** The hosted checkout page; null when the path is not one of its own. */
  function page(method: string, pathname: string, form: URLSearchParams): { status: number; html?: string; location?: string } | null {
    const match = /^\/checkout\/(cs_test_[A-Za-z0-9]+)(\/pay)?$/.exec(pathname);
    if (!match) return null;
    const session = sessions.get(match[1]!);
    if (!session) return { status: 404, html: shell("<h1>This checkout link is not valid</h1><p>Go back to the portal and start again.</p>") };
    if (session.status !== "open") return { status: 303, location: String(session.success_url).replace("{CHECKOUT_SESSION_ID}", String(session.id)) };
    let message = "";
    if (match[2] && method === "POST") {
      const card = (form.get("card") ?? "").replace(/\s+/g, "");
      const method_ = form.get("method");
      const isSubscription = session.mode === "subscription";
      if (method_ === "transfer" && !isSubscription) complete(session, card === FAILING_RENEWAL_CARD ? "failing-transfer" : "transfer", card);
      else if (card === "4242424242424242" || (card === FAILING_RENEWAL_CARD && isSubscription && session.trial_end)) complete(session, "card", card);
      else message = card === "4000000000000002" || card === FAILING_RENEWAL_CARD ? "Your card was declined. Try another card." : "Your card number is invalid. Use a test card such as 4242 4242 4242 4242.";
      if (!message) return { status: 303, location: String(session.success_url).replace("{CHECKOUT_SESSION_ID}", String(session.id)) };
    }
    const amount = `${(Number(session.amount_total) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} ${String(session.currency).toUpperCase()}`;
    const trialEnd = typeof session.trial_end === "number" ? new Date(session.trial_end * 1000).toISOString().slice(0, 10) : null;
    const heading = session.mode !== "subscription" ? `Pay ${amount}` : trialEnd ? `Subscribe: ${amount} a year from ${trialEnd}` : `Subscribe: ${amount} a year`;
    const payLabel = session.mode !== "subscription" ? `Pay ${amount}` : trialEnd ? "Save card and subscribe" : `Subscribe · ${amount} now`;
    return {
      status: message ? 402 : 200,
      html: shell(`<p class="tag">Local Stripe test double · no money moves</p>
        <h1>${heading}</h1>
        ${trialEnd ? `<p>Nothing is charged today. Your card is charged ${amount} on ${trialEnd}, and every year after until you cancel.</p>` : ""}
        <p>${escapeHtml(String(session.line_items_description || "License"))}</p>
        ${message ? `<p class="error" role="alert">${message}</p>` : ""}
        <form method="post" action="/checkout/${String(session.id)}/pay">
          <label>Card number<input name="card" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" value="${escapeHtml(form.get("card") ?? "")}"></label>
          <button type="submit" name="method" value="card">${payLabel}</button>
          ${session.mode === "subscription" ? "" : `<button type="submit" name="method" value="transfer" class="secondary">Pay by bank transfer (settles in a moment)</button>`}
        </form>
        ${session.cancel_url ? `<p><a href="${escapeHtml(String(session.cancel_url))}">Cancel and go back</a></p>` : ""}`),
    };
  }

  return { page };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function shell(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Stripe test double · checkout</title>
    <style>body{font-family:system-ui,sans-serif;background:#f6f9fc;color:#1a1f36;margin:0;display:flex;justify-content:center;padding:48px 16px}
    main{background:#fff;max-width:460px;width:100%;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:32px}
    h1{font-size:24px;margin:8px 0 4px}p{line-height:1.5;color:#3c4257}.tag{font-size:12px;color:#635bff;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
    label{display:block;font-size:14px;font-weight:600;margin:16px 0 12px}input{display:block;width:100%;box-sizing:border-box;margin-top:6px;padding:10px 12px;font-size:16px;border:1px solid #cfd7df;border-radius:6px}
    button{display:block;width:100%;background:#635bff;color:#fff;border:0;border-radius:6px;padding:12px 18px;font-size:15px;font-weight:600;cursor:pointer;margin:8px 0}
    button.secondary{background:#fff;color:#635bff;border:1px solid #635bff}.error{color:#df1b41;font-weight:600}a{color:#635bff}</style>
    </head><body><main>${body}</main></body></html>`;
}
