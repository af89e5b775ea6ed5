import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "API keys" };

export default async function RightsholderApiKeysPage() {
  const actor = await requirePageActor("/rightsholder/api-keys", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return (
    <>
      <PageHeader title="API keys" description={`Let your catalogue systems enroll and read ${membership.organizationName}'s works.`} />
      <ApiKeysPanel actor={actor} organizationId={membership.organizationId} kind="RIGHTSHOLDER" />
    </>
  );
}
