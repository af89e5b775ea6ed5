import "server-only";
import type { WebhookDeliveryStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZListWebhookDeliveriesInput, ZWebhookDeliveryRef, ZWebhookEndpointRef, type TListWebhookDeliveriesInput, type TWebhookDeliveryRef, type TWebhookEndpointRef } from "./webhooks.schema";

// What owners and members read: endpoints (never a secret), deliveries newest first, and one
// delivery's attempts with what each got back. Every query carries the organisation in `where`.

export type DeliverySummary = {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  resentFromId: string | null;
};

const DELIVERY_SELECT = {
  id: true, eventId: true, eventType: true, status: true, attempts: true, lastAttemptAt: true, nextAttemptAt: true,
  lastResponseStatus: true, lastError: true, createdAt: true, resentFromId: true,
} as const;

function summary(d: { id: bigint; resentFromId: bigint | null } & Omit<DeliverySummary, "id" | "resentFromId">): DeliverySummary {
  return { ...d, id: d.id.toString(), resentFromId: d.resentFromId?.toString() ?? null };
}

const ENDPOINT_SELECT = {
  id: true, url: true, description: true, events: true, isEnabled: true, disabledAt: true, disabledReason: true,
  previousSecretExpiresAt: true, createdAt: true,
} as const;

export async function listWebhookEndpoints(actor: Actor | null, organizationId: string) {
  authorize(can.readWebhooks(actor, organizationId));
  const endpoints = await db.webhookEndpoint.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" }, select: ENDPOINT_SELECT });
  // The newest delivery of each endpoint, through the (endpointId, id DESC) index.
  const latest = await Promise.all(
    endpoints.map((e) => db.webhookDelivery.findFirst({ where: { endpointId: e.id, organizationId }, orderBy: { id: "desc" }, select: DELIVERY_SELECT })),
  );
  return endpoints.map((e, i) => ({ ...e, lastDelivery: latest[i] ? summary(latest[i]) : null }));
}

export type WebhookEndpointListItem = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

export async function getWebhookEndpoint(actor: Actor | null, rawInput: TWebhookEndpointRef) {
  const input = ZWebhookEndpointRef.parse(rawInput);
  authorize(can.readWebhooks(actor, input.organizationId));
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: input.organizationId }, select: ENDPOINT_SELECT });
  if (!endpoint) throw notFound("That endpoint");
  return endpoint;
}

/** One page of an endpoint's deliveries, newest first; `nextBefore` continues it. */
export async function listWebhookDeliveries(actor: Actor | null, rawInput: TListWebhookDeliveriesInput) {
  const input = ZListWebhookDeliveriesInput.parse(rawInput);
  authorize(can.readWebhooks(actor, input.organizationId));
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: input.endpointId, organizationId: input.organizationId, ...(input.before ? { id: { lt: BigInt(input.before) } } : {}) },
    orderBy: { id: "desc" },
    take: input.take + 1,
    select: DELIVERY_SELECT,
  });
  const page = rows.slice(0, input.take).map(summary);
  return { deliveries: page, nextBefore: rows.length > input.take ? page.at(-1)!.id : null };
}

/** A delivery with its event's body (as sent) and every attempt, oldest first. */
export async function getWebhookDelivery(actor: Actor | null, rawInput: TWebhookDeliveryRef) {
  const input = ZWebhookDeliveryRef.parse(rawInput);
  authorize(can.readWebhooks(actor, input.organizationId));
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: BigInt(input.deliveryId), organizationId: input.organizationId },
    select: {
      ...DELIVERY_SELECT,
      endpoint: { select: { id: true, url: true, isEnabled: true } },
      event: { select: { createdAt: true } },
      deliveryAttempts: { orderBy: { attemptNumber: "asc" }, select: { attemptNumber: true, startedAt: true, durationMs: true, responseStatus: true, responseBody: true, error: true } },
    },
  });
  if (!delivery) throw notFound("That delivery");
  // The body exactly as signed and sent: json keeps its text, read back as text.
  const [body] = await db.$queryRaw<{ payload: string }[]>`SELECT payload::text AS payload FROM webhook_events WHERE id = ${delivery.eventId}::uuid`;
  const { endpoint, event, deliveryAttempts, ...rest } = delivery;
  return { ...summary(rest), endpoint, eventCreatedAt: event.createdAt, payload: body?.payload ?? "", attemptLog: deliveryAttempts };
}

export type WebhookDeliveryDetail = Awaited<ReturnType<typeof getWebhookDelivery>>;
