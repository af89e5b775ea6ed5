import "server-only";
import { randomUUID } from "node:crypto";
import type { WEBHOOK_EVENT_DATA, WebhookEventData } from "./webhook-events";
import { webhookQuery, type WebhookTx } from "./webhook-sql";
import { WEBHOOKS_DELIVER_JOB } from "./webhooks.schema";

// The transactional outbox of customer webhooks. Called inside the transaction that makes the
// change: the event row and one PENDING delivery per enabled endpoint subscribed to its type are
// written with it, so an event exists exactly when its change committed. No network call here:
// the webhooks.deliver job sends them, enqueued in the same transaction so they leave within
// seconds. An organisation nobody listens for gets no rows at all (one indexed read).

type EventType = keyof typeof WEBHOOK_EVENT_DATA;

export type WebhookEventInput<T extends EventType = EventType> = {
  organizationId: string;
  type: T;
  /** The event's object, or a function loading it (called only when some endpoint listens). */
  data: WebhookEventData<T> | (() => Promise<WebhookEventData<T>>);
  /** Deliver to these endpoints only, subscribed or not (the test event). */
  endpointIds?: string[];
};

export type EmittedEvent = { eventId: string; type: string; organizationId: string; deliveries: number };

type Listener = { id: string; organizationId: string; events: string[] };

/** Writes one event with its deliveries; null when no endpoint listens for it. */
export async function emitWebhookEvent<T extends EventType>(tx: WebhookTx, event: WebhookEventInput<T>): Promise<EmittedEvent | null> {
  const [emitted] = await emitWebhookEvents(tx, [event]);
  return emitted ?? null;
}

/** The same for many events at once (a batch of statements): three statements however many. */
export async function emitWebhookEvents(tx: WebhookTx, events: WebhookEventInput[], now = new Date()): Promise<EmittedEvent[]> {
  if (events.length === 0) return [];
  const listeners = await listenersFor(tx, events);
  const rows: { id: string; organizationId: string; type: string; body: string; endpointIds: string[] }[] = [];
  for (const event of events) {
    const endpointIds = listeners
      .filter((l) => l.organizationId === event.organizationId && (event.endpointIds ? event.endpointIds.includes(l.id) : l.events.includes(event.type)))
      .map((l) => l.id);
    if (endpointIds.length === 0) continue;
    const data = typeof event.data === "function" ? await event.data() : event.data;
    const id = randomUUID();
    // Serialised once: these bytes are stored (json keeps them as written), signed and sent on
    // every attempt and resend.
    const body = JSON.stringify({ id, type: event.type, created: Math.floor(now.getTime() / 1000), organizationId: event.organizationId, data });
    rows.push({ id, organizationId: event.organizationId, type: event.type, body, endpointIds });
  }
  if (rows.length === 0) return [];

  await webhookQuery(
    tx,
    `INSERT INTO webhook_events (id, "organizationId", type, payload, "createdAt")
     SELECT e.id, e.org, e.type, e.body::json, $5 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS e(id, org, type, body)`,
    [rows.map((r) => r.id), rows.map((r) => r.organizationId), rows.map((r) => r.type), rows.map((r) => r.body), now],
  );
  const deliveries = rows.flatMap((r) => r.endpointIds.map((endpointId) => ({ ...r, endpointId })));
  await webhookQuery(
    tx,
    `INSERT INTO webhook_deliveries ("organizationId", "endpointId", "eventId", "eventType", "nextAttemptAt", "createdAt")
     SELECT d.org, d.endpoint, d.event, d.type, $5, $5 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS d(org, endpoint, event, type)`,
    [deliveries.map((d) => d.organizationId), deliveries.map((d) => d.endpointId), deliveries.map((d) => d.id), deliveries.map((d) => d.type), now],
  );
  await enqueueWebhookDelivery(tx, now);
  return rows.map((r) => ({ eventId: r.id, type: r.type, organizationId: r.organizationId, deliveries: r.endpointIds.length }));
}

async function listenersFor(tx: WebhookTx, events: WebhookEventInput[]): Promise<Listener[]> {
  const organizationIds = [...new Set(events.map((e) => e.organizationId))];
  return webhookQuery<Listener>(
    tx,
    `SELECT id::text, "organizationId"::text AS "organizationId", events FROM webhook_endpoints
      WHERE "organizationId" = ANY($1::uuid[]) AND "isEnabled" AND (events && $2::text[] OR id = ANY($3::uuid[]))`,
    [organizationIds, [...new Set(events.map((e) => e.type))], events.flatMap((e) => e.endpointIds ?? [])],
  );
}

/**
 * Enqueues the delivery job with the rows, one per second at most: the singleton key lets one job
 * wait per second, and a job already running when these rows commit may have finished its last
 * claim, so a later second gets a job of its own. The minute schedule catches anything left.
 * The statement is queue.ts's enqueueJob, written here so a `pg` transaction can run it too.
 */
export async function enqueueWebhookDelivery(tx: WebhookTx, now = new Date()): Promise<void> {
  const singletonKey = `${WEBHOOKS_DELIVER_JOB}@${now.toISOString().slice(0, 19)}`;
  await webhookQuery(
    tx,
    `INSERT INTO jobs (id, name, payload, "singletonKey", "runAt", "maxAttempts")
     VALUES (gen_random_uuid(), $1, '{}'::jsonb, $2, now(), 1)
     ON CONFLICT ("singletonKey") WHERE "singletonKey" IS NOT NULL AND (status = 'QUEUED' OR status = 'RUNNING') DO NOTHING`,
    [WEBHOOKS_DELIVER_JOB, singletonKey],
  );
}
