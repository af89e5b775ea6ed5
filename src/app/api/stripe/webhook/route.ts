import { handleStripeWebhook } from "@/server/licensing/stripe-webhook";

// Stripe's webhooks: signed by Stripe (no session, no Origin check); the raw body is verified in
// the use case before anything is read from it.
export async function POST(request: Request): Promise<Response> {
  const outcome = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return Response.json(outcome.body, { status: outcome.status });
}
