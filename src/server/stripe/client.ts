import "server-only";
import Stripe from "stripe";
import { DOUBLE_WEBHOOK_SECRET } from "./double-webhook-secret";

// The one place that makes the Stripe client. With STRIPE_SECRET_KEY the portal talks to Stripe;
// without it, to the local test double at STRIPE_DOUBLE_URL (scripts/stripe-double, started by
// `npm run start:portal` and by the test runs), through the same SDK calls.
const globalForStripe = globalThis as unknown as { stripeClient?: { key: string; client: Stripe } };

export function stripeClient(): Stripe {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  const doubleUrl = process.env.STRIPE_DOUBLE_URL;
  const cacheKey = secretKey ? `live:${secretKey}` : `double:${doubleUrl}`;
  if (globalForStripe.stripeClient?.key === cacheKey) return globalForStripe.stripeClient.client;
  let client: Stripe;
  if (secretKey) {
    client = new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  } else if (doubleUrl) {
    const url = new URL(doubleUrl);
    client = new Stripe("sk_test_local_double", {
      host: url.hostname,
      port: url.port || 80,
      protocol: url.protocol === "https:" ? "https" : "http",
      maxNetworkRetries: 2,
      timeout: 10_000,
    });
  } else {
    throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY, or STRIPE_DOUBLE_URL for the local test double.");
  }
  globalForStripe.stripeClient = { key: cacheKey, client };
  return client;
}


/** The secret webhooks are verified with: STRIPE_WEBHOOK_SECRET, or the double's when it is in use. */
export function stripeWebhookSecret(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (secret) return secret;
  if (process.env.STRIPE_SECRET_KEY) throw new Error("STRIPE_WEBHOOK_SECRET is not set: webhooks from Stripe can't be verified.");
  return DOUBLE_WEBHOOK_SECRET;
}
