import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZSetWebhookEndpointEnabledInput, type TSetWebhookEndpointEnabledInput } from "./webhooks.schema";

export const DISABLED_BEFORE_DELIVERY = "The endpoint was disabled before this event could be delivered; resend it once the endpoint is enabled.";

/**
 * An owner disables an endpoint (no new deliveries; those still waiting end FAILED, with a reason,
 * so they can be resent later rather than arriving days late on their own) or enables it again.
 */
export async function setWebhookEndpointEnabled(actor: Actor | null, rawInput: TSetWebhookEndpointEnabledInput): Promise<void> {
  const input = ZSetWebhookEndpointEnabledInput.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can enable or disable webhook endpoints.");
  const owner = requireUser(actor);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const moved = await tx.webhookEndpoint.updateMany({
      where: { id: input.endpointId, organizationId: input.organizationId, isEnabled: !input.isEnabled },
      data: input.isEnabled
        ? { isEnabled: true, disabledAt: null, disabledReason: null }
        : { isEnabled: false, disabledAt: now, disabledReason: `Disabled by ${owner.name}.` },
    });
    if (moved.count === 0) {
      const exists = await tx.webhookEndpoint.count({ where: { id: input.endpointId, organizationId: input.organizationId } });
      if (exists === 0) throw notFound("That endpoint");
      return; // already as asked
    }
    if (!input.isEnabled) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: input.endpointId, status: "PENDING" },
        data: { status: "FAILED", nextAttemptAt: null, finishedAt: now, lastError: DISABLED_BEFORE_DELIVERY },
      });
    }
    await writeAudit(tx, actor, {
      action: input.isEnabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
      organizationId: input.organizationId,
      after: { isEnabled: input.isEnabled },
    });
  });
}
