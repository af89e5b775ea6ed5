import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZWebhookEndpointRef, type TWebhookEndpointRef } from "./webhooks.schema";

/** An owner deletes an endpoint with its deliveries; the events stay (other endpoints may have them). */
export async function deleteWebhookEndpoint(actor: Actor | null, rawInput: TWebhookEndpointRef): Promise<void> {
  const input = ZWebhookEndpointRef.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can delete webhook endpoints.");
  await db.$transaction(async (tx) => {
    const where = { id: input.endpointId, organizationId: input.organizationId };
    const endpoint = await tx.webhookEndpoint.findFirst({ where, select: { url: true, events: true } });
    const deleted = endpoint ? await tx.webhookEndpoint.deleteMany({ where }) : { count: 0 };
    if (!endpoint || deleted.count !== 1) throw notFound("That endpoint");
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.deleted",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
      organizationId: input.organizationId,
      before: endpoint,
    });
  });
}
