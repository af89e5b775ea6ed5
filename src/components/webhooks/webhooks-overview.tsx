import Link from "next/link";
import type { UserActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policies";
import { eventTypesForKind, WEBHOOK_EVENT_TYPES } from "@/server/webhooks/webhook-events";
import { listWebhookEndpoints, type WebhookEndpointListItem } from "@/server/webhooks/webhooks.queries";
import { formatDateTime } from "@/lib/dates";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { CreateWebhookEndpointForm } from "./create-webhook-endpoint-form";
import { VerificationGuide } from "./verification-guide";
import { DELIVERY_STATUS, webhooksBasePath, type EventOption } from "./webhook-labels";

type Kind = "LICENSEE" | "RIGHTSHOLDER";

export function eventOptionsFor(kind: Kind): EventOption[] {
  return eventTypesForKind(kind).map((value) => ({ value, label: WEBHOOK_EVENT_TYPES[value].label, description: WEBHOOK_EVENT_TYPES[value].description }));
}

function EndpointRow({ endpoint, basePath }: { endpoint: WebhookEndpointListItem; basePath: string }) {
  const last = endpoint.lastDelivery;
  return (
    <li className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="webhook-endpoint-row">
      <div className={endpoint.isEnabled ? "min-w-0" : "min-w-0 opacity-70"}>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`${basePath}/${endpoint.id}`} className="truncate font-mono text-sm font-semibold text-brand-700 hover:underline">
            {endpoint.url}
          </Link>
          {endpoint.isEnabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
        </div>
        {endpoint.description ? <p className="mt-1 text-sm text-slate-600">{endpoint.description}</p> : null}
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Events">
          {endpoint.events.map((e) => (
            <li key={e}>
              <code className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{e}</code>
            </li>
          ))}
        </ul>
      </div>
      <div className="shrink-0 text-sm text-slate-600 sm:text-right">
        {last ? (
          <>
            <Badge tone={DELIVERY_STATUS[last.status].tone}>{DELIVERY_STATUS[last.status].label}</Badge>
            <p className="mt-1 text-xs">
              Last: <code>{last.eventType}</code>
              {last.lastAttemptAt ? ` · ${formatDateTime(last.lastAttemptAt)}` : ""}
              {last.lastResponseStatus ? ` · HTTP ${last.lastResponseStatus}` : ""}
            </p>
          </>
        ) : (
          <p className="text-xs">No deliveries yet</p>
        )}
      </div>
    </li>
  );
}

/** An organisation's webhook endpoints: the list for every member, adding one for owners, and the receiver's guide. */
export async function WebhooksOverview({ actor, organizationId, kind }: { actor: UserActor; organizationId: string; kind: Kind }) {
  const endpoints = await listWebhookEndpoints(actor, organizationId);
  const canManage = can.manageWebhooks(actor, organizationId);
  const basePath = webhooksBasePath(kind);
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle description="Clearway sends each event to every enabled endpoint that listens for it.">Endpoints ({endpoints.length})</CardTitle>
        {endpoints.length === 0 ? (
          <EmptyState title="No endpoints yet">
            {canManage ? "Add one below to hear about events as they happen, instead of polling the API." : "When an owner adds an endpoint, it is listed here with its deliveries."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {endpoints.map((e) => (
              <EndpointRow key={e.id} endpoint={e} basePath={basePath} />
            ))}
          </ul>
        )}
      </Card>
      {canManage ? (
        <Card>
          <CardTitle description="You get a signing secret once the endpoint is added; your receiver checks every delivery with it.">Add an endpoint</CardTitle>
          <CreateWebhookEndpointForm organizationId={organizationId} events={eventOptionsFor(kind)} basePath={basePath} />
        </Card>
      ) : (
        <p className="rounded-lg bg-white px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
          Only the organisation&apos;s owners add, change and delete endpoints and resend deliveries.
        </p>
      )}
      <VerificationGuide />
    </div>
  );
}
