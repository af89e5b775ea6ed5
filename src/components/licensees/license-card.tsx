import { setAutoRenewAction, startCheckoutAction } from "@/app/_actions/licensing";
import { ActionButton } from "../forms/action-button";
import { CheckoutForm } from "./checkout-form";
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
  revoked: GrantView | null;
  renewalOpensOn: string | null;
  renewsAutomaticallyOn: string | null;
  canRenew: boolean;
  canBuy: boolean;
  refunds: Array<{ id: string; amountCents: bigint; effectiveOn: string; reason: string; licenseNumber: string; currency: string }>;
};

export function LicenseCard(props: Props) {
  return (
    <>
      <LicenseStatus {...props} />
      {props.refunds.length > 0 ? <RefundsCard refunds={props.refunds} /> : null}
    </>
  );
}

function RefundsCard({ refunds }: { refunds: Props["refunds"] }) {
  return (
    <Card>
      <CardTitle description="Money returned to your organisation for a license, to the card it was paid with.">Refunds</CardTitle>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="refunds">
        {refunds.map((r) => (
          <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span><span className="font-mono">{r.licenseNumber}</span> · {formatDay(r.effectiveOn)} · {r.reason}</span>
            <span className="font-medium tabular-nums text-slate-900">{formatCents(r.amountCents, r.currency)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Auto-renewal: what will happen and when, and the switch. */
function AutoRenewal({ profile, latest, renewsAutomaticallyOn, canBuy }: { profile: LicenseeProfileView; latest: GrantView; renewsAutomaticallyOn: string | null; canBuy: boolean }) {
  if (renewsAutomaticallyOn) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3" data-testid="auto-renewal">
        <p>
          Renews automatically on {formatDay(renewsAutomaticallyOn)}: the saved card is charged then, and the next 12 months start that day.
          Turning it off stops the charge; the license still runs to {formatDay(lastDayOf({ endsOn: renewsAutomaticallyOn }))}.
        </p>
        {canBuy ? <ActionButton action={setAutoRenewAction} fields={{ organizationId: profile.organizationId, enabled: "false" }} label="Turn off auto-renewal" pendingLabel="Turning off…" variant="secondary" /> : null}
      </div>
    );
  }
  if (!canBuy || !profile.quote || !latest.endsOn) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3" data-testid="auto-renewal">
      <p>
        Renew automatically instead: nothing is charged today. On {formatDay(latest.endsOn)} the card is charged {formatCents(profile.quote.quote.feeCents)} for the next 12 months, and every year after until you turn it off (Stripe&apos;s page asks for a card if none is saved).
      </p>
      <ActionButton action={setAutoRenewAction} fields={{ organizationId: profile.organizationId, enabled: "true" }} label="Turn on auto-renewal" pendingLabel="Opening Stripe…" variant="secondary" />
    </div>
  );
}

function LicenseStatus({ profile, active, pending, upcoming, revoked, renewalOpensOn, renewsAutomaticallyOn, canRenew, canBuy }: Props) {
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
            <p className="mb-2">Renewed: license <span className="font-mono font-medium">{upcoming.licenseNumber}</span> takes over on {formatDay(upcoming.startsOn)}.</p>
          ) : null}
          {renewsAutomaticallyOn ? null : canRenew && canBuy && profile.quote ? (
            <div className="space-y-2">
              <p>Renew now: the next 12 months start on {formatDay(active.endsOn)}, when this license ends, at today&apos;s price of {formatCents(profile.quote.quote.feeCents)}.</p>
              <CheckoutForm
                organizationId={profile.organizationId}
                label="Renew the license"
                autoRenewHint={`Nothing is charged today: the saved card is charged on ${formatDay(active.endsOn)}, and every year after until you turn it off.`}
              />
            </div>
          ) : canRenew && !profile.quote ? (
            <p>Renewal is open. {profile.quoteProblem ?? "Complete the organisation profile to see the renewal price."}</p>
          ) : renewalOpensOn && !upcoming ? (
            <p>Renewal opens on {formatDay(renewalOpensOn)}; we remind you 30 and 7 days before the license ends.</p>
          ) : null}
          {canRenew ? null : <AutoRenewal profile={profile} latest={upcoming ?? active} renewsAutomaticallyOn={renewsAutomaticallyOn} canBuy={canBuy} />}
        </div>
      </Card>
    );
  }
  const revokedNotice = revoked ? (
    <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="revoked-license">
      License <span className="font-mono">{revoked.licenseNumber}</span> was revoked{revoked.revokedAt ? ` on ${formatDay(revoked.revokedAt.toISOString().slice(0, 10))}` : ""}: works used from that day on are not covered.
    </p>
  ) : null;
  if (!profile.isComplete || !profile.quote) return <LicenseQuoteCard profile={profile}>{revokedNotice}</LicenseQuoteCard>;
  const isAwaitingTransfer = pending !== null && pending.stripeCheckoutSessionId !== null && pending.feeCents === profile.quote.quote.feeCents && pending.statusReason === null && pending.payments.length === 0;
  return (
    <LicenseQuoteCard profile={profile}>
      {revokedNotice}
      {canBuy ? (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {isAwaitingTransfer
              ? "A payment was started. If you paid by bank transfer, the license becomes active as soon as it clears; otherwise continue to pay."
              : "Pay by card or bank transfer on Stripe's secure page. The license starts the day the payment clears."}
          </p>
          {isAwaitingTransfer ? (
            <ActionButton action={startCheckoutAction} fields={{ organizationId: profile.organizationId }} label={`Continue to payment · ${formatCents(profile.quote.quote.feeCents)}`} pendingLabel="Opening Stripe…" />
          ) : (
            <CheckoutForm
              organizationId={profile.organizationId}
              label={`Buy the license · ${formatCents(profile.quote.quote.feeCents)}`}
              autoRenewHint={`Pay by card as a yearly subscription: ${formatCents(profile.quote.quote.feeCents)} today, then on the same day each year until you turn it off. Without it, you pay once (card or bank transfer) and renew by hand.`}
            />
          )}
        </>
      ) : null}
    </LicenseQuoteCard>
  );
}
