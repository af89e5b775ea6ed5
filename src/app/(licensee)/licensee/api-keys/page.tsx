import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "API keys" };

export default async function LicenseeApiKeysPage() {
  const actor = await requirePageActor("/licensee/api-keys", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  return (
    <>
      <PageHeader title="API keys" description={`Let ${membership.organizationName}'s systems check coverage and report usage.`} />
      <ApiKeysPanel actor={actor} organizationId={membership.organizationId} kind="LICENSEE" />
    </>
  );
}
