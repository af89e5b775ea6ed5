import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookDeliveryView } from "@/components/webhooks/webhook-delivery-view";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhook delivery" };

export default async function RightsholderWebhookDeliveryPage({ params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  const { id, deliveryId } = await params;
  const actor = await requirePageActor(`/rightsholder/webhooks/${id}/deliveries/${deliveryId}`, can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return <WebhookDeliveryView actor={actor} organizationId={membership.organizationId} kind="RIGHTSHOLDER" endpointId={id} deliveryId={deliveryId} />;
}
