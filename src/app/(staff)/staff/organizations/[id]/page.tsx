import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysSection, AuditSection } from "@/components/staff-organizations/access-sections";
import { CoverageChecksSection, GrantsSection, UsageReportsSection } from "@/components/staff-organizations/licensee-sections";
import { MembersSection } from "@/components/staff-organizations/members-section";
import { KindBadge, StateBadge, formatCount } from "@/components/staff-organizations/organization-badges";
import { LICENSEE_TABS, OrganizationTabs, RIGHTSHOLDER_TABS } from "@/components/staff-organizations/organization-tabs";
import { ProfileSection } from "@/components/staff-organizations/profile-section";
import { DisputesSection, StatementsSection } from "@/components/staff-organizations/rightsholder-sections";
import { Stat } from "@/components/ui/stat";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getOrganizationForStaff } from "@/server/organizations/staff-organization.queries";

export const metadata: Metadata = { title: "Organisation" };

export default async function StaffOrganizationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/organizations/${id}`, can.readStaffArea);
  const view = await orNotFoundPage(() => getOrganizationForStaff(actor, id));
  const query = await searchParams;
  const { organization, counts } = view;
  const isLicensee = organization.kind === "LICENSEE";
  const tabs = isLicensee ? LICENSEE_TABS : RIGHTSHOLDER_TABS;
  const tab = tabs.find((t) => t.value === query.tab)?.value ?? "profile";
  const base = `/staff/organizations/${organization.id}`;
  const section = { actor, organizationId: organization.id, page: query.page };
  return (
    <>
      <Link href="/staff/organizations" className="text-sm text-brand-700 hover:underline">← Organisations</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{organization.name}</h1>
          <p className="mt-1 text-sm text-slate-600">Read-only: staff see what the organisation sees and never act as it.</p>
        </div>
        <span className="flex gap-2"><KindBadge kind={organization.kind} /><StateBadge isSuspended={organization.isSuspended} /></span>
      </div>
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Members" value={formatCount(counts.members)} hint={`${counts.activeOwners} active owner${counts.activeOwners === 1 ? "" : "s"}`} href={`${base}?tab=members`} />
        {isLicensee ? (
          <>
            <Stat label="Active licenses" value={formatCount(counts.activeGrants)} href={`${base}?tab=grants`} />
            <Stat label="Usage reports" value={formatCount(counts.usageReports)} href={`${base}?tab=usage`} />
          </>
        ) : (
          <>
            <Stat label="Works" value={formatCount(counts.works)} href={`/staff/works?rightsholder=${organization.id}`} />
            <Stat label="Statements" value={formatCount(counts.statements)} href={`${base}?tab=statements`} />
          </>
        )}
        <Stat label="Open disputes" value={formatCount(counts.openDisputes)} href={isLicensee ? undefined : `${base}?tab=disputes`} />
      </dl>
      <OrganizationTabs basePath={base} current={tab} tabs={tabs} />
      {tab === "profile" ? <ProfileSection view={view} /> : null}
      {tab === "members" ? <MembersSection actor={actor} view={view} page={query.page} /> : null}
      {tab === "grants" ? <GrantsSection {...section} /> : null}
      {tab === "usage" ? <UsageReportsSection {...section} /> : null}
      {tab === "coverage" ? <CoverageChecksSection {...section} /> : null}
      {tab === "statements" ? <StatementsSection {...section} organizationName={organization.name} /> : null}
      {tab === "disputes" ? <DisputesSection actor={actor} organizationId={organization.id} /> : null}
      {tab === "api-keys" ? <ApiKeysSection actor={actor} organizationId={organization.id} /> : null}
      {tab === "audit" ? <AuditSection {...section} /> : null}
    </>
  );
}
