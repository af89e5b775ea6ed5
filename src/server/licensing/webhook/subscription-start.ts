import "server-only";
import type Stripe from "stripe";
import { formatDay } from "@/lib/dates";
import { formatCents } from "@/lib/pricing/price-license";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db";
import { stripeClient } from "../../stripe/client";
import { activatePendingGrant } from "./activate-grant";
import { notifyLicensee } from "./notify-licensee";
import { dayOf, invoicePaymentIds, type WebhookStep } from "./webhook-step";

/**
 * A subscription's first invoice (billing_reason subscription_create), paid. Reached from both
 * checkout.session.completed and invoice.paid, which Stripe sends in either order or at once; the
 * conditional updates below make one of them fulfil and the other find nothing to do.
 * - The subscription names a PENDING_PAYMENT grant (metadata.grantId): bought with auto-renewal,
 *   paid now → the grant becomes active, autoRenew on, with one Payment for the invoice.
 * - It names an ACTIVE grant: auto-renewal turned on for a license already paid for; the first
 *   invoice is $0 (a trial until the license ends) → the grant is linked to the subscription.
 */
export async function applyFirstSubscriptionInvoice(tx: Tx, subscription: Stripe.Subscription, invoice: Stripe.Invoice): ReturnType<WebhookStep["apply"]> {
  const grantId = subscription.metadata.grantId;
  if (!grantId || invoice.status !== "paid") return;
  const grant = await tx.licenseGrant.findUnique({
    where: { id: grantId },
    select: { id: true, status: true, organizationId: true, licenseNumber: true, endsOn: true, autoRenew: true, stripeSubscriptionId: true },
  });
  // Not one of this portal's grants (metadata from elsewhere, or for another organisation).
  if (!grant || grant.organizationId !== subscription.metadata.organizationId) return;
  if (grant.status === "PENDING_PAYMENT") {
    if (invoice.amount_paid <= 0) return;
    const { paymentIntentId, chargeId } = invoicePaymentIds(invoice);
    await activatePendingGrant(tx, grant.id, {
      amountCents: BigInt(invoice.amount_paid), currency: invoice.currency, paymentIntentId, chargeId,
      invoiceId: invoice.id ?? null, subscriptionId: subscription.id,
      source: { invoiceId: invoice.id ?? "", subscriptionId: subscription.id },
    });
    return;
  }
  if (grant.status !== "ACTIVE" || grant.stripeSubscriptionId === subscription.id) return;
  if (grant.autoRenew && grant.stripeSubscriptionId) {
    // A second subscription for a license that already renews (two tabs): it must never charge.
    const duplicate = subscription.id;
    return async () => {
      await stripeClient().subscriptions.cancel(duplicate);
    };
  }
  const moved = await tx.licenseGrant.updateMany({
    where: { id: grant.id, status: "ACTIVE", OR: [{ stripeSubscriptionId: null }, { autoRenew: false }] },
    data: { autoRenew: true, stripeSubscriptionId: subscription.id },
  });
  if (moved.count === 0) return;
  const price = subscription.items.data[0]?.price;
  const renewsOn = dayOf(grant.endsOn!);
  await writeAudit(tx, SYSTEM, {
    action: "license.auto_renew_on",
    entityType: "LicenseGrant",
    entityId: grant.id,
    organizationId: grant.organizationId,
    before: { autoRenew: false },
    after: { autoRenew: true, subscriptionId: subscription.id, renewsOn, amountCents: price?.unit_amount ?? null },
  });
  const amount = price?.unit_amount ? ` ${formatCents(BigInt(price.unit_amount), (price.currency ?? "usd").toUpperCase())}` : "";
  await notifyLicensee(tx, grant.organizationId, {
    title: `License ${grant.licenseNumber} renews automatically`,
    body: `On ${formatDay(renewsOn)} the saved card is charged${amount} for the next 12 months, which start that day. You can turn this off until then.`,
  });
}
