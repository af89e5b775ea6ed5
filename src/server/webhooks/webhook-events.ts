import "server-only";
import { z } from "zod";
import type { OrganizationKind } from "@/generated/prisma/enums";

// Every event Clearway sends to customers' webhook endpoints, and the exact shape of its body.
// This file is the documentation: the portal's event checkboxes, the emitters and the OpenAPI
// document's `webhooks` section all read it. Bodies are kept small (ids, numbers, status and
// links); a receiver that needs more follows `links.api` with an API key.
//
// Every body is an envelope, as Stripe's are:
//   { "id": "<event uuid>", "type": "license.activated", "created": <unix seconds>,
//     "organizationId": "<uuid>", "data": { "object": "license", … } }
// The same event delivered twice (a retry, a resend) has the same id: receivers de-duplicate on it.
// Amounts are integer minor units (cents) written as strings, like every money value of /api/v1.

export const WEBHOOK_EVENT_TYPES = {
  "license.activated": {
    kind: "LICENSEE",
    label: "License activated",
    description: "A payment cleared and a license (new, renewal or automatic renewal) is active.",
  },
  "license.expiring": {
    kind: "LICENSEE",
    label: "License expiring",
    description: "A license ends in 30 days, and again in 7 days, unless it has been renewed.",
  },
  "usage_report.processed": {
    kind: "LICENSEE",
    label: "Usage report processed",
    description: "A usage report was read, matched and judged; its lines can be read through the API.",
  },
  "usage_report.failed": {
    kind: "LICENSEE",
    label: "Usage report failed",
    description: "A usage report could not be processed at all (the file was unreadable); upload it again.",
  },
  "import.finished": {
    kind: "RIGHTSHOLDER",
    label: "Import finished",
    description: "A works import completed or stopped (status COMPLETED or FAILED).",
  },
  "statement.ready": {
    kind: "RIGHTSHOLDER",
    label: "Statement ready",
    description: "A royalty statement of an approved distribution run can be read.",
  },
} as const satisfies Record<string, { kind: OrganizationKind; label: string; description: string }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

/** Sent only on an owner's request ("Send test event"), to one endpoint; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export function eventTypesForKind(kind: OrganizationKind): WebhookEventType[] {
  return (Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[]).filter((t) => WEBHOOK_EVENT_TYPES[t].kind === kind);
}

const ZCents = z.string().regex(/^-?\d+$/).describe("Integer minor units (cents), as a string.");
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("A calendar day, YYYY-MM-DD (UTC).");
const ZLinks = z
  .object({
    api: z.string().url().nullable().describe("The resource in /api/v1, when it has one (call it with an API key)."),
    portal: z.string().url().describe("The page in the portal."),
  })
  .strict();

export const ZLicenseObject = z
  .object({
    object: z.literal("license"),
    id: z.string().uuid(),
    licenseNumber: z.string(),
    status: z.enum(["PENDING_PAYMENT", "ACTIVE", "EXPIRED", "CANCELLED", "REVOKED"]),
    startsOn: ZDay.nullable(),
    endsOn: ZDay.nullable().describe("Exclusive: the first day the license no longer covers."),
    feeCents: ZCents,
    currency: z.string().length(3),
    autoRenew: z.boolean(),
    previousLicenseId: z.string().uuid().nullable().describe("The license this one renews."),
    verificationUrl: z.string().url(),
    links: ZLinks,
  })
  .strict();

export const ZLicenseExpiringObject = ZLicenseObject.extend({
  daysLeft: z.number().int().min(0).describe("Days from the reminder to endsOn."),
  renewsAutomatically: z.boolean().describe("The saved card is charged on endsOn; nothing to do."),
}).strict();

export const ZUsageReportObject = z
  .object({
    object: z.literal("usage_report"),
    id: z.string().uuid(),
    quarter: z.string().regex(/^\d{4}Q[1-4]$/),
    status: z.enum(["PROCESSED", "FAILED"]),
    source: z.enum(["FILE", "API"]),
    isAdjustment: z.boolean(),
    counts: z.object({ lines: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), summed: z.number().int() }).strict(),
    errorMessage: z.string().nullable().describe("Why a FAILED report could not be processed."),
    links: ZLinks,
  })
  .strict();

export const ZWorksImportObject = z
  .object({
    object: z.literal("works_import"),
    id: z.string().uuid(),
    status: z.enum(["COMPLETED", "FAILED"]),
    format: z.string(),
    fileName: z.string(),
    rows: z.number().int(),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), disputed: z.number().int() }).strict(),
    errorMessage: z.string().nullable(),
    links: ZLinks,
  })
  .strict();

export const ZStatementObject = z
  .object({
    object: z.literal("statement"),
    id: z.string().uuid(),
    runId: z.string().uuid(),
    quarter: z.string().regex(/^\d{4}Q[1-4]$/),
    currency: z.literal("USD"),
    grossCents: ZCents,
    withheldCents: ZCents,
    paidCents: ZCents,
    carriedOutCents: ZCents,
    payoutBlockedReason: z.string().nullable(),
    links: ZLinks,
  })
  .strict();

export const ZTestObject = z
  .object({
    object: z.literal("webhook_test"),
    endpointId: z.string().uuid(),
    message: z.string(),
  })
  .strict();

/** The `data` of each event type. */
export const WEBHOOK_EVENT_DATA = {
  "license.activated": ZLicenseObject,
  "license.expiring": ZLicenseExpiringObject,
  "usage_report.processed": ZUsageReportObject,
  "usage_report.failed": ZUsageReportObject,
  "import.finished": ZWorksImportObject,
  "statement.ready": ZStatementObject,
  [TEST_EVENT_TYPE]: ZTestObject,
} as const;

export type WebhookEventData<T extends keyof typeof WEBHOOK_EVENT_DATA> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;

/** The body of every delivery; `data` is the event type's object above. */
export function webhookEnvelopeSchema<T extends z.ZodType>(type: string, data: T) {
  return z
    .object({
      id: z.string().uuid().describe("The event's id, the same on every retry and resend: de-duplicate on it."),
      type: z.literal(type),
      created: z.number().int().describe("When the event happened, in Unix seconds."),
      organizationId: z.string().uuid(),
      data,
    })
    .strict();
}

export type WebhookBodyType = keyof typeof WEBHOOK_EVENT_DATA;

const envelopes = {} as Record<WebhookBodyType, z.ZodType>;
for (const type of Object.keys(WEBHOOK_EVENT_DATA) as WebhookBodyType[]) envelopes[type] = webhookEnvelopeSchema(type, WEBHOOK_EVENT_DATA[type]);

/** Every envelope, by event type (the OpenAPI document's `webhooks`). */
export const WEBHOOK_ENVELOPES: Readonly<Record<WebhookBodyType, z.ZodType>> = envelopes;
