import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { encryptSigningSecret, newSigningSecret } from "./webhook-secrets";
import { ROLLED_SECRET_OVERLAP_HOURS, ZWebhookEndpointRef, type TWebhookEndpointRef } from "./webhooks.schema";

export type RolledSecret = { endpointId: string; secret: string; previousSecretExpiresAt: Date };

/**
 * An owner rolls the signing secret: a new one, shown once, signs from now on; the one it replaces
 * keeps signing beside it (a second v1 in Clearway-Signature) for 24 hours, so the receiver can
 * switch without rejecting a delivery. Rolling again within the overlap drops the oldest secret.
 */
export async function rollWebhookSecret(actor: Actor | null, rawInput: TWebhookEndpointRef, now = new Date()): Promise<RolledSecret> {
  const input = ZWebhookEndpointRef.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can roll signing secrets.");
  const secret = newSigningSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + ROLLED_SECRET_OVERLAP_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: input.organizationId }, select: { secretEncrypted: true } });
    if (!endpoint) throw notFound("That endpoint");
    const moved = await tx.webhookEndpoint.updateMany({
      // Conditional on the secret read: two rolls at once leave one of them in force, not a mix.
      where: { id: input.endpointId, organizationId: input.organizationId, secretEncrypted: endpoint.secretEncrypted },
      data: { secretEncrypted: encryptSigningSecret(secret), previousSecretEncrypted: endpoint.secretEncrypted, previousSecretExpiresAt },
    });
    if (moved.count !== 1) throw notFound("That endpoint");
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.secret_rolled",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
      organizationId: input.organizationId,
      after: { previousSecretExpiresAt },
    });
    return { endpointId: input.endpointId, secret, previousSecretExpiresAt };
  });
}
