// Customer webhooks: an organisation's owners register, change, roll, disable, delete endpoints,
// send test events and resend deliveries; its members and staff read endpoints and deliveries.
// tests/integration/webhooks-access.test.ts goes through the same rules case by case.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/server/webhooks/delete-webhook-endpoint";
import { resendWebhookDelivery } from "@/server/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/server/webhooks/roll-webhook-secret";
import { sendTestWebhook } from "@/server/webhooks/send-test-webhook";
import { setWebhookEndpointEnabled } from "@/server/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/server/webhooks/update-webhook-endpoint";
import { encryptSigningSecret, newSigningSecret } from "@/server/webhooks/webhook-secrets";
import { getWebhookDelivery, getWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "@/server/webhooks/webhooks.queries";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const OWNER: ActorKey[] = ["licenseeOwner"];
const READERS: ActorKey[] = ["licenseeOwner", "licenseeMember", ...STAFF];

/** A fresh endpoint of the world's licensee, made directly (creation is its own entry). */
async function endpointOf(w: World) {
  const endpoint = await db.webhookEndpoint.create({
    data: { organizationId: w.licensee.organization.id, url: `http://127.0.0.1:9/matrix-${randomUUID()}`, events: ["license.activated"], secretEncrypted: encryptSigningSecret(newSigningSecret()) },
  });
  return { organizationId: w.licensee.organization.id, endpointId: endpoint.id };
}

/** A failed delivery of an event to a fresh endpoint of the world's licensee. */
async function failedDelivery(w: World) {
  const { organizationId, endpointId } = await endpointOf(w);
  const event = await db.webhookEvent.create({ data: { organizationId, type: "webhook.test", payload: { id: randomUUID(), type: "webhook.test" } } });
  const delivery = await db.webhookDelivery.create({
    data: { organizationId, endpointId, eventId: event.id, eventType: event.type, status: "FAILED", attempts: 8, nextAttemptAt: null, finishedAt: new Date() },
  });
  return { organizationId, deliveryId: delivery.id.toString() };
}

export const WEBHOOKS_MATRIX: Record<string, MatrixEntry> = {
  createWebhookEndpoint: {
    allowed: ["rightsholderOwner"],
    run: (actor, w) => createWebhookEndpoint(actor, { organizationId: w.rightsholder.organization.id, url: `http://127.0.0.1:9/matrix-${randomUUID()}`, events: ["import.finished"] }),
  },
  updateWebhookEndpoint: { allowed: OWNER, run: async (actor, w) => updateWebhookEndpoint(actor, { ...(await endpointOf(w)), events: ["license.expiring"] }) },
  rollWebhookSecret: { allowed: OWNER, run: async (actor, w) => rollWebhookSecret(actor, await endpointOf(w)) },
  setWebhookEndpointEnabled: { allowed: OWNER, run: async (actor, w) => setWebhookEndpointEnabled(actor, { ...(await endpointOf(w)), isEnabled: false }) },
  deleteWebhookEndpoint: { allowed: OWNER, run: async (actor, w) => deleteWebhookEndpoint(actor, await endpointOf(w)) },
  sendTestWebhook: { allowed: OWNER, run: async (actor, w) => sendTestWebhook(actor, await endpointOf(w)) },
  resendWebhookDelivery: { allowed: OWNER, run: async (actor, w) => resendWebhookDelivery(actor, await failedDelivery(w)) },
  listWebhookEndpoints: { allowed: READERS, run: (actor, w) => listWebhookEndpoints(actor, w.licensee.organization.id) },
  getWebhookEndpoint: { allowed: READERS, run: async (actor, w) => getWebhookEndpoint(actor, await endpointOf(w)) },
  listWebhookDeliveries: { allowed: READERS, run: async (actor, w) => listWebhookDeliveries(actor, await endpointOf(w)) },
  getWebhookDelivery: { allowed: READERS, run: async (actor, w) => getWebhookDelivery(actor, await failedDelivery(w)) },
};

export const WEBHOOKS_PUBLIC: Record<string, string> = {};

export const WEBHOOKS_INTERNAL = [
  // the outbox: called inside the transaction of each change an event reports
  "emitWebhookEvent", "emitWebhookEvents", "enqueueWebhookDelivery", "webhookQuery",
  // the events' bodies, read in that transaction, and their schemas
  "licenseEventData", "licenseExpiringEventData", "worksImportEventData", "usageReportEventData", "statementReadyEvents",
  "eventTypesForKind", "webhookEnvelopeSchema",
  // the webhooks.deliver job and its parts
  "deliverDueWebhooks", "retryDelayMs", "sendWebhook", "pruneWebhookHistory",
  // signing secrets and signatures
  "newSigningSecret", "encryptSigningSecret", "decryptSigningSecret", "signatureHeader", "verifyWebhookSignature",
  // URL and address rules, applied by createWebhookEndpoint and at every delivery
  "isNonPublicAddress", "isIpLiteral", "isLocalHost", "webhookUrlPolicy", "webhookUrlFormProblem", "webhookUrlAddressProblem", "webhookUrlProblem",
  // the kind's events, checked inside createWebhookEndpoint and updateWebhookEndpoint
  "checkedEventTypes",
];
