import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksOverview } from "@/components/webhooks/webhooks-overview";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhooks" };

export default async function RightsholderWebhooksPage() {
  const actor = await requirePageActor("/rightsholder/webhooks", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return (
    <>
      <PageHeader title="Webhooks" description="Hear about finished imports and new statements in your own systems as they happen." />
      <WebhooksOverview actor={actor} organizationId={membership.organizationId} kind="RIGHTSHOLDER" />
    </>
  );
}
