import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrganizationOverview } from "@/components/members/organization-overview";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Rightsholder overview" };

export default async function RightsholderHome() {
  const actor = await requirePageActor("/rightsholder", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(" ")[0]}`}
        description="Enroll your works in the collective license and receive royalties every quarter."
      />
      <div className="space-y-6">
        <OrganizationOverview actor={actor} organizationId={membership.organizationId} basePath="/rightsholder" />
        <Card>
          <CardTitle>How participation works</CardTitle>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Your organisation accepts the participation agreement and keeps payout and tax details on file.</li>
            <li>You enroll works and choose, per work, which AI purposes they may be licensed for. You can exclude a work from a date on.</li>
            <li>Every quarter, licensees report what they used; you receive a statement and a payout once your balance passes the minimum.</li>
          </ol>
        </Card>
      </div>
    </>
  );
}
