import type { Metadata } from "next";
import Link from "next/link";
import { approveRightsholderAction, markTaxFormValidAction, rejectRightsholderAction } from "@/app/_actions/participation";
import { ActionButton } from "@/components/forms/action-button";
import { RejectForm } from "@/components/participation/forms";
import { ParticipationChecklist, ParticipationStatusBadge } from "@/components/participation/standing";
import { Card, CardTitle } from "@/components/ui/card";
import { countryName } from "@/lib/countries";
import { TAX_FORM_LABELS, type TaxFormTypeCode } from "@/lib/participation/tax-form";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getRightsholderForReview } from "@/server/participation/participation.queries";

export const metadata: Metadata = { title: "Rightsholder review" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[11rem_1fr]">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default async function StaffRightsholderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/rightsholders/${id}`, can.readStaffArea);
  const r = await orNotFoundPage(() => getRightsholderForReview(actor, id));
  const { profile, tax } = r;
  const country = countryName(profile.country);
  return (
    <>
      <Link href="/staff/rightsholders" className="text-sm text-brand-700 hover:underline">← Rightsholders</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{r.organization.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Joined {when.format(r.organization.createdAt)} UTC · {r.works} work{r.works === 1 ? "" : "s"} enrolled
          </p>
        </div>
        <ParticipationStatusBadge status={profile.status} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <CardTitle>What they submitted</CardTitle>
            <dl className="divide-y divide-slate-100 text-sm">
              <Row label="Legal name">{profile.legalName ?? "—"}</Row>
              <Row label="Country">{country}{profile.country ? (profile.isTaxDomestic ? " (domestic payee)" : " (foreign payee)") : ""}</Row>
              <Row label="Contact">
                {profile.contactName ?? "—"}
                {profile.contactEmail ? <> · <a className="text-brand-700 hover:underline" href={`mailto:${profile.contactEmail}`}>{profile.contactEmail}</a></> : null}
              </Row>
              <Row label="Owners">{r.owners.length ? r.owners.map((o) => `${o.name} (${o.email})`).join(", ") : "none"}</Row>
              <Row label="Agreement">
                {r.acceptance
                  ? `Version ${r.acceptance.version}, accepted by ${r.acceptance.byName}${r.acceptance.byEmail ? ` (${r.acceptance.byEmail})` : ""} on ${when.format(r.acceptance.acceptedAt)} UTC${r.acceptance.ip && r.acceptance.ip !== "direct" ? ` from ${r.acceptance.ip}` : ""}`
                  : `Current version ${r.agreement?.version ?? "—"} not accepted`}
              </Row>
              <Row label="Payout account">
                {profile.stripeAccountId ? <><code className="text-xs">{profile.stripeAccountId}</code> · {profile.payoutsEnabled ? "payouts enabled" : "onboarding not finished"}</> : "not connected"}
              </Row>
              <Row label="Tax form">
                {profile.taxFormType ? `${TAX_FORM_LABELS[profile.taxFormType as TaxFormTypeCode]}, signed ${profile.taxFormSignedOn}` : "none"}
                {" · "}
                {{ MISSING: "missing", VALID: "valid", EXPIRED: "expired", AWAITING_REVIEW: "waiting for staff to check" }[tax.state]}
              </Row>
              {profile.submittedAt ? <Row label="Submitted">{when.format(profile.submittedAt)} UTC</Row> : null}
              {profile.approvedAt && profile.status === "APPROVED" ? <Row label="Approved">{when.format(profile.approvedAt)} UTC{r.approvedByName ? ` by ${r.approvedByName}` : ""}</Row> : null}
              {profile.rejectionReason ? <Row label="Changes requested">{profile.rejectionReason}</Row> : null}
            </dl>
          </Card>
        </div>
        <aside className="space-y-6">
          <Card>
            <CardTitle>Checklist</CardTitle>
            <ParticipationChecklist items={r.checklist} linkBase={null} />
          </Card>
          {r.canDecide ? (
            <>
              {tax.state === "AWAITING_REVIEW" ? (
                <Card>
                  <CardTitle description="Forms of type Other count once you have checked the document.">Tax form</CardTitle>
                  <ActionButton action={markTaxFormValidAction} fields={{ organizationId: r.organization.id }} label="Mark tax form valid" variant="secondary" />
                </Card>
              ) : null}
              {profile.status === "PENDING_APPROVAL" ? (
                <Card>
                  <CardTitle description="Approval puts its works in the licensed repertoire; the owners are mailed either way.">Decision</CardTitle>
                  <ActionButton action={approveRightsholderAction} fields={{ organizationId: r.organization.id }} label="Approve" pendingLabel="Approving…" />
                  <div className="mt-5 border-t border-slate-100 pt-4">
                    <RejectForm action={rejectRightsholderAction} organizationId={r.organization.id} />
                  </div>
                </Card>
              ) : null}
            </>
          ) : profile.status === "PENDING_APPROVAL" ? (
            <Card>
              <CardTitle>Decision</CardTitle>
              <p className="text-sm text-slate-600">Waiting for a staff administrator. Analysts can read reviews but not decide them.</p>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
