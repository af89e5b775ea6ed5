import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueWebhookDelivery } from "./emit-webhook-event";
import { ZWebhookDeliveryRef, type TWebhookDeliveryRef } from "./webhooks.schema";

/**
 * An owner resends a finished delivery (failed, or succeeded but lost by the receiver): a new
 * delivery of the same event, with the same id and body and a fresh day of retries, goes out
 * within seconds; the original stays as it was, with its attempts. One delivery of an event waits
 * per endpoint at a time (a partial unique index), so resending twice quickly sends it once.
 */
export async function resendWebhookDelivery(actor: Actor | null, rawInput: TWebhookDeliveryRef): Promise<{ deliveryId: string }> {
  const input = ZWebhookDeliveryRef.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can resend webhook deliveries.");
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({
      where: { id: BigInt(input.deliveryId), organizationId: input.organizationId },
      select: { id: true, endpointId: true, eventId: true, eventType: true, status: true, endpoint: { select: { isEnabled: true } } },
    });
    if (!original) throw notFound("That delivery");
    if (original.status === "PENDING") throw new AppError("CONFLICT", "This delivery is still being retried; it can be resent once it has succeeded or failed.");
    if (!original.endpoint.isEnabled) throw validation("Enable the endpoint to resend to it.");
    const now = new Date();
    const created = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO webhook_deliveries ("organizationId", "endpointId", "eventId", "eventType", "resentFromId", "nextAttemptAt", "createdAt")
      VALUES (${input.organizationId}::uuid, ${original.endpointId}::uuid, ${original.eventId}::uuid, ${original.eventType}, ${original.id}, ${now}, ${now})
      ON CONFLICT ("endpointId", "eventId") WHERE status = 'PENDING' DO NOTHING
      RETURNING id`;
    if (created.length === 0) throw new AppError("CONFLICT", "This event is already waiting to be sent to this endpoint.");
    await enqueueWebhookDelivery(tx, now);
    const deliveryId = created[0]!.id.toString();
    await writeAudit(tx, actor, {
      action: "webhook_delivery.resent",
      entityType: "WebhookDelivery",
      entityId: deliveryId,
      organizationId: input.organizationId,
      after: { resentFromId: original.id, eventId: original.eventId, eventType: original.eventType },
    });
    return { deliveryId };
  });
}
