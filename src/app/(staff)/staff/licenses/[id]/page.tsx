import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { GrantStatusBadge } from "@/components/licensing/grant-status";
import { RefundForm } from "@/components/licensing/refund-form";
import { ExtendForm } from "@/components/staff-licenses/extend-form";
import { RevokeForm } from "@/components/staff-licenses/revoke-form";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime, formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getLicenseForStaff } from "@/server/licensing/staff-licenses.queries";

export const metadata: Metadata = { title: "License" };

const EVENTS: Record<string, string> = {
  "license.checkout_started": "Checkout started",
  "license.activated": "Payment cleared; license active",
  "license.renewed": "Issued by the yearly renewal",
  "license.payment_failed": "Bank transfer failed",
  "license.renewal_payment_failed": "Renewal charge failed",
  "license.auto_renew_on": "Auto-renewal on",
  "license.auto_renew_off": "Auto-renewal off",
  "license.auto_renew_checkout_started": "Auto-renewal checkout started",
  "license.reminder_30": "Reminder, 30 days",
  "license.reminder_7": "Reminder, 7 days",
  "license.expired": "Ended",
  "license.refunded": "Refunded by staff",
  "license.refund_recorded": "Refund recorded from Stripe",
  "license.granted_manually": "Granted by staff (invoiced)",
  "license.checkout_replaced": "Checkout replaced by a license granted by staff",
  "license.revoked": "Revoked by staff",
  "license.extended": "Extended by staff",
};

/** The outcome of a staff change whose form is no longer on the page (?done=…). */
const DONE: Record<string, string> = {
  granted: "License granted. The licensee's members were sent the receipt.",
  revoked: "License revoked. The licensee's members were told by mail.",
};

/** What a staff change said, for the history list. */
function historyDetail(after: unknown): string | null {
  const a = (after ?? {}) as Record<string, unknown>;
  const parts = [
    typeof a.invoiceReference === "string" ? `invoice ${a.invoiceReference}` : null,
    typeof a.extendedByDays === "number" ? `+${a.extendedByDays} days` : null,
    typeof a.reason === "string" ? a.reason : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

export default async function StaffLicensePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const doneKey = (await searchParams).done ?? "";
  const done = Object.hasOwn(DONE, doneKey) ? DONE[doneKey] : null;
  const actor = await requirePageActor(`/staff/licenses/${id}`, can.readLicenses);
  const grant = await orNotFoundPage(() => getLicenseForStaff(actor, id));
  const money = (cents: bigint) => formatCents(cents, grant.currency);
  return (
    <>
      <Link href="/staff/licenses" className="text-sm text-brand-700 hover:underline">← Licenses</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="font-mono text-2xl font-semibold tracking-tight text-slate-900">{grant.licenseNumber}</h1>
          <p className="mt-1 text-sm text-slate-600">{grant.organization.name} · {grant.plan.name}</p>
        </div>
        <GrantStatusBadge status={grant.status} autoRenew={grant.autoRenew} />
      </div>
      {done ? <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">{done}</p> : null}
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-4" data-testid="license-facts">
          <div><dt className="text-slate-500">Term</dt><dd className="text-slate-900">{grant.startsOn && grant.endsOn ? `${formatDay(grant.startsOn)} – ${formatDay(lastDayOf({ endsOn: grant.endsOn }))}` : "Not started"}</dd></div>
          <div><dt className="text-slate-500">Fee</dt><dd className="text-slate-900">{money(grant.feeCents)}</dd></div>
          <div><dt className="text-slate-500">Paid</dt><dd className="text-slate-900">{money(grant.paidCents)}</dd></div>
          <div><dt className="text-slate-500">Refunded</dt><dd className="text-slate-900">{money(grant.refundedCents)}</dd></div>
        </dl>
        {grant.revokedAt ? <p className="mt-3 text-sm text-red-700">Revoked {formatDateTime(grant.revokedAt)}{grant.statusReason ? `: ${grant.statusReason}` : ""}. The original end stays on record.</p> : null}
        {grant.autoRenew && grant.endsOn ? <p className="mt-3 text-sm text-slate-700">Renews automatically on {formatDay(grant.endsOn)} (subscription <span className="font-mono">{grant.stripeSubscriptionId}</span>).</p> : null}
        {grant.nextGrant ? <p className="mt-3 text-sm text-slate-700">Followed by <Link href={`/staff/licenses/${grant.nextGrant.id}`} className="font-mono text-brand-700 hover:underline">{grant.nextGrant.licenseNumber}</Link>.</p> : null}
        {grant.previousGrantId ? <p className="mt-1 text-sm text-slate-700">Renews <Link href={`/staff/licenses/${grant.previousGrantId}`} className="text-brand-700 hover:underline">the previous license</Link>.</p> : null}
        {grant.manualGrant ? (
          <p className="mt-3 text-sm text-slate-700" data-testid="manual-grant">
            Granted by staff against invoice <span className="font-mono">{grant.manualGrant.invoiceReference}</span>: {grant.manualGrant.reason}
            {grant.manualGrant.feeOverrideReason ? ` The fee differs from the schedule's${grant.manualGrant.scheduleFeeCents !== null ? ` (${money(grant.manualGrant.scheduleFeeCents)})` : ""}: ${grant.manualGrant.feeOverrideReason}` : ""}
          </p>
        ) : null}
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Payments</CardTitle>
          {grant.payments.length === 0 ? <p className="text-sm text-slate-600">No payment yet.</p> : (
            <ul className="divide-y divide-slate-100 text-sm">
              {grant.payments.map((p) => (
                <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{p.paidAt ? formatDateTime(p.paidAt) : "—"} · {p.status.toLowerCase()} · <span className="font-mono text-xs">{p.stripeInvoiceId ?? p.stripePaymentIntentId ?? (p.isManual ? "manual" : p.id)}</span></span>
                  <span className="tabular-nums">{formatCents(p.amountCents, p.currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardTitle description="Kept for revenue recognition: each reduces the fee from its effective day on.">Refunds</CardTitle>
          {grant.refunds.length === 0 ? <p className="text-sm text-slate-600">No refunds.</p> : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="staff-refunds">
              {grant.refunds.map((r) => (
                <li key={r.id} className="py-2">
                  <div className="flex flex-wrap justify-between gap-2"><span>{formatDay(r.effectiveOn)} · {r.createdByName ?? "Stripe dashboard"}</span><span className="tabular-nums">{money(r.amountCents)}</span></div>
                  <p className="text-slate-600">{r.reason}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {grant.canRefund && grant.startsOn && grant.endsOn ? (
        <Card className="mt-6">
          <CardTitle description={grant.payments.some((p) => p.isManual)
            ? "Paid by invoice, outside Stripe: return the money the way it was paid (a bank transfer), then record the refund here. It lowers the revenue distributed from today and revokes or shortens the license; the licensee's members are mailed."
            : "The money goes back to the card through Stripe first; the license changes only once Stripe has accepted the refund. The licensee's members are mailed."}>Refund</CardTitle>
          <RefundForm
            grantId={grant.id} requestKey={randomUUID()} startsOn={grant.startsOn} endsOn={grant.endsOn} termDays={grant.termDays ?? 0}
            paidCents={grant.paidCents.toString()} refundedCents={grant.refundedCents.toString()} currency={grant.currency} today={grant.today}
          />
        </Card>
      ) : grant.isRefundable ? (
        <p className="mt-6 text-sm text-slate-600">Refunds are made by staff administrators; analysts read licenses only.</p>
      ) : null}

      {grant.canRevoke && grant.endsOn ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card>
            <CardTitle description="More time at no charge: the fee, and the revenue and royalties it brings, stay as sold. The licensee's members are mailed.">Extend</CardTitle>
            <ExtendForm grantId={grant.id} endsOn={grant.endsOn} isRenewing={grant.autoRenew && grant.stripeSubscriptionId !== null} />
          </Card>
          <Card>
            <CardTitle description="Ends the license today without moving money; refund separately if money is due. The licensee's members are mailed.">Revoke</CardTitle>
            <RevokeForm grantId={grant.id} endsOn={grant.endsOn} today={grant.today} isRenewing={grant.autoRenew && grant.stripeSubscriptionId !== null} />
          </Card>
        </div>
      ) : grant.isChangeable ? (
        <p className="mt-6 text-sm text-slate-600">Extending and revoking are for staff administrators; analysts read licenses only.</p>
      ) : null}

      <Card className="mt-6">
        <CardTitle>History</CardTitle>
        <ol className="space-y-2 text-sm" data-testid="license-history">
          {grant.history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-x-3">
              <span className="whitespace-nowrap text-slate-500">{formatDateTime(h.at)}</span>
              <span className="font-medium text-slate-900">{EVENTS[h.action] ?? h.action}</span>
              <span className="text-slate-600">{h.who}</span>
              {historyDetail(h.after) ? <span className="w-full text-slate-600 sm:w-auto">{historyDetail(h.after)}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
