import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound, validation } from "../errors";
import { emitWebhookEvent } from "./emit-webhook-event";
import { TEST_EVENT_TYPE } from "./webhook-events";
import { ZWebhookEndpointRef, type TWebhookEndpointRef } from "./webhooks.schema";

/**
 * An owner sends a `webhook.test` event to one endpoint, to check the receiver and its signature
 * check before real events arrive. It is a real event, delivered, signed and retried like the others.
 */
export async function sendTestWebhook(actor: Actor | null, rawInput: TWebhookEndpointRef): Promise<{ eventId: string }> {
  const input = ZWebhookEndpointRef.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can send test events.");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: input.organizationId }, select: { id: true, isEnabled: true } });
    if (!endpoint) throw notFound("That endpoint");
    if (!endpoint.isEnabled) throw validation("Enable the endpoint to send it a test event.");
    const emitted = await emitWebhookEvent(tx, {
      organizationId: input.organizationId,
      type: TEST_EVENT_TYPE,
      endpointIds: [endpoint.id],
      data: { object: "webhook_test", endpointId: endpoint.id, message: "A test event from Clearway: your endpoint received it and can check its signature." },
    });
    if (!emitted) throw notFound("That endpoint");
    return { eventId: emitted.eventId };
  });
}
