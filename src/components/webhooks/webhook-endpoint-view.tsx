import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/dates";
import type { UserActor } from "@/server/auth/actor";
import { orNotFoundPage } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/server/webhooks/webhooks.queries";
import { ZWebhookEndpointRef } from "@/server/webhooks/webhooks.schema";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { PageHeader } from "../ui/page-header";
import { DeliveriesTable } from "./deliveries-table";
import { EditEndpointEventsForm } from "./edit-endpoint-events-form";
import { DeleteEndpointButton, RollSecretForm, SendTestEventButton, ToggleEndpointButton } from "./endpoint-owner-actions";
import { webhooksBasePath } from "./webhook-labels";
import { eventOptionsFor } from "./webhooks-overview";

type Kind = "LICENSEE" | "RIGHTSHOLDER";

/** One endpoint: its settings, the owners' actions, and its deliveries; the 404 page for another organisation's. */
export async function WebhookEndpointView({ actor, organizationId, kind, endpointId, before }: { actor: UserActor; organizationId: string; kind: Kind; endpointId: string; before?: string }) {
  if (!ZWebhookEndpointRef.safeParse({ organizationId, endpointId }).success) notFound();
  const endpoint = await orNotFoundPage(() => getWebhookEndpoint(actor, { organizationId, endpointId }));
  const page = await listWebhookDeliveries(actor, { organizationId, endpointId, before: before && /^\d{1,18}$/.test(before) ? before : undefined, take: 25 });
  const canManage = can.manageWebhooks(actor, organizationId);
  const basePath = webhooksBasePath(kind);
  const target = { organizationId, endpointId };
  const isOverlapping = endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > new Date();
  return (
    <>
      <Link href={basePath} className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">←</span> Webhooks
      </Link>
      <PageHeader
        title="Webhook endpoint"
        description={<span className="break-all font-mono">{endpoint.url}</span>}
        actions={endpoint.isEnabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
      />
      <div className="space-y-6">
        {!endpoint.isEnabled ? (
          <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700">
            Disabled {endpoint.disabledAt ? formatDateTime(endpoint.disabledAt) : ""}. {endpoint.disabledReason} Nothing is sent to it until it is enabled.
          </p>
        ) : null}
        {isOverlapping ? (
          <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100">
            The secret was rolled: until {formatDateTime(endpoint.previousSecretExpiresAt!)} deliveries are signed with both the new and the previous secret.
          </p>
        ) : null}
        {canManage ? (
          <Card>
            <CardTitle description="A test event is delivered, signed and retried like any other.">Actions</CardTitle>
            <div className="flex flex-wrap items-start gap-3">
              {endpoint.isEnabled ? <SendTestEventButton target={target} /> : null}
              <RollSecretForm target={target} />
              <ToggleEndpointButton target={target} isEnabled={endpoint.isEnabled} />
              <DeleteEndpointButton target={target} area={kind === "LICENSEE" ? "licensee" : "rightsholder"} url={endpoint.url} />
            </div>
          </Card>
        ) : null}
        <Card>
          <CardTitle description={`Added ${formatDateTime(endpoint.createdAt)}.`}>Events</CardTitle>
          {canManage ? (
            <EditEndpointEventsForm organizationId={organizationId} endpointId={endpointId} options={eventOptionsFor(kind)} events={endpoint.events} description={endpoint.description} />
          ) : (
            <>
              {endpoint.description ? <p className="mb-2 text-sm text-slate-700">{endpoint.description}</p> : null}
              <ul className="flex flex-wrap gap-1.5">
                {endpoint.events.map((e) => (
                  <li key={e}><code className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{e}</code></li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <section aria-labelledby="deliveries-heading" className="space-y-3">
          <h2 id="deliveries-heading" className="text-base font-semibold text-slate-900">Deliveries</h2>
          <DeliveriesTable deliveries={page.deliveries} endpointPath={`${basePath}/${endpointId}`} nextBefore={page.nextBefore} isFirstPage={!before} />
        </section>
      </div>
    </>
  );
}
