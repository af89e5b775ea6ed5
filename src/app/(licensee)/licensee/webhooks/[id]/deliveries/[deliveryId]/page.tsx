import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookDeliveryView } from "@/components/webhooks/webhook-delivery-view";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhook delivery" };

export default async function LicenseeWebhookDeliveryPage({ params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  const { id, deliveryId } = await params;
  const actor = await requirePageActor(`/licensee/webhooks/${id}/deliveries/${deliveryId}`, can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  return <WebhookDeliveryView actor={actor} organizationId={membership.organizationId} kind="LICENSEE" endpointId={id} deliveryId={deliveryId} />;
}
