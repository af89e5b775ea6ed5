import "server-only";
import Stripe from "stripe";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { refundableCents } from "@/lib/licensing/refund-rules";
import { formatCents } from "@/lib/pricing/price-license";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation, type FieldErrors } from "../errors";
import { stripeClient } from "../stripe/client";
import { refundIssuedMail } from "./billing-mails";
import { ZRefundLicenseInput, type TRefundLicenseInput } from "./refunds.schema";
import { notifyLicensee } from "./webhook/notify-licensee";

const at = (day: string) => new Date(`${day}T00:00:00Z`);
const sum = (rows: { amountCents: bigint }[]) => rows.reduce((total, r) => total + r.amountCents, 0n);

/**
 * Staff (ADMIN) refund a license and decide what happens to it: revoked from today (endsOn kept
 * for history, revokedAt set), or its term shortened to end on a day from today on. The money
 * moves first, in Stripe, outside any transaction, with an idempotency key per form shown (a
 * retried submission gets Stripe's first answer back, never a second refund); then one
 * transaction writes the Refund row (effective today: revenue recognition reduces the fee from
 * then), the grant change (conditional on the grant still being ACTIVE with the end staff saw)
 * and the audit row. If Stripe refuses, nothing is written. A license on a subscription stops
 * renewing either way: its subscription is cancelled (the billing dates no longer match the term).
 */
export async function refundLicense(actor: Actor | null, rawInput: TRefundLicenseInput): Promise<{ refundId: string | null; isEffectApplied: boolean }> {
  authorize(can.refundLicense(actor), "Only staff administrators refund licenses.");
  const staff = requireUser(actor);
  const parsed = ZRefundLicenseInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw validation("Check the highlighted fields.", fieldErrors);
  }
  const input = parsed.data;
  const grant = await db.licenseGrant.findUnique({
    where: { id: input.grantId },
    include: {
      payments: { where: { status: "SUCCEEDED" }, orderBy: { paidAt: "desc" }, include: { refunds: { select: { amountCents: true } } } },
      refunds: { select: { amountCents: true } },
      organization: { select: { name: true } },
    },
  });
  if (!grant) throw notFound("That license");
  if (grant.status !== "ACTIVE" || !grant.startsOn || !grant.endsOn) {
    throw new AppError("CONFLICT", `License ${grant.licenseNumber} is ${grant.status.toLowerCase().replace("_", " ")}: only an active license is refunded here.`);
  }
  const today = todayUtc();
  const startsOn = grant.startsOn.toISOString().slice(0, 10);
  const endsOn = grant.endsOn.toISOString().slice(0, 10);
  const paid = sum(grant.payments);
  const refunded = sum(grant.refunds);
  const amount = input.amount;
  const errors: FieldErrors = {};
  const left = refundableCents({ paidCents: paid, refundedCents: refunded });
  if (amount > left) errors.amount = [`At most ${formatCents(left, grant.currency)}: ${formatCents(paid, grant.currency)} paid, ${formatCents(refunded, grant.currency)} already refunded.`];
  const newEnd = input.effect === "SHORTEN" ? input.endsOn! : null;
  if (newEnd !== null) {
    if (newEnd < today) errors.endsOn = ["Not before today: a term is never shortened into the past."];
    else if (newEnd < startsOn) errors.endsOn = [`Not before the term starts (${formatDay(startsOn)}).`];
    else if (newEnd >= endsOn) errors.endsOn = [`Earlier than the current end (${formatDay(endsOn)}); to refund without changing the term, choose a day before it.`];
  }
  const hasLeft = (p: (typeof grant.payments)[number]) => p.amountCents - sum(p.refunds) >= amount;
  // A card payment goes back through Stripe; an invoice paid outside Stripe (a manual grant) is
  // returned the way it came, by staff, and recorded here so revenue recognition drops with it.
  const payment = grant.payments.find((p) => (p.stripePaymentIntentId || p.stripeChargeId) && hasLeft(p))
    ?? grant.payments.find((p) => p.isManual && !p.stripePaymentIntentId && !p.stripeChargeId && hasLeft(p));
  const isManualRefund = amount > 0n && payment !== undefined && !payment.stripePaymentIntentId && !payment.stripeChargeId;
  if (amount > 0n && !payment && !errors.amount) errors.amount = ["No single payment of this license has that much left to refund."];
  if (Object.keys(errors).length > 0) throw validation("Check the highlighted fields.", errors);

  const stripe = stripeClient();
  let stripeRefund: Stripe.Refund | null = null;
  if (amount > 0n && payment && !isManualRefund) {
    try {
      stripeRefund = await stripe.refunds.create(
        {
          ...(payment.stripePaymentIntentId ? { payment_intent: payment.stripePaymentIntentId } : { charge: payment.stripeChargeId! }),
          amount: Number(amount),
          reason: "requested_by_customer",
          metadata: { grantId: grant.id, licenseNumber: grant.licenseNumber, reason: input.reason.slice(0, 450), staffUserId: staff.userId },
        },
        { idempotencyKey: `refund:${grant.id}:${input.requestKey}` },
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError) throw validation(`Stripe refused the refund: ${error.message}`, { amount: [error.message] });
      throw error;
    }
  }
  // The same form sent twice gets Stripe's first refund back (same idempotency key): already done.
  if (stripeRefund && (await db.refund.findUnique({ where: { stripeRefundId: stripeRefund.id }, select: { createdById: true } }))?.createdById) {
    throw new AppError("CONFLICT", "This refund was already made and recorded. Reload the page to make another.");
  }
  if (grant.stripeSubscriptionId && grant.autoRenew) {
    try {
      await stripe.subscriptions.cancel(grant.stripeSubscriptionId);
    } catch (error) {
      // Already cancelled (a retried submission): nothing left to stop.
      if (!(error instanceof Stripe.errors.StripeError && error.code === "resource_missing")) throw error;
    }
  }

  const effect = newEnd === null
    ? `The license is revoked from today, ${formatDay(today)}: works used from today on are not covered.`
    : `The license now ends on ${formatDay(lastDayOf({ endsOn: newEnd }))} instead of ${formatDay(lastDayOf({ endsOn }))}.`;
  return db.$transaction(async (tx) => {
    let refundId: string | null = null;
    if (stripeRefund && payment) {
      // The charge.refunded webhook may have recorded it first; staff's reason and name complete it.
      await tx.refund.createMany({
        data: [{ paymentId: payment.id, grantId: grant.id, amountCents: amount, effectiveOn: at(today), reason: input.reason, stripeRefundId: stripeRefund.id, createdById: staff.userId }],
        skipDuplicates: true,
      });
      refundId = (await tx.refund.update({ where: { stripeRefundId: stripeRefund.id }, data: { reason: input.reason, createdById: staff.userId } })).id;
    }
    const moved = await tx.licenseGrant.updateMany({
      where: { id: grant.id, status: "ACTIVE", endsOn: grant.endsOn },
      data: newEnd === null
        ? { status: "REVOKED", revokedAt: new Date(), statusReason: input.reason, autoRenew: false }
        : { endsOn: at(newEnd), statusReason: input.reason, autoRenew: false },
    });
    const isEffectApplied = moved.count > 0;
    if (isManualRefund && payment) {
      // No idempotency key outside Stripe: the change to the grant, conditional on what staff saw,
      // is what makes a second submission of the same form fail instead of refunding twice.
      if (!isEffectApplied) throw new AppError("CONFLICT", "This license changed since the page was shown; reload it before recording a refund.");
      refundId = (await tx.refund.create({
        data: { paymentId: payment.id, grantId: grant.id, amountCents: amount, effectiveOn: at(today), reason: input.reason, createdById: staff.userId },
      })).id;
    }
    await writeAudit(tx, actor, {
      action: "license.refunded",
      entityType: "LicenseGrant",
      entityId: grant.id,
      organizationId: grant.organizationId,
      before: { status: grant.status, endsOn, refundedCents: refunded, autoRenew: grant.autoRenew },
      after: {
        amountCents: amount, effect: input.effect, reason: input.reason, stripeRefundId: stripeRefund?.id ?? null, isManualRefund, isEffectApplied,
        ...(isEffectApplied ? (newEnd === null ? { status: "REVOKED" } : { endsOn: newEnd }) : {}),
      },
    });
    if (isEffectApplied) {
      await notifyLicensee(tx, grant.organizationId, {
        title: amount > 0n ? `Refund of ${formatCents(amount, grant.currency)} for license ${grant.licenseNumber}` : `License ${grant.licenseNumber} changed`,
        body: effect,
        mail: (to) => refundIssuedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, amountCents: amount, currency: grant.currency, effect }),
      });
    }
    return { refundId, isEffectApplied };
  });
}
