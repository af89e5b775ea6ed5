import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrganizationOverview } from "@/components/members/organization-overview";
import { ParticipationChecklist, ParticipationStatusBadge, statusExplanation } from "@/components/participation/standing";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { countOpenDisputes } from "@/server/disputes/disputes.queries";
import { getParticipation } from "@/server/participation/participation.queries";

export const metadata: Metadata = { title: "Rightsholder overview" };

export default async function RightsholderHome() {
  const actor = await requirePageActor("/rightsholder", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const [standing, openDisputes] = await Promise.all([
    getParticipation(actor, membership.organizationId),
    countOpenDisputes(actor, membership.organizationId),
  ]);
  const status = standing.profile.status;
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(" ")[0]}`}
        description="Enroll your works in the collective license and receive royalties every quarter."
      />
      <div className="space-y-6">
        <Card>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <CardTitle description={statusExplanation(status, standing.isComplete)}>Participation</CardTitle>
            <ParticipationStatusBadge status={status} />
          </div>
          {status === "REJECTED" && standing.profile.rejectionReason ? (
            <p className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">Staff asked for changes: {standing.profile.rejectionReason}</p>
          ) : null}
          {status !== "APPROVED" ? <ParticipationChecklist items={standing.checklist} /> : null}
          <div className="mt-4 flex flex-wrap gap-2">
            {status !== "APPROVED" ? <LinkButton href="/rightsholder/participation">Continue participation</LinkButton> : null}
            <LinkButton href="/rightsholder/works" variant="secondary">Your works</LinkButton>
            {openDisputes > 0 ? <LinkButton href="/rightsholder/disputes" variant="secondary">{openDisputes} open dispute{openDisputes === 1 ? "" : "s"}</LinkButton> : null}
          </div>
        </Card>
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
