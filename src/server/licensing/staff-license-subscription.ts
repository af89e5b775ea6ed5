import "server-only";
import Stripe from "stripe";
import { stripeClient } from "../stripe/client";

/**
 * Stops a license's yearly subscription in Stripe before staff change the license (revoke, extend):
 * its billing dates would no longer match the term, and a revoked license must never be charged
 * again. Called outside any transaction, before the change is written, as refund-license.ts does;
 * the customer.subscription.deleted webhook then finds auto-renewal already off and says nothing
 * more. Returns whether there was a subscription renewing the license.
 */
export async function cancelRenewingSubscription(grant: { autoRenew: boolean; stripeSubscriptionId: string | null }): Promise<boolean> {
  if (!grant.autoRenew || !grant.stripeSubscriptionId) return false;
  try {
    await stripeClient().subscriptions.cancel(grant.stripeSubscriptionId);
  } catch (error) {
    // Already cancelled (a retried submission, or Stripe's own cancellation): nothing left to stop.
    if (!(error instanceof Stripe.errors.StripeError && error.code === "resource_missing")) throw error;
  }
  return true;
}
