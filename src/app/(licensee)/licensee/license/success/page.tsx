import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { isAppError } from "@/server/errors";
import { getCheckoutOutcome } from "@/server/licensing/grants.queries";
import { formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Payment" };


/**
 * Where Stripe sends the person back. It only reads: the grant becomes active through the webhook,
 * whichever arrives first; until then the page looks again every two seconds.
 */
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const actor = await requirePageActor("/licensee", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const sessionId = (await searchParams).session_id ?? "";
  const grant = await getCheckoutOutcome(actor, membership.organizationId, sessionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const isActive = grant.status === "ACTIVE" && grant.startsOn && grant.endsOn;
  const isWaiting = grant.status === "PENDING_PAYMENT";
  return (
    <div className="mx-auto max-w-xl py-6">
      <AutoRefresh isActive={isWaiting} />
      <Card>
        {isActive ? (
          <div data-testid="checkout-outcome">
            <p className="text-sm font-semibold text-emerald-700">Payment received</p>
            <h1 className="mt-1 text-2xl font-semibold text-slate-900">License {grant.licenseNumber} is active</h1>
            <p className="mt-3 text-sm text-slate-700">
              {formatCents(grant.payments[0]?.amountCents ?? grant.feeCents, grant.currency)} paid. The enrolled repertoire is covered from {formatDay(grant.startsOn!)} to{" "}
              {formatDay(lastDayOf({ endsOn: grant.endsOn! }))}. A receipt is on its way by mail.
            </p>
            {grant.autoRenew ? <p className="mt-2 text-sm text-slate-700">Renews automatically on {formatDay(grant.endsOn!)}: the saved card is charged then, every year, until you turn it off on the overview.</p> : null}
          </div>
        ) : isWaiting ? (
          <div data-testid="checkout-outcome" role="status">
            <p className="text-sm font-semibold text-amber-700">Confirming your payment</p>
            <h1 className="mt-1 text-2xl font-semibold text-slate-900">Almost there</h1>
            <p className="mt-3 text-sm text-slate-700">
              We are waiting for Stripe to confirm the payment for license {grant.licenseNumber}. A card payment takes seconds; a bank transfer can take
              a few days. This page updates by itself, and we mail you when the license is active.
            </p>
          </div>
        ) : (
          <div data-testid="checkout-outcome" role="alert">
            <p className="text-sm font-semibold text-red-700">Payment not completed</p>
            <h1 className="mt-1 text-2xl font-semibold text-slate-900">The license is not active</h1>
            <p className="mt-3 text-sm text-slate-700">{grant.statusReason ?? "The payment did not go through."} You can pay again from your overview.</p>
          </div>
        )}
        <Link href="/licensee" className={buttonClasses("secondary", "mt-6")}>Back to the overview</Link>
      </Card>
    </div>
  );
}
