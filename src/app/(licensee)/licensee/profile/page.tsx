import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { updateLicenseeProfileAction } from "@/app/_actions/licensees";
import { LicenseQuoteCard } from "@/components/licensees/license-quote-card";
import { LicenseeProfileForm } from "@/components/licensees/licensee-profile-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countryName } from "@/lib/countries";
import { INDUSTRY_LABELS } from "@/lib/pricing/price-license";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getLicenseeProfile } from "@/server/licensees/licensee-profile.queries";

export const metadata: Metadata = { title: "Organisation profile" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function LicenseeProfilePage() {
  const actor = await requirePageActor("/licensee/profile", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const profile = await getLicenseeProfile(actor, membership.organizationId);

  return (
    <>
      <PageHeader
        title="Organisation profile"
        description="What the license is priced from and issued to. The license covers AI systems used outside your organisation."
        actions={<Badge tone={profile.isComplete ? "green" : "amber"}>{profile.isComplete ? "Complete" : "Incomplete"}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardTitle description={!profile.canManage && profile.attestation ? `Attested by ${profile.attestation.byName} on ${when.format(profile.attestation.at)} UTC.` : undefined}>
            {profile.canManage ? "Your details" : "Details on file"}
          </CardTitle>
          {profile.canManage ? (
            <LicenseeProfileForm
              action={updateLicenseeProfileAction}
              organizationId={profile.organizationId}
              profile={profile}
              attestedOn={profile.attestation ? `by ${profile.attestation.byName} on ${when.format(profile.attestation.at)} UTC` : null}
            />
          ) : (
            <>
              <dl className="grid gap-3 text-sm sm:grid-cols-2">
                <div><dt className="text-slate-500">Legal name</dt><dd>{profile.legalName ?? "—"}</dd></div>
                <div><dt className="text-slate-500">Country</dt><dd>{countryName(profile.country)}</dd></div>
                <div><dt className="text-slate-500">Industry group</dt><dd>{profile.industryGroup ? INDUSTRY_LABELS[profile.industryGroup] : "—"}</dd></div>
                <div><dt className="text-slate-500">Employees</dt><dd>{profile.employeeCount?.toLocaleString("en-US") ?? "—"}</dd></div>
                <div className="sm:col-span-2"><dt className="text-slate-500">AI systems and their external use</dt><dd className="whitespace-pre-line">{profile.aiSystemsDescription ?? "—"}</dd></div>
              </dl>
              <p className="mt-4 text-xs text-slate-500">Only the organisation&apos;s owners change its profile.</p>
            </>
          )}
        </Card>
        <div className="self-start">
          <LicenseQuoteCard profile={profile} />
        </div>
      </div>
    </>
  );
}
