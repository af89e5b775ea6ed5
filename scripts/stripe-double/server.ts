// The local Stripe test double (docs/decisions/005-stripe-test-double.md): a small HTTP server
// that answers the Stripe endpoints the portal uses, shaped as Stripe's API reference documents
// them, so the real `stripe` SDK talks to it unchanged (host/port/protocol options). It also
// serves the hosted pages a person would see on stripe.com (Connect onboarding). State lives in
// memory: it is a test and demo stand-in, never a record of anything.
//
// Implemented: Connect accounts and account links with the hosted onboarding page (here);
// customers, Checkout Sessions and the hosted checkout page (checkout.ts); payment intents,
// charges, refunds, subscriptions and their invoices, with a test helper that moves a
// subscription to its next period (billing.ts); Connect transfers, created, read and listed by
// destination or transfer_group (transfers.ts); events, listed and delivered as signed webhooks
// when a target is set (events.ts). A POST with an Idempotency-Key answers the first response
// again when the key is reused, as Stripe does, so a retried refund is not made twice; a refusal
// is saved the same way when it came after the request started executing (transfers.ts).
// Test helper for failures: POST /v1/test_helpers/faults {path, mode "500" | "timeout", count,
// method?, match?, delay_ms?} makes the next `count` matching requests answer 500, or run and
// answer too late for the SDK's timeout; DELETE /v1/test_helpers/faults disarms them (faults.ts).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { registerBilling } from "./billing";
import { registerCheckout } from "./checkout";
import { createEventLog, type WebhookTarget } from "./events";
import { createFaults } from "./faults";
import { parseStripeForm, type FormValue } from "./form-body";
import { registerTransfers } from "./transfers";
import { id, now, record, text } from "./values";

type Json = Record<string, unknown>;
type Handler = (request: { params: Record<string, string>; body: Record<string, FormValue>; url: URL }) => { status?: number; body: Json } | Promise<{ status?: number; body: Json }>;

export type StripeDouble = { url: string; close: () => Promise<void>; setWebhook: (target: WebhookTarget | null) => void };

class StripeError extends Error {
  /** Saved for the request's Idempotency-Key, as Stripe saves the outcome of a request that ran. */
  isSavedForReplay = false;
  constructor(readonly status: number, readonly body: Json) {
    super(String(body.message));
  }
}

function invalidRequest(message: string, param?: string, code?: string, status = 400): StripeError {
  return new StripeError(status, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });
}


/**
 * The connected accounts. The demo data (prisma/seed.ts) gives its rightsholders accounts named
 * "acct_demo…" that were never onboarded here, since the double keeps nothing between starts: it
 * knows them as onboarded, as Stripe would, so the demo's payouts go through.
 */
class DemoAwareAccounts extends Map<string, Json> {
  override get(key: string): Json | undefined {
    if (!super.has(key) && /^acct_demo[A-Za-z0-9]+$/.test(key)) {
      super.set(key, {
        id: key, object: "account", type: "express", country: "US", email: null, business_type: null,
        capabilities: { transfers: "active" }, charges_enabled: true, payouts_enabled: true, details_submitted: true,
        default_currency: "usd", metadata: {}, requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null, errors: [] },
        created: now(), livemode: false,
      });
    }
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

export function createStripeDouble(options: { webhook?: WebhookTarget | null } = {}) {
  let webhook = options.webhook ?? null;
  const events = createEventLog(() => webhook);
  const accounts = new DemoAwareAccounts();
  const onboardingLinks = new Map<string, { account: string; returnUrl: string; refreshUrl: string; expiresAt: number }>();
  let baseUrl = "";

  function requirementsFor(done: boolean) {
    return {
      currently_due: done ? [] : ["external_account", "individual.dob.day", "tos_acceptance.date"],
      eventually_due: done ? [] : ["external_account", "individual.dob.day", "tos_acceptance.date"],
      past_due: [],
      disabled_reason: done ? null : "requirements.past_due",
      errors: [],
    };
  }

  const routes: { method: string; pattern: RegExp; keys: string[]; handle: Handler }[] = [];
  const route = (method: string, path: string, handle: Handler) => {
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_m, key: string) => (keys.push(key), "([^/]+)"))}$`);
    routes.push({ method, pattern, keys, handle });
  };

  route("GET", "/v1/events", ({ url }) => ({ body: events.list(url.searchParams) }));
  route("GET", "/v1/events/:id", ({ params }) => {
    const event = events.get(params.id!);
    if (!event) throw invalidRequest(`No such event: '${params.id}'`, "id", "resource_missing", 404);
    return { body: event };
  });
  const emit = (type: string, object: Json) => void events.emit(type, object);
  const billing = registerBilling({ route, fail: invalidRequest, emit });
  const checkout = registerCheckout({ route, fail: invalidRequest, baseUrl: () => baseUrl, emit, billing });
  const idempotent = new Map<string, { status: number; body: Json }>();
  const faults = createFaults(invalidRequest);
  route("POST", "/v1/test_helpers/faults", ({ body }) => ({ body: faults.add(body) }));
  route("DELETE", "/v1/test_helpers/faults", () => ({ body: faults.clear() }));
  const refuse = (message: string, param?: string, code?: string, status?: number) =>
    Object.assign(invalidRequest(message, param, code, status), { isSavedForReplay: true });
  registerTransfers({ route, fail: invalidRequest, refuse, accounts, emit });

  route("POST", "/v1/accounts", ({ body }) => {
    const type = text(body.type) ?? "express";
    if (!["express", "standard", "custom"].includes(type)) throw invalidRequest(`Invalid type: must be one of express, standard, or custom`, "type");
    const country = text(body.country) ?? "US";
    if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`, "country");
    const capabilities = Object.fromEntries(Object.keys(record(body.capabilities)).map((name) => [name, "inactive"]));
    const account = {
      id: id("acct"),
      object: "account",
      type,
      country,
      email: text(body.email) ?? null,
      business_type: text(body.business_type) ?? null,
      capabilities,
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      default_currency: country === "US" ? "usd" : "eur",
      metadata: record(body.metadata),
      requirements: requirementsFor(false),
      created: now(),
      livemode: false,
    };
    accounts.set(account.id, account);
    return { body: account };
  });

  route("GET", "/v1/accounts/:id", ({ params }) => {
    const account = accounts.get(params.id!);
    if (!account) throw invalidRequest(`No such account: '${params.id}'`, "account", "resource_missing", 404);
    return { body: account };
  });

  route("POST", "/v1/account_links", ({ body }) => {
    const account = text(body.account);
    if (!account) throw invalidRequest("Missing required param: account.", "account", "parameter_missing");
    if (!accounts.has(account)) throw invalidRequest(`No such account: '${account}'`, "account", "resource_missing");
    const returnUrl = text(body.return_url);
    const refreshUrl = text(body.refresh_url);
    if (!returnUrl) throw invalidRequest("Missing required param: return_url.", "return_url", "parameter_missing");
    if (!refreshUrl) throw invalidRequest("Missing required param: refresh_url.", "refresh_url", "parameter_missing");
    if (text(body.type) !== "account_onboarding" && text(body.type) !== "account_update") {
      throw invalidRequest("Invalid type: must be one of account_onboarding or account_update", "type");
    }
    const token = randomBytes(16).toString("hex");
    const created = now();
    onboardingLinks.set(token, { account, returnUrl, refreshUrl, expiresAt: created + 300 });
    return { body: { object: "account_link", created, expires_at: created + 300, url: `${baseUrl}/connect/onboarding/${token}` } };
  });

  function onboardingPage(token: string): string {
    const link = onboardingLinks.get(token);
    const account = link ? accounts.get(link.account) : undefined;
    const body = !link || !account || link.expiresAt < now()
      ? `<h1>This link has expired</h1><p>Go back to the portal and start again.</p>`
      : `<p class="tag">Local Stripe test double · no real account is created</p>
         <h1>Set up payouts</h1>
         <p>This stands in for Stripe's hosted onboarding for <strong>${String(account.email ?? account.id)}</strong> (${String(account.country)}).
         On stripe.com the person would confirm their identity and add a bank account here.</p>
         <form method="post" action="/connect/onboarding/${token}/complete"><button type="submit">Complete onboarding</button></form>
         <p><a href="${link.refreshUrl}">Leave without finishing</a></p>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Stripe test double · onboarding</title>
      <style>body{font-family:system-ui,sans-serif;background:#f6f9fc;color:#1a1f36;margin:0;display:flex;justify-content:center;padding:48px 16px}
      main{background:#fff;max-width:460px;width:100%;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:32px}
      h1{font-size:22px;margin:8px 0 12px}p{line-height:1.5;color:#3c4257}.tag{font-size:12px;color:#635bff;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
      button{background:#635bff;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:15px;font-weight:600;cursor:pointer;margin:8px 0}a{color:#635bff}</style>
      </head><body><main>${body}</main></body></html>`;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", baseUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");

    const checkoutPage = checkout.page(req.method ?? "GET", url.pathname, new URLSearchParams(req.method === "POST" ? raw : ""));
    if (checkoutPage) {
      if (checkoutPage.location) res.writeHead(303, { location: checkoutPage.location }).end();
      else res.writeHead(checkoutPage.status, { "content-type": "text/html; charset=utf-8" }).end(checkoutPage.html);
      return;
    }

    const onboarding = /^\/connect\/onboarding\/([0-9a-f]+)(\/complete)?$/.exec(url.pathname);
    if (onboarding) {
      const token = onboarding[1]!;
      const link = onboardingLinks.get(token);
      if (onboarding[2] && req.method === "POST" && link && link.expiresAt >= now()) {
        const account = accounts.get(link.account)!;
        Object.assign(account, { details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: requirementsFor(true) });
        account.capabilities = Object.fromEntries(Object.keys(account.capabilities as Json).map((name) => [name, "active"]));
        onboardingLinks.delete(token);
        res.writeHead(303, { location: link.returnUrl }).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(onboardingPage(token));
      return;
    }

    let heldForMs = 0;
    const send = (status: number, body: Json) => {
      const answer = () => res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), "stripe-version": String(req.headers["stripe-version"] ?? "") }).end(JSON.stringify(body, null, 2));
      if (heldForMs > 0) setTimeout(answer, heldForMs);
      else answer();
    };
    const key = req.method === "POST" ? req.headers["idempotency-key"] : undefined;
    try {
      if (!/^Bearer sk_(test|live)_\S+$/.test(String(req.headers.authorization ?? ""))) {
        throw new StripeError(401, { type: "invalid_request_error", message: "You did not provide an API key." });
      }
      const fault = faults.take(req.method ?? "GET", url.pathname, parseStripeForm(req.method === "GET" ? url.search.slice(1) : raw));
      if (fault?.mode === "500" || fault?.mode === "500-saved") {
        const error = new StripeError(500, { type: "api_error", message: "An unknown error occurred (a fault armed with /v1/test_helpers/faults)." });
        error.isSavedForReplay = fault.mode === "500-saved";
        throw error;
      }
      if (fault?.mode === "timeout") heldForMs = fault.delayMs;
      const match = routes.map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(url.pathname) : null })).find((x) => x.m);
      if (!match) throw invalidRequest(`Unrecognized request URL (${req.method}: ${url.pathname}).`, undefined, undefined, 404);
      const params = Object.fromEntries(match.r.keys.map((k, i) => [k, decodeURIComponent(match.m![i + 1]!)]));
      const replay = typeof key === "string" ? idempotent.get(`${url.pathname} ${key}`) : undefined;
      if (replay) {
        send(replay.status, replay.body);
        return;
      }
      const result = await match.r.handle({ params, body: parseStripeForm(raw), url });
      if (typeof key === "string") idempotent.set(`${url.pathname} ${key}`, { status: result.status ?? 200, body: result.body });
      send(result.status ?? 200, result.body);
    } catch (error) {
      if (error instanceof StripeError && error.isSavedForReplay && typeof key === "string") {
        idempotent.set(`${url.pathname} ${key}`, { status: error.status, body: { error: error.body } });
      }
      if (error instanceof StripeError) send(error.status, { error: error.body });
      else send(500, { error: { type: "api_error", message: error instanceof Error ? error.message : String(error) } });
    }
  }

  return {
    listen(port = 0, host = "127.0.0.1"): Promise<StripeDouble> {
      const server = http.createServer((req, res) => void handle(req, res));
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as { port: number };
          baseUrl = `http://${host}:${address.port}`;
          resolve({
            url: baseUrl,
            close: () => new Promise((done) => server.close(() => done())),
            setWebhook: (target) => {
              webhook = target;
            },
          });
        });
      });
    },
  };
}

export function startStripeDouble(port = 0, webhook: WebhookTarget | null = null): Promise<StripeDouble> {
  return createStripeDouble({ webhook }).listen(port);
}

// `tsx scripts/stripe-double/server.ts [port]`: runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const double = await startStripeDouble(Number(process.argv[2] ?? 12111));
  console.log(`Stripe test double on ${double.url}`);
}
