import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LicenseCard } from "@/components/licensees/license-card";
import { OrganizationOverview } from "@/components/members/organization-overview";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getLicenseeProfile } from "@/server/licensees/licensee-profile.queries";
import { getLicenseOverview } from "@/server/licensing/grants.queries";

export const metadata: Metadata = { title: "Licensee overview" };

export default async function LicenseeHome() {
  const actor = await requirePageActor("/licensee", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const [profile, license] = await Promise.all([
    getLicenseeProfile(actor, membership.organizationId),
    getLicenseOverview(actor, membership.organizationId),
  ]);
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(" ")[0]}`}
        description="Your organisation's license for training AI systems used outside your organisation."
      />
      <div className="space-y-6">
        <LicenseCard
          profile={profile}
          active={license.active}
          pending={license.pending}
          upcoming={license.upcoming}
          revoked={license.revoked}
          renewalOpensOn={license.renewalOpensOn}
          renewsAutomaticallyOn={license.renewsAutomaticallyOn}
          refunds={license.refunds}
          canRenew={license.canRenew}
          canBuy={license.canBuy}
        />
        <OrganizationOverview actor={actor} organizationId={membership.organizationId} basePath="/licensee" />
        <Card>
          <CardTitle>How the license works</CardTitle>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Your license fee is set by your organisation&apos;s size, industry and country, for a 12-month term.</li>
            <li>While the license is active, the enrolled works are covered for the purposes their rightsholders permit: pre-training, fine-tuning and retrieval.</li>
            <li>Each quarter you report which works you used; the fees, less the operator&apos;s administrative fee, go to those works&apos; rightsholders.</li>
          </ol>
        </Card>
      </div>
    </>
  );
}
