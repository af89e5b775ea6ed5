// Events in the Stripe test double: each is kept (GET /v1/events lists them, newest first, as
// Stripe does) and, when a webhook endpoint is configured, delivered to it signed with the SDK's
// own test-header helper, retried with backoff until it answers 2xx (as Stripe retries).
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

type Json = Record<string, unknown>;

export type WebhookTarget = { url: string; secret: string };

const sdk = new Stripe("sk_test_local_double_signer");
const RETRY_MS = [500, 2_000, 5_000, 15_000, 30_000];

export function createEventLog(target: () => WebhookTarget | null) {
  const events: Json[] = [];

  async function deliver(event: Json, attempt = 0): Promise<void> {
    const webhook = target();
    if (!webhook) return;
    const payload = JSON.stringify(event);
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret: webhook.secret });
    let ok = false;
    try {
      const response = await fetch(webhook.url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
      ok = response.ok;
    } catch {
      ok = false;
    }
    if (!ok && attempt < RETRY_MS.length) setTimeout(() => void deliver(event, attempt + 1), RETRY_MS[attempt]).unref();
  }

  return {
    /** Records an event about `object` and delivers it. */
    emit(type: string, object: Json): Json {
      const event = {
        id: `evt_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`,
        object: "event",
        api_version: "2026-01-28.clover",
        created: Math.floor(Date.now() / 1000),
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: target() ? 1 : 0,
        request: { id: null, idempotency_key: null },
        type,
      };
      events.unshift(event);
      void deliver(event);
      return event;
    },
    list(query: URLSearchParams): Json {
      const type = query.get("type");
      const limit = Math.min(Number(query.get("limit") ?? 10) || 10, 100);
      const matching = events.filter((e) => !type || e.type === type);
      return { object: "list", url: "/v1/events", has_more: matching.length > limit, data: matching.slice(0, limit) };
    },
    get(id: string): Json | undefined {
      return events.find((e) => e.id === id);
    },
  };
}
