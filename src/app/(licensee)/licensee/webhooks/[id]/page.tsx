import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookEndpointView } from "@/components/webhooks/webhook-endpoint-view";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function LicenseeWebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { before } = await searchParams;
  const actor = await requirePageActor(`/licensee/webhooks/${id}`, can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  return <WebhookEndpointView actor={actor} organizationId={membership.organizationId} kind="LICENSEE" endpointId={id} before={typeof before === "string" ? before : undefined} />;
}
