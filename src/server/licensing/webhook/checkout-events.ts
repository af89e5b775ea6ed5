import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db";
import { stripeClient } from "../../stripe/client";
import { paymentFailedMail } from "../license-mails";
import { activatePendingGrant } from "./activate-grant";
import { notifyLicensee } from "./notify-licensee";
import { applyFirstSubscriptionInvoice } from "./subscription-start";
import { idOf, type WebhookStep } from "./webhook-step";

type CheckoutEvent = "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed";

/**
 * Checkout Sessions. Payment mode: paid → the pending grant becomes active; a failed transfer →
 * cancelled. Subscription mode: the subscription's first invoice decides, exactly as when its
 * invoice.paid arrives (whichever comes first fulfils; the other finds nothing to do).
 */
export async function checkoutStep(type: CheckoutEvent, sessionId: string): Promise<WebhookStep> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  if (session.mode === "subscription") {
    const subscriptionId = idOf(session.subscription);
    if (!subscriptionId || type !== "checkout.session.completed") return { apply: async () => {} };
    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    const invoiceId = idOf(subscription.latest_invoice);
    const invoice = invoiceId ? await stripe.invoices.retrieve(invoiceId, { expand: ["payments"] }) : null;
    return { apply: (tx) => (invoice?.billing_reason === "subscription_create" ? applyFirstSubscriptionInvoice(tx, subscription, invoice) : Promise.resolve()) };
  }
  return { apply: (tx) => applyPaymentSession(tx, type, session) };
}

async function applyPaymentSession(tx: Tx, type: CheckoutEvent, session: Stripe.Checkout.Session): Promise<void> {
  const grant = await tx.licenseGrant.findUnique({ where: { stripeCheckoutSessionId: session.id }, select: { id: true, organizationId: true, licenseNumber: true, currency: true, organization: { select: { name: true } } } });
  // A session this portal did not create (another app on the same Stripe account): nothing to do.
  if (!grant) return;
  if (session.payment_status === "paid" && type !== "checkout.session.async_payment_failed") {
    await activatePendingGrant(tx, grant.id, {
      amountCents: BigInt(session.amount_total ?? 0),
      currency: session.currency ?? grant.currency,
      paymentIntentId: idOf(session.payment_intent),
      chargeId: null,
      invoiceId: null,
      subscriptionId: null,
      source: { checkoutSessionId: session.id, paymentIntentId: idOf(session.payment_intent) ?? "" },
    });
    return;
  }
  if (type !== "checkout.session.async_payment_failed") return; // Completed, not paid yet: a transfer on its way.
  const moved = await tx.licenseGrant.updateMany({
    where: { id: grant.id, status: "PENDING_PAYMENT" },
    data: { status: "CANCELLED", cancelledAt: new Date(), statusReason: "The bank transfer failed." },
  });
  if (moved.count === 0) return;
  await writeAudit(tx, SYSTEM, {
    action: "license.payment_failed",
    entityType: "LicenseGrant",
    entityId: grant.id,
    organizationId: grant.organizationId,
    before: { status: "PENDING_PAYMENT" },
    after: { status: "CANCELLED", checkoutSessionId: session.id },
  });
  await notifyLicensee(tx, grant.organizationId, {
    title: `The payment for license ${grant.licenseNumber} failed`,
    body: "The bank transfer did not go through; the license is not active. You can pay again.",
    mail: (to) => paymentFailedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name }),
  });
}
