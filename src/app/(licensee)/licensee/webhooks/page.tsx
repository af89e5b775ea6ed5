import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksOverview } from "@/components/webhooks/webhooks-overview";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Webhooks" };

export default async function LicenseeWebhooksPage() {
  const actor = await requirePageActor("/licensee/webhooks", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  return (
    <>
      <PageHeader title="Webhooks" description="Hear about license and usage-report events in your own systems as they happen." />
      <WebhooksOverview actor={actor} organizationId={membership.organizationId} kind="LICENSEE" />
    </>
  );
}
