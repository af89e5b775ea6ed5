import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/dates";
import type { UserActor } from "@/server/auth/actor";
import { orNotFoundPage } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getWebhookDelivery } from "@/server/webhooks/webhooks.queries";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { PageHeader } from "../ui/page-header";
import { ResendDeliveryButton } from "./resend-delivery-button";
import { DELIVERY_STATUS, webhooksBasePath } from "./webhook-labels";

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** One delivery: every attempt with what came back, the body as sent, and Resend for owners. */
export async function WebhookDeliveryView({ actor, organizationId, kind, endpointId, deliveryId }: { actor: UserActor; organizationId: string; kind: "LICENSEE" | "RIGHTSHOLDER"; endpointId: string; deliveryId: string }) {
  if (!/^\d{1,18}$/.test(deliveryId)) notFound();
  const delivery = await orNotFoundPage(() => getWebhookDelivery(actor, { organizationId, deliveryId }));
  if (delivery.endpoint.id !== endpointId) notFound();
  const endpointPath = `${webhooksBasePath(kind)}/${endpointId}`;
  const status = DELIVERY_STATUS[delivery.status];
  const canResend = can.manageWebhooks(actor, organizationId) && delivery.status !== "PENDING" && delivery.endpoint.isEnabled;
  return (
    <>
      <Link href={endpointPath} className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">←</span> <span className="break-all font-mono">{delivery.endpoint.url}</span>
      </Link>
      <PageHeader
        title={delivery.eventType}
        description={`Event ${delivery.eventId} · ${formatDateTime(delivery.eventCreatedAt)}${delivery.resentFromId ? " · a resend" : ""}`}
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <div className="space-y-6">
        {delivery.status === "PENDING" && delivery.nextAttemptAt ? (
          <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">Next attempt {formatDateTime(delivery.nextAttemptAt)}.</p>
        ) : null}
        {delivery.status === "FAILED" && delivery.lastError ? (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">{delivery.lastError}</p>
        ) : null}
        {canResend ? <ResendDeliveryButton organizationId={organizationId} deliveryId={delivery.id} /> : null}
        <Card>
          <CardTitle description="Each attempt's HTTP status, how long it took and the first 2 KB of the answer.">Attempts ({delivery.attemptLog.length})</CardTitle>
          {delivery.attemptLog.length === 0 ? (
            <p className="text-sm text-slate-600">Not tried yet: it goes out within a few seconds.</p>
          ) : (
            <ol className="space-y-4">
              {delivery.attemptLog.map((a) => (
                <li key={a.attemptNumber} className="rounded-lg p-3 ring-1 ring-slate-200" data-testid="webhook-attempt">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold text-slate-900">#{a.attemptNumber}</span>
                    {a.responseStatus ? <Badge tone={a.responseStatus >= 200 && a.responseStatus < 300 ? "green" : "red"}>HTTP {a.responseStatus}</Badge> : <Badge tone="red">No answer</Badge>}
                    <span className="text-slate-600">{formatDateTime(a.startedAt)} · {a.durationMs.toLocaleString("en-GB")} ms</span>
                  </p>
                  {a.error ? <p className="mt-1 text-sm text-red-700">{a.error}</p> : null}
                  {a.responseBody ? <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs text-slate-700">{a.responseBody}</pre> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card>
          <CardTitle description="The body exactly as signed and sent (shown indented here).">Payload</CardTitle>
          <pre aria-label="Payload" className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"><code>{pretty(delivery.payload)}</code></pre>
        </Card>
      </div>
    </>
  );
}
