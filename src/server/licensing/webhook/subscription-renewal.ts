import "server-only";
import type Stripe from "stripe";
import { termFrom } from "@/lib/licensing/term";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db";
import { newLicenseNumber, newVerificationCode } from "../grant-codes";
import { emitWebhookEvent } from "../../webhooks/emit-webhook-event";
import { licenseEventData } from "../../webhooks/webhook-event-data";
import { licenseReceiptMail } from "../license-mails";
import { notifyLicensee } from "./notify-licensee";
import { dayOf, invoicePaymentIds, RetryLater } from "./webhook-step";

/** The grant a subscription renews next: its latest issued grant that no issued grant follows yet. */
export function latestGrantOfSubscription(tx: Tx, subscriptionId: string) {
  return tx.licenseGrant.findFirst({
    where: {
      stripeSubscriptionId: subscriptionId, status: { in: ["ACTIVE", "EXPIRED"] }, endsOn: { not: null },
      OR: [{ nextGrant: { is: null } }, { nextGrant: { is: { status: { in: ["PENDING_PAYMENT", "CANCELLED"] } } } }],
    },
    orderBy: { endsOn: "desc" },
    include: { organization: { select: { name: true } } },
  });
}

/**
 * A yearly renewal charge cleared (billing_reason subscription_cycle): the next grant, chained by
 * previousGrantId, starts where the last one ends, ACTIVE, with auto-renewal still on and one
 * Payment for the invoice. Exactly once: a Payment already holding this invoice means it was
 * done; the unique previousGrantId refuses a second next grant even from a concurrent delivery
 * (that transaction fails and Stripe's retry then finds the Payment).
 */
export async function applyCycleRenewal(tx: Tx, subscription: Stripe.Subscription, invoice: Stripe.Invoice): Promise<void> {
  if (invoice.status !== "paid" || !invoice.id) return;
  if (await tx.payment.findUnique({ where: { stripeInvoiceId: invoice.id }, select: { id: true } })) return;
  const previous = await latestGrantOfSubscription(tx, subscription.id);
  if (!previous) {
    // The subscription's start (first payment, or auto-renewal turned on) is not applied yet:
    // events arrive in any order, so ask Stripe to send this one again later.
    const starting = subscription.metadata.grantId
      ? await tx.licenseGrant.count({ where: { id: subscription.metadata.grantId, status: { in: ["PENDING_PAYMENT", "ACTIVE"] } } })
      : 0;
    if (starting > 0) throw new RetryLater(`Subscription ${subscription.id} is not linked to its grant yet.`);
    // Paid for a license that was revoked meanwhile: no grant; staff see it and refund it.
    await writeAudit(tx, SYSTEM, { action: "license.renewal_unapplied", entityType: "StripeInvoice", entityId: invoice.id, after: { subscriptionId: subscription.id, amountCents: invoice.amount_paid } });
    return;
  }
  // A one-off renewal left waiting for payment gives way: this charge renews the license.
  await tx.licenseGrant.updateMany({
    where: { previousGrantId: previous.id, status: "PENDING_PAYMENT" },
    data: { status: "CANCELLED", cancelledAt: new Date(), statusReason: "Renewed automatically by the subscription.", previousGrantId: null },
  });
  await tx.licenseGrant.updateMany({ where: { previousGrantId: previous.id, status: "CANCELLED" }, data: { previousGrantId: null } });
  const term = termFrom(dayOf(previous.endsOn!));
  const { paymentIntentId, chargeId } = invoicePaymentIds(invoice);
  const next = await tx.licenseGrant.create({
    data: {
      // A license number already taken (1 in 10⁹ a year) fails this transaction; Stripe's retry draws another.
      licenseNumber: newLicenseNumber(Number(term.startsOn.slice(0, 4))),
      verificationCode: newVerificationCode(),
      organizationId: previous.organizationId,
      planId: previous.planId,
      priceScheduleId: previous.priceScheduleId,
      status: "ACTIVE",
      feeCents: BigInt(invoice.amount_paid),
      currency: invoice.currency.toUpperCase(),
      quotedEmployeeCount: previous.quotedEmployeeCount,
      quotedIndustryGroup: previous.quotedIndustryGroup,
      quotedCountry: previous.quotedCountry,
      startsOn: new Date(`${term.startsOn}T00:00:00Z`),
      endsOn: new Date(`${term.endsOn}T00:00:00Z`),
      termDays: term.termDays,
      previousGrantId: previous.id,
      autoRenew: true,
      stripeSubscriptionId: subscription.id,
      activatedAt: new Date(),
      payments: {
        create: {
          organizationId: previous.organizationId, amountCents: BigInt(invoice.amount_paid), currency: invoice.currency.toUpperCase(), status: "SUCCEEDED",
          stripeInvoiceId: invoice.id, stripePaymentIntentId: paymentIntentId, stripeChargeId: chargeId, paidAt: new Date(),
        },
      },
    },
  });
  await writeAudit(tx, SYSTEM, {
    action: "license.renewed",
    entityType: "LicenseGrant",
    entityId: next.id,
    organizationId: next.organizationId,
    after: { status: "ACTIVE", ...term, previousGrantId: previous.id, amountCents: invoice.amount_paid, invoiceId: invoice.id, subscriptionId: subscription.id },
  });
  await emitWebhookEvent(tx, { organizationId: next.organizationId, type: "license.activated", data: () => licenseEventData(tx, next.id) });
  await notifyLicensee(tx, next.organizationId, {
    title: `License renewed: ${next.licenseNumber}`,
    body: `The yearly renewal was paid: license ${next.licenseNumber} covers the repertoire from ${term.startsOn}, when ${previous.licenseNumber} ends, for 12 months.`,
    mail: (to) => licenseReceiptMail(to, { licenseNumber: next.licenseNumber, organizationName: previous.organization.name, feeCents: next.feeCents, currency: next.currency, ...term, autoRenew: true }),
  });
}
