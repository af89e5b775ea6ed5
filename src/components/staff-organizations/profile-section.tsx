import Link from "next/link";
import { countryName } from "@/lib/countries";
import { formatDateTime, formatDay } from "@/lib/dates";
import { TAX_FORM_LABELS, type TaxFormState, type TaxFormTypeCode } from "@/lib/participation/tax-form";
import { INDUSTRY_LABELS, type IndustryGroupCode } from "@/lib/pricing/price-license";
import type { StaffOrganizationView } from "@/server/organizations/staff-organization.queries";
import { ParticipationChecklist, ParticipationStatusBadge } from "../participation/standing";
import { Card, CardTitle } from "../ui/card";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export function taxFormText(tax: TaxFormState): string {
  switch (tax.state) {
    case "MISSING": return "missing: royalties are withheld";
    case "VALID": return tax.expiresOn ? `valid through ${formatDay(tax.expiresOn)}` : "valid";
    case "EXPIRED": return `expired on ${formatDay(tax.expiredOn)}: royalties are withheld`;
    case "AWAITING_REVIEW": return "waiting for staff to check";
  }
}

function LicenseeProfile({ profile }: { profile: NonNullable<StaffOrganizationView["licensee"]> }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm" data-testid="licensee-profile">
      <Row label="Legal name">{profile.legalName ?? "—"}</Row>
      <Row label="Country">{profile.country ? countryName(profile.country) : "—"}</Row>
      <Row label="Industry">{profile.industryGroup ? INDUSTRY_LABELS[profile.industryGroup as IndustryGroupCode] : "—"}</Row>
      <Row label="Employees">{profile.employeeCount?.toLocaleString("en-US") ?? "—"}</Row>
      <Row label="AI systems">{profile.aiSystemsDescription ?? "—"}</Row>
      <Row label="Lawful content attested">
        {profile.lawfulContentAttestedAt ? `${formatDateTime(profile.lawfulContentAttestedAt)}${profile.attestedByName ? ` by ${profile.attestedByName}` : ""}` : "not yet"}
      </Row>
      <Row label="Stripe customer">{profile.stripeCustomerId ? <code className="text-xs">{profile.stripeCustomerId}</code> : "none yet"}</Row>
    </dl>
  );
}

function RightsholderProfile({ standing, organizationId }: { standing: NonNullable<StaffOrganizationView["rightsholder"]>; organizationId: string }) {
  const { profile, tax } = standing;
  return (
    <dl className="divide-y divide-slate-100 text-sm" data-testid="rightsholder-profile">
      <Row label="Participation"><ParticipationStatusBadge status={profile.status} /> <Link href={`/staff/rightsholders/${organizationId}`} className="ml-2 text-brand-700 hover:underline">Review page</Link></Row>
      <Row label="Legal name">{profile.legalName ?? "—"}</Row>
      <Row label="Country">{profile.country ? `${countryName(profile.country)} (${profile.isTaxDomestic ? "domestic" : "foreign"} payee)` : "—"}</Row>
      <Row label="Contact">{profile.contactName ?? "—"}{profile.contactEmail ? ` · ${profile.contactEmail}` : ""}</Row>
      <Row label="Agreement">{standing.acceptance ? `Version ${standing.acceptance.version}, accepted ${formatDateTime(standing.acceptance.acceptedAt)} by ${standing.acceptance.byName}` : "current version not accepted"}</Row>
      <Row label="Payout account">{profile.stripeAccountId ? <><code className="text-xs">{profile.stripeAccountId}</code> · {profile.payoutsEnabled ? "payouts enabled" : "onboarding not finished"}</> : "not connected"}</Row>
      <Row label="Tax form">
        <span data-testid="tax-form-state">
          {profile.taxFormType ? `${TAX_FORM_LABELS[profile.taxFormType as TaxFormTypeCode]}, signed ${formatDay(profile.taxFormSignedOn!)} · ` : ""}{taxFormText(tax)}
        </span>
      </Row>
      {profile.submittedAt ? <Row label="Submitted">{formatDateTime(profile.submittedAt)}</Row> : null}
      {profile.rejectionReason ? <Row label="Changes requested">{profile.rejectionReason}</Row> : null}
    </dl>
  );
}

/** The profile tab: the organisation's own details and, for a rightsholder, where it stands. */
export function ProfileSection({ view }: { view: StaffOrganizationView }) {
  const { organization } = view;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <Card>
        <CardTitle description={`Signed up ${formatDateTime(organization.createdAt)}.`}>Profile</CardTitle>
        {view.licensee ? <LicenseeProfile profile={view.licensee} /> : null}
        {view.rightsholder ? <RightsholderProfile standing={view.rightsholder} organizationId={organization.id} /> : null}
        {!view.licensee && !view.rightsholder ? <p className="text-sm text-slate-600">No profile yet.</p> : null}
      </Card>
      <div className="space-y-6">
        {organization.isSuspended ? (
          <Card>
            <CardTitle>Suspended</CardTitle>
            <p className="text-sm text-slate-700">
              {organization.suspendedAt ? `Since ${formatDateTime(organization.suspendedAt)}` : "Switched off"}{organization.suspendReason ? `: ${organization.suspendReason}` : "."}
            </p>
          </Card>
        ) : null}
        {view.rightsholder ? (
          <Card>
            <CardTitle>Participation checklist</CardTitle>
            <ParticipationChecklist items={view.rightsholder.checklist} linkBase={null} />
          </Card>
        ) : null}
        {organization.kind === "RIGHTSHOLDER" ? (
          <Card>
            <CardTitle>Works</CardTitle>
            <p className="text-sm text-slate-700">{view.counts.works.toLocaleString("en-US")} works on file (merged duplicates not counted).</p>
            <Link href={`/staff/works?rightsholder=${organization.id}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">Open in the repertoire →</Link>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
