// The local Stripe test double signs the webhooks it sends with this, and the portal verifies
// them with it, when no STRIPE_WEBHOOK_SECRET is set. It protects nothing: it is only used with the
// double, on loopback, where no real payment exists.
export const DOUBLE_WEBHOOK_SECRET = "whsec_local_stripe_test_double";
