import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  acceptAgreementAction,
  connectPayoutAccountAction,
  recordTaxFormAction,
  submitParticipationAction,
  updateRightsholderProfileAction,
} from "@/app/_actions/participation";
import { ActionButton } from "@/components/forms/action-button";
import { RightsholderProfileForm, TaxFormForm } from "@/components/participation/forms";
import { ParticipationChecklist, ParticipationStatusBadge, statusExplanation } from "@/components/participation/standing";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countryName as nameOfCountry } from "@/lib/countries";
import { TAX_FORM_LABELS, type TaxFormTypeCode } from "@/lib/participation/tax-form";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getParticipation } from "@/server/participation/participation.queries";

export const metadata: Metadata = { title: "Participation" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const day = (iso: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

const PAYOUT_NOTICE: Record<string, { tone: string; text: string }> = {
  enabled: { tone: "bg-emerald-50 text-emerald-800 ring-emerald-200", text: "Payout account connected: payouts are enabled." },
  pending: { tone: "bg-amber-50 text-amber-900 ring-amber-200", text: "Stripe still needs some details before payouts are enabled. Continue the onboarding to finish." },
  expired: { tone: "bg-amber-50 text-amber-900 ring-amber-200", text: "The onboarding link expired or was left early. Start it again below." },
  error: { tone: "bg-red-50 text-red-800 ring-red-200", text: "We could not check the payout account with Stripe just now. Try again in a moment." },
  forbidden: { tone: "bg-red-50 text-red-800 ring-red-200", text: "Only the organisation's owners can set up payouts." },
};

function ReadOnlyNote() {
  return <p className="text-sm text-slate-500">Only the organisation&apos;s owners can change this.</p>;
}

export default async function ParticipationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/rightsholder/participation", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const organizationId = membership.organizationId;
  const standing = await getParticipation(actor, organizationId);
  const { profile, agreement, acceptance, tax, canManage } = standing;
  const payoutNotice = PAYOUT_NOTICE[(await searchParams).payout ?? ""];
  const canSubmit = canManage && standing.isComplete && (profile.status === "DRAFT" || profile.status === "REJECTED");
  const countryName = nameOfCountry(profile.country);

  return (
    <>
      <PageHeader
        title="Participation"
        description={`What ${membership.organizationName} has agreed to and keeps on file so that its works can be licensed and royalties paid.`}
        actions={<ParticipationStatusBadge status={profile.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {profile.status === "REJECTED" && profile.rejectionReason ? (
            <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
              <strong>Staff asked for changes:</strong> {profile.rejectionReason}
            </p>
          ) : null}

          <section id="agreement">
            <Card>
              <CardTitle description={agreement ? `Version ${agreement.version}` : undefined}>Participation agreement</CardTitle>
              {agreement ? (
                <>
                  <h3 className="text-sm font-semibold text-slate-900">{agreement.title}</h3>
                  <div className="mt-2 max-h-56 overflow-y-auto whitespace-pre-line rounded-lg bg-slate-50 p-4 text-sm leading-relaxed text-slate-700 ring-1 ring-slate-200">
                    {agreement.body}
                  </div>
                  <div className="mt-4">
                    {acceptance ? (
                      <p className="text-sm text-emerald-800">
                        ✓ Accepted by {acceptance.byName} on {when.format(acceptance.acceptedAt)} UTC (version {acceptance.version}).
                      </p>
                    ) : canManage ? (
                      <>
                        {standing.earlierAcceptances.length > 0 ? (
                          <p className="mb-3 text-sm text-amber-800">A new version was published since you accepted version {standing.earlierAcceptances[0]!.version}. Please read and accept it.</p>
                        ) : null}
                        <ActionButton action={acceptAgreementAction} fields={{ organizationId, agreementId: agreement.id }} label={`I accept version ${agreement.version} on behalf of ${membership.organizationName}`} pendingLabel="Recording…" />
                      </>
                    ) : (
                      <ReadOnlyNote />
                    )}
                  </div>
                </>
              ) : (
                <p className="text-sm text-slate-600">No agreement has been published yet.</p>
              )}
            </Card>
          </section>

          <section id="profile">
            <Card>
              <CardTitle description="Who you are, for the agreement, statements and tax.">Organisation profile</CardTitle>
              {canManage ? (
                <RightsholderProfileForm action={updateRightsholderProfileAction} organizationId={organizationId} profile={profile} />
              ) : (
                <>
                  <dl className="grid gap-3 text-sm sm:grid-cols-2">
                    <div><dt className="text-slate-500">Legal name</dt><dd>{profile.legalName ?? "—"}</dd></div>
                    <div><dt className="text-slate-500">Country</dt><dd>{countryName ?? "—"}</dd></div>
                    <div><dt className="text-slate-500">Contact</dt><dd>{profile.contactName ?? "—"}</dd></div>
                    <div><dt className="text-slate-500">Contact email</dt><dd>{profile.contactEmail ?? "—"}</dd></div>
                  </dl>
                  <div className="mt-3"><ReadOnlyNote /></div>
                </>
              )}
            </Card>
          </section>

          <section id="payout">
            <Card>
              <CardTitle description="Royalties are transferred to a Stripe Connect account in your organisation's name.">Payout account</CardTitle>
              {payoutNotice ? <p className={`mb-4 rounded-lg px-3 py-2 text-sm ring-1 ${payoutNotice.tone}`}>{payoutNotice.text}</p> : null}
              <p className="mb-4 text-sm text-slate-700">
                {profile.payoutsEnabled
                  ? "✓ Connected, payouts enabled."
                  : profile.stripeAccountId
                    ? "Started, but Stripe has not enabled payouts yet."
                    : "Not connected yet. Stripe asks for your bank details and identity; the portal never sees them."}
              </p>
              {canManage ? (
                profile.payoutsEnabled ? null : (
                  <ActionButton
                    action={connectPayoutAccountAction}
                    fields={{ organizationId }}
                    label={profile.stripeAccountId ? "Continue onboarding with Stripe" : "Connect payout account"}
                    pendingLabel="Opening Stripe…"
                  />
                )
              ) : (
                <ReadOnlyNote />
              )}
            </Card>
          </section>

          <section id="tax-form">
            <Card>
              <CardTitle description="Without a valid form, royalties are withheld at the rate for your country.">Tax form</CardTitle>
              <p className="mb-4 text-sm text-slate-700">
                {tax.state === "MISSING" && "No form on file."}
                {tax.state === "VALID" && `✓ ${TAX_FORM_LABELS[profile.taxFormType as TaxFormTypeCode]} signed ${day(profile.taxFormSignedOn!)}: valid${tax.expiresOn ? ` through ${day(tax.expiresOn)}` : ""}.`}
                {tax.state === "EXPIRED" && `${TAX_FORM_LABELS[profile.taxFormType as TaxFormTypeCode]} expired on ${day(tax.expiredOn)}. Sign a new one and record it.`}
                {tax.state === "AWAITING_REVIEW" && "On file; staff check forms of type Other before they count."}
              </p>
              {canManage ? (
                <TaxFormForm key={`${profile.taxFormType}-${profile.taxFormSignedOn}`} action={recordTaxFormAction} organizationId={organizationId} current={{ type: profile.taxFormType, signedOn: profile.taxFormSignedOn }} />
              ) : (
                <ReadOnlyNote />
              )}
            </Card>
          </section>
        </div>

        <aside className="space-y-6">
          <Card>
            <CardTitle description={statusExplanation(profile.status, standing.isComplete)}>Where you stand</CardTitle>
            <ParticipationChecklist items={standing.checklist} linkBase="" />
            {canSubmit ? (
              <div className="mt-5">
                <ActionButton action={submitParticipationAction} fields={{ organizationId }} label="Submit for review" pendingLabel="Submitting…" />
              </div>
            ) : null}
            {profile.status === "PENDING_APPROVAL" && profile.submittedAt ? (
              <p className="mt-4 text-sm text-slate-600">Submitted {when.format(profile.submittedAt)} UTC.</p>
            ) : null}
          </Card>
        </aside>
      </div>
    </>
  );
}
