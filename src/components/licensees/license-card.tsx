import { startCheckoutAction } from "@/app/_actions/licensing";
import { ActionButton } from "../forms/action-button";
import { Badge } from "../ui/badge";
import { buttonClasses } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { LicenseQuoteCard } from "./license-quote-card";
import { formatCents } from "@/lib/pricing/price-license";
import { lastDayOf } from "@/lib/licensing/term";
import type { GrantView } from "@/server/licensing/grants.queries";
import type { LicenseeProfileView } from "@/server/licensees/licensee-profile.queries";
import { formatDay } from "@/lib/dates";


/** The licensee's license: active (number and term), being paid, or its price and a way to buy it. */
type Props = {
  profile: LicenseeProfileView;
  active: GrantView | null;
  pending: GrantView | null;
  upcoming: GrantView | null;
  renewalOpensOn: string | null;
  canRenew: boolean;
  canBuy: boolean;
};

export function LicenseCard({ profile, active, pending, upcoming, renewalOpensOn, canRenew, canBuy }: Props) {
  if (active && active.startsOn && active.endsOn) {
    return (
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle description="The enrolled repertoire is covered for the purposes each work permits.">Your license</CardTitle>
          <Badge tone="green">Active</Badge>
        </div>
        <dl className="grid gap-4 text-sm sm:grid-cols-3" data-testid="active-license">
          <div><dt className="text-slate-500">License number</dt><dd className="font-mono text-base font-semibold text-slate-900">{active.licenseNumber}</dd></div>
          <div><dt className="text-slate-500">Term</dt><dd className="text-slate-900">{formatDay(active.startsOn)} – {formatDay(lastDayOf({ endsOn: active.endsOn }))}</dd></div>
          <div><dt className="text-slate-500">Fee paid</dt><dd className="text-slate-900">{formatCents(active.payments.find((p) => p.status === "SUCCEEDED")?.amountCents ?? active.feeCents, active.currency)}</dd></div>
        </dl>
        <div className="mt-5 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
          <a href={`/licensee/license/${active.id}/certificate`} className={buttonClasses("secondary")} download>Certificate (PDF)</a>
          {active.payments.some((p) => p.status === "SUCCEEDED") ? (
            <a href={`/licensee/license/${active.id}/receipt`} className={buttonClasses("secondary")} download>Receipt (PDF)</a>
          ) : null}
          <a href="/licensee/license/sources" className={buttonClasses("secondary")} download title="Every licensed work, for your EU AI Act training-content summary">Licensed sources (CSV)</a>
          <a href={`/verify/${active.verificationCode}`} className={buttonClasses("ghost")}>Public verification page</a>
        </div>
        <div className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="renewal">
          {upcoming && upcoming.startsOn ? (
            <p>Renewed: license <span className="font-mono font-medium">{upcoming.licenseNumber}</span> takes over on {formatDay(upcoming.startsOn)}.</p>
          ) : canRenew && canBuy && profile.quote ? (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p>Renew now: the next 12 months start on {formatDay(active.endsOn)}, when this license ends, at today&apos;s price of {formatCents(profile.quote.quote.feeCents)}.</p>
              <ActionButton action={startCheckoutAction} fields={{ organizationId: profile.organizationId }} label="Renew the license" pendingLabel="Opening Stripe…" />
            </div>
          ) : canRenew && !profile.quote ? (
            <p>Renewal is open. {profile.quoteProblem ?? "Complete the organisation profile to see the renewal price."}</p>
          ) : renewalOpensOn ? (
            <p>Renewal opens on {formatDay(renewalOpensOn)}; we remind you 30 and 7 days before the license ends.</p>
          ) : null}
        </div>
      </Card>
    );
  }
  if (!profile.isComplete || !profile.quote) return <LicenseQuoteCard profile={profile} />;
  const isAwaitingTransfer = pending !== null && pending.stripeCheckoutSessionId !== null && pending.feeCents === profile.quote.quote.feeCents && pending.statusReason === null && pending.payments.length === 0;
  return (
    <LicenseQuoteCard profile={profile}>
      {canBuy ? (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {isAwaitingTransfer
              ? "A payment was started. If you paid by bank transfer, the license becomes active as soon as it clears; otherwise continue to pay."
              : "Pay by card or bank transfer on Stripe's secure page. The license starts the day the payment clears."}
          </p>
          <ActionButton
            action={startCheckoutAction}
            fields={{ organizationId: profile.organizationId }}
            label={`${isAwaitingTransfer ? "Continue to payment" : "Buy the license"} · ${formatCents(profile.quote.quote.feeCents)}`}
            pendingLabel="Opening Stripe…"
          />
        </>
      ) : null}
    </LicenseQuoteCard>
  );
}
