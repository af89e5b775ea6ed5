import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { notFound, validation } from "../errors";
import { eventTypesForKind } from "./webhook-events";
import { encryptSigningSecret, newSigningSecret } from "./webhook-secrets";
import { webhookUrlProblem, type Resolver } from "./webhook-url";
import { MAX_ENDPOINTS_PER_ORGANIZATION, ZCreateWebhookEndpointInput, type TCreateWebhookEndpointInput } from "./webhooks.schema";

export type CreatedWebhookEndpoint = {
  id: string;
  url: string;
  events: string[];
  /** The signing secret: returned here once, then only ever used to sign. */
  secret: string;
};

/** The events an endpoint of this organisation may listen to, in the list's order; refuses others. */
export async function checkedEventTypes(organizationId: string, requested: string[]): Promise<string[]> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
  if (!organization) throw notFound("That organisation");
  const offered: string[] = eventTypesForKind(organization.kind);
  const unknown = requested.filter((e) => !offered.includes(e));
  if (unknown.length > 0) {
    throw validation("Choose from the events listed.", { events: [`${unknown.map((e) => `"${e.slice(0, 60)}"`).join(", ")} can't be sent to this organisation; choose from ${offered.join(", ")}.`] });
  }
  return offered.filter((e) => requested.includes(e));
}

/**
 * An owner registers a URL for some of the organisation's events. The URL is checked (https, no
 * credentials, in production a public address: webhook-url.ts) and the signing secret is made
 * here, stored encrypted and shown once; the audit row never holds it.
 */
export async function createWebhookEndpoint(actor: Actor | null, rawInput: TCreateWebhookEndpointInput, options: { resolve?: Resolver } = {}): Promise<CreatedWebhookEndpoint> {
  const input = ZCreateWebhookEndpointInput.parse(rawInput);
  authorize(can.manageWebhooks(actor, input.organizationId), "Only the organisation's owners can add webhook endpoints.");
  const owner = requireUser(actor);
  const events = await checkedEventTypes(input.organizationId, input.events);
  const urlProblem = await webhookUrlProblem(input.url, { resolve: options.resolve });
  if (urlProblem) throw validation("This URL can't receive webhooks.", { url: [urlProblem] });

  const secret = newSigningSecret();
  return db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findMany({ where: { organizationId: input.organizationId }, select: { url: true } });
    if (existing.some((e) => e.url === input.url)) throw validation("This URL is already registered.", { url: ["An endpoint with this URL exists; change its events instead."] });
    if (existing.length >= MAX_ENDPOINTS_PER_ORGANIZATION) throw validation(`An organisation can have ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints; delete one first.`);
    const endpoint = await tx.webhookEndpoint.create({
      data: { organizationId: input.organizationId, url: input.url, description: input.description, events, secretEncrypted: encryptSigningSecret(secret), createdById: owner.userId },
      select: { id: true, url: true, events: true },
    });
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      organizationId: input.organizationId,
      after: { url: endpoint.url, description: input.description, events },
    });
    return { ...endpoint, secret };
  });
}
