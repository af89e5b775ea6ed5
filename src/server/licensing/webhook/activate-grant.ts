import "server-only";
import { termFrom } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db";
import { emitWebhookEvent } from "../../webhooks/emit-webhook-event";
import { licenseEventData } from "../../webhooks/webhook-event-data";
import { licenseReceiptMail } from "../license-mails";
import { notifyLicensee } from "./notify-licensee";

export type ClearedPayment = {
  amountCents: bigint;
  currency: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  invoiceId: string | null;
  /** Set when the grant was bought as a yearly subscription (auto-renewal on). */
  subscriptionId: string | null;
  /** What Stripe object cleared it, for the audit row. */
  source: Record<string, string>;
};

/**
 * A pending grant whose payment cleared becomes ACTIVE for 12 months, once: the update is
 * conditional on PENDING_PAYMENT, so a second event about the same payment (a redelivery, or
 * checkout.session.completed and invoice.paid for one first subscription payment) finds nothing
 * to move and writes nothing. A renewal starts where the license it renews ends (if that is still
 * ahead); otherwise today. Returns whether this call activated it.
 */
export async function activatePendingGrant(tx: Tx, grantId: string, payment: ClearedPayment): Promise<boolean> {
  const grant = await tx.licenseGrant.findUnique({
    where: { id: grantId },
    select: { id: true, status: true, organizationId: true, licenseNumber: true, feeCents: true, currency: true, previousGrantId: true, organization: { select: { name: true } } },
  });
  if (!grant || grant.status !== "PENDING_PAYMENT") return false;
  const previous = grant.previousGrantId ? await tx.licenseGrant.findUnique({ where: { id: grant.previousGrantId }, select: { endsOn: true, status: true } }) : null;
  const previousEnd = previous?.status === "ACTIVE" && previous.endsOn ? previous.endsOn.toISOString().slice(0, 10) : null;
  const today = todayUtc();
  const term = termFrom(previousEnd && previousEnd > today ? previousEnd : today);
  const moved = await tx.licenseGrant.updateMany({
    where: { id: grant.id, status: "PENDING_PAYMENT" },
    data: {
      status: "ACTIVE",
      startsOn: new Date(`${term.startsOn}T00:00:00Z`),
      endsOn: new Date(`${term.endsOn}T00:00:00Z`),
      termDays: term.termDays,
      activatedAt: new Date(),
      statusReason: null,
      ...(payment.subscriptionId ? { autoRenew: true, stripeSubscriptionId: payment.subscriptionId } : {}),
    },
  });
  if (moved.count === 0) return false;
  await tx.payment.create({
    data: {
      grantId: grant.id,
      organizationId: grant.organizationId,
      amountCents: payment.amountCents,
      currency: payment.currency.toUpperCase(),
      status: "SUCCEEDED",
      stripePaymentIntentId: payment.paymentIntentId,
      stripeChargeId: payment.chargeId,
      stripeInvoiceId: payment.invoiceId,
      paidAt: new Date(),
    },
  });
  await writeAudit(tx, SYSTEM, {
    action: "license.activated",
    entityType: "LicenseGrant",
    entityId: grant.id,
    organizationId: grant.organizationId,
    before: { status: "PENDING_PAYMENT" },
    after: { status: "ACTIVE", ...term, amountCents: payment.amountCents, autoRenew: payment.subscriptionId !== null, ...payment.source },
  });
  await emitWebhookEvent(tx, { organizationId: grant.organizationId, type: "license.activated", data: () => licenseEventData(tx, grant.id) });
  const renews = payment.subscriptionId ? " It renews automatically every year; you can turn that off on the overview." : "";
  await notifyLicensee(tx, grant.organizationId, {
    title: `License ${grant.licenseNumber} is active`,
    body: `Payment received: the repertoire is covered from ${term.startsOn} for 12 months.${renews}`,
    mail: (to) => licenseReceiptMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, feeCents: payment.amountCents, currency: grant.currency, ...term, autoRenew: payment.subscriptionId !== null }),
  });
  return true;
}
