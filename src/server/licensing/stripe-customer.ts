import "server-only";
import { db } from "../db";
import { stripeClient } from "../stripe/client";

// One Stripe customer per licensee, created on its first payment and kept: its saved card pays
// the yearly renewals of a subscription.
const CUSTOMER_KEY = (organizationId: string) => `customer:${organizationId}`;

export async function ensureStripeCustomer(organizationId: string, legalName: string, email: string): Promise<string> {
  const profile = await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId }, select: { stripeCustomerId: true } });
  if (profile.stripeCustomerId) return profile.stripeCustomerId;
  const customer = await stripeClient().customers.create(
    { name: legalName, email, metadata: { organizationId } },
    { idempotencyKey: CUSTOMER_KEY(organizationId) },
  );
  // Conditional: a second request racing this one keeps the first id stored.
  await db.licenseeProfile.updateMany({ where: { organizationId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  return (await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId }, select: { stripeCustomerId: true } })).stripeCustomerId!;
}
