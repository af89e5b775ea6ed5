import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MembersPanel } from "@/components/members/members-panel";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Members" };

export default async function RightsholderMembersPage() {
  const actor = await requirePageActor("/rightsholder/members", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return (
    <>
      <PageHeader title="Members" description={`People who can act for ${membership.organizationName}.`} />
      <MembersPanel actor={actor} organizationId={membership.organizationId} />
    </>
  );
}
