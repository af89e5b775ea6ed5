import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { checkedEventTypes } from "./create-webhook-endpoint";
import { ZUpdateWebhookEndpointInput, type TUpdateWebhookEndpointInput } from "./webhooks.schema";

/**
 * An owner changes which events an endpoint receives, or its description. The URL stays: a new
 * URL is a new receiver, which gets an endpoint (and a secret) of its own. Deliveries already
 * written keep going; events from now on follow the new list.
 */
export async function updateWebhookEndpoint(actor: Actor | null, rawInput: TUpdateWebhookEndpointInput): Promise<void> {
  const input = ZUpdateWebhookEndpointInput.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can change webhook endpoints.");
  const events = await checkedEventTypes(input.organizationId, input.events);
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: input.organizationId }, select: { events: true, description: true } });
    if (!before) throw notFound("That endpoint");
    await tx.webhookEndpoint.updateMany({ where: { id: input.endpointId, organizationId: input.organizationId }, data: { events, description: input.description } });
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.updated",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
      organizationId: input.organizationId,
      before,
      after: { events, description: input.description },
    });
  });
}
