import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookEndpointView } from "@/components/webhooks/webhook-endpoint-view";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function RightsholderWebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { before } = await searchParams;
  const actor = await requirePageActor(`/rightsholder/webhooks/${id}`, can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return <WebhookEndpointView actor={actor} organizationId={membership.organizationId} kind="RIGHTSHOLDER" endpointId={id} before={typeof before === "string" ? before : undefined} />;
}
