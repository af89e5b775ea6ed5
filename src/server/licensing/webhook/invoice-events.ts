import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db";
import { stripeClient } from "../../stripe/client";
import { renewalPaymentFailedMail } from "../billing-mails";
import { notifyLicensee } from "./notify-licensee";
import { applyCycleRenewal, latestGrantOfSubscription } from "./subscription-renewal";
import { applyFirstSubscriptionInvoice } from "./subscription-start";
import { dayOf, invoiceSubscriptionId, type WebhookStep } from "./webhook-step";

/** invoice.paid and invoice.payment_failed, for the invoices of this portal's subscriptions. */
export async function invoiceStep(type: "invoice.paid" | "invoice.payment_failed", invoiceId: string): Promise<WebhookStep> {
  const stripe = stripeClient();
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments"] });
  const subscriptionId = invoiceSubscriptionId(invoice);
  // One-off invoices are not how this portal sells: nothing to do.
  if (!subscriptionId) return { apply: async () => {} };
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  if (type === "invoice.payment_failed") return { apply: (tx) => applyRenewalPaymentFailed(tx, subscription, invoice) };
  return {
    apply: (tx) =>
      invoice.billing_reason === "subscription_create" ? applyFirstSubscriptionInvoice(tx, subscription, invoice)
        : invoice.billing_reason === "subscription_cycle" ? applyCycleRenewal(tx, subscription, invoice)
          : Promise.resolve(),
  };
}

/**
 * A renewal charge failed. The license itself does not change (it runs to its end); the members
 * are told, once per failed attempt, whether Stripe will try again and what they can do.
 * A failed first payment never gets here as news: Checkout shows it to the person paying.
 */
async function applyRenewalPaymentFailed(tx: Tx, subscription: Stripe.Subscription, invoice: Stripe.Invoice): Promise<void> {
  if (invoice.billing_reason !== "subscription_cycle") return;
  const grant = await latestGrantOfSubscription(tx, subscription.id);
  if (!grant) return;
  const willRetry = invoice.next_payment_attempt !== null;
  const endsOn = dayOf(grant.endsOn!);
  await writeAudit(tx, SYSTEM, {
    action: "license.renewal_payment_failed",
    entityType: "LicenseGrant",
    entityId: grant.id,
    organizationId: grant.organizationId,
    after: { invoiceId: invoice.id, attempt: invoice.attempt_count, amountCents: invoice.amount_due, willRetry },
  });
  await notifyLicensee(tx, grant.organizationId, {
    title: `The renewal payment for license ${grant.licenseNumber} failed`,
    body: willRetry
      ? "Stripe will try the saved card again in a few days. Check the card, or turn auto-renewal off and renew by hand."
      : "That was the last attempt: auto-renewal has stopped. Renew by hand to keep the repertoire covered.",
    mail: (to) => renewalPaymentFailedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, endsOn, amountCents: BigInt(invoice.amount_due), currency: invoice.currency.toUpperCase(), willRetry }),
  });
}
