import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";

export const WEBHOOKS_DELIVER_JOB = "webhooks.deliver";

/** Endpoints an organisation may register (as Stripe allows 16 per account). */
export const MAX_ENDPOINTS_PER_ORGANIZATION = 16;

/** A rolled secret keeps signing (as a second v1) this long, so receivers can switch without a gap. */
export const ROLLED_SECRET_OVERLAP_HOURS = 24;

export const WEBHOOK_LIMITS = {
  /** Each attempt's whole request, connection to last byte read. */
  timeoutMs: 10_000,
  /** Of each answer's body, kept for the owner to read. */
  responseExcerptBytes: 2048,
  /** Deliveries claimed together and sent side by side. */
  batchSize: 10,
  /** A claim holds a delivery this long; a worker that dies leaves it to be claimed again after. */
  leaseSeconds: 60,
} as const;

/**
 * Minutes to wait after a failed attempt: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, then the rest of
 * the day, so the eighth and last attempt is 24 h after the first. Then the delivery is FAILED.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 300, 600, 384] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** Deliveries (and their events) are kept this long, then removed by the delivery job. */
export const WEBHOOK_RETENTION_DAYS = 30;

const ZId = z.string().uuid("Choose an endpoint.");

export const ZCreateWebhookEndpointInput = z.object({
  organizationId: z.string().uuid(),
  url: z.string().trim().min(1, "Enter the URL that should receive events.").max(2048, "Use a URL of at most 2,048 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).default(""),
  events: z.array(z.string({ error: "Choose the events from the list." }).max(60, "Choose the events from the list."), { error: "Choose at least one event." }).min(1, "Choose at least one event.").max(20, "Choose at most 20 events."),
});
export type TCreateWebhookEndpointInput = z.input<typeof ZCreateWebhookEndpointInput>;

export const ZUpdateWebhookEndpointInput = ZCreateWebhookEndpointInput.omit({ url: true }).extend({ endpointId: ZId });
export type TUpdateWebhookEndpointInput = z.input<typeof ZUpdateWebhookEndpointInput>;

export const ZWebhookEndpointRef = z.object({ organizationId: z.string().uuid(), endpointId: ZId });
export type TWebhookEndpointRef = z.input<typeof ZWebhookEndpointRef>;

export const ZSetWebhookEndpointEnabledInput = ZWebhookEndpointRef.extend({ isEnabled: z.boolean() });
export type TSetWebhookEndpointEnabledInput = z.input<typeof ZSetWebhookEndpointEnabledInput>;

export const ZWebhookDeliveryRef = z.object({
  organizationId: z.string().uuid(),
  deliveryId: z.string().regex(/^\d{1,18}$/, "That delivery was not found."),
});
export type TWebhookDeliveryRef = z.input<typeof ZWebhookDeliveryRef>;

export const ZListWebhookDeliveriesInput = ZWebhookEndpointRef.extend({
  /** Keyset paging, newest first: deliveries with an id below this one. */
  before: z.string().regex(/^\d{1,18}$/).optional(),
  take: z.number().int().min(1).max(100).default(25),
});
export type TListWebhookDeliveriesInput = z.input<typeof ZListWebhookDeliveriesInput>;
