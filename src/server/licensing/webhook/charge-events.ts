import "server-only";
import type Stripe from "stripe";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { stripeClient } from "../../stripe/client";
import { idOf, type WebhookStep } from "./webhook-step";

/** The reason a refund made outside the portal is recorded with. */
export const STRIPE_REFUND_REASON = "Refunded in Stripe";

/**
 * charge.refunded: every refund on the charge that the portal has not recorded becomes a Refund
 * row (effective today, for revenue recognition), once per Stripe refund id. A refund staff made
 * in the portal is normally recorded by that use case; if this event wins the race, it is
 * recorded here with the reason staff gave (carried in its metadata) and the use case completes it.
 * A refund made in Stripe's dashboard changes no grant: whether the license is revoked or
 * shortened is a staff decision, taken on the license's page (docs/decisions/012).
 */
export async function chargeRefundedStep(chargeId: string): Promise<WebhookStep> {
  const charge = await stripeClient().charges.retrieve(chargeId, { expand: ["refunds"] });
  return {
    apply: async (tx) => {
      const intentId = idOf(charge.payment_intent);
      const payment = await tx.payment.findFirst({
        where: { OR: [{ stripeChargeId: charge.id }, ...(intentId ? [{ stripePaymentIntentId: intentId }] : [])] },
        select: { id: true, grantId: true, organizationId: true },
      });
      // A charge this portal did not take: nothing to record.
      if (!payment) return;
      for (const refund of refundsOf(charge)) {
        const recorded = await tx.refund.createMany({
          data: [{
            paymentId: payment.id,
            grantId: payment.grantId,
            amountCents: BigInt(refund.amount),
            effectiveOn: new Date(`${todayUtc()}T00:00:00Z`),
            reason: refund.metadata?.reason || STRIPE_REFUND_REASON,
            stripeRefundId: refund.id,
          }],
          skipDuplicates: true,
        });
        if (recorded.count === 0) continue;
        await writeAudit(tx, SYSTEM, {
          action: "license.refund_recorded",
          entityType: "LicenseGrant",
          entityId: payment.grantId,
          organizationId: payment.organizationId,
          after: { stripeRefundId: refund.id, amountCents: refund.amount, chargeId: charge.id, madeIn: refund.metadata?.grantId ? "portal" : "stripe" },
        });
      }
    },
  };
}

function refundsOf(charge: Stripe.Charge): Stripe.Refund[] {
  return (charge.refunds?.data ?? []).filter((r) => r.status === "succeeded" || r.status === "pending");
}
