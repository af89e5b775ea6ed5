import "server-only";
import { formatDay } from "@/lib/dates";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { appUrl } from "../env";
import { AppError, validation } from "../errors";
import { getLicenseeProfile } from "../licensees/licensee-profile.queries";
import { stripeClient } from "../stripe/client";
import { ensureStripeCustomer } from "./stripe-customer";

// A licensee member turns auto-renewal on or off for its license (the latest one issued: a
// renewal already paid for, else the one running).
// - Off: the subscription is set to cancel at its period end (Stripe charges nothing more and
//   deletes it that day); the license runs to its end, and a Renew button comes back.
// - On, after turning it off: the same subscription stops cancelling (nothing to pay now).
// - On, otherwise: Checkout in subscription mode with a trial until the license ends, so the card
//   is saved today and first charged on the renewal day; the webhook links the subscription when
//   Stripe confirms it (webhook/subscription-start.ts). The grant itself never changes here
//   until Stripe has answered.

const SECONDS_IN_TWO_DAYS = 2 * 86_400;

export async function setAutoRenew(actor: Actor | null, input: { organizationId: string; enabled: boolean }): Promise<{ url: string; grantId: string }> {
  authorize(can.buyLicense(actor, input.organizationId), "Only members of this licensee manage its license.");
  const user = requireUser(actor);
  const today = new Date(`${todayUtc()}T00:00:00Z`);
  const target = await db.licenseGrant.findFirst({
    where: { organizationId: input.organizationId, status: "ACTIVE", endsOn: { gt: today } },
    orderBy: { endsOn: "desc" },
    select: { id: true, licenseNumber: true, endsOn: true, autoRenew: true, stripeSubscriptionId: true, currency: true },
  });
  if (!target?.endsOn) throw new AppError("CONFLICT", "Your organisation holds no license to renew; buy one with “Renew automatically every year” ticked.");
  const endsOn = target.endsOn.toISOString().slice(0, 10);
  const overview = { url: `${appUrl()}/licensee`, grantId: target.id };
  const stripe = stripeClient();
  const record = (after: Record<string, unknown>) =>
    writeAudit(db, actor, { action: after.autoRenew ? "license.auto_renew_on" : "license.auto_renew_off", entityType: "LicenseGrant", entityId: target.id, organizationId: input.organizationId, before: { autoRenew: !after.autoRenew }, after });

  if (!input.enabled) {
    if (!target.autoRenew || !target.stripeSubscriptionId) throw new AppError("CONFLICT", `License ${target.licenseNumber} does not renew automatically.`);
    await stripe.subscriptions.update(target.stripeSubscriptionId, { cancel_at_period_end: true });
    const moved = await db.licenseGrant.updateMany({ where: { id: target.id, autoRenew: true }, data: { autoRenew: false } });
    if (moved.count > 0) await record({ autoRenew: false, subscriptionId: target.stripeSubscriptionId, by: "licensee" });
    return overview;
  }

  if (target.autoRenew && target.stripeSubscriptionId) throw new AppError("CONFLICT", `License ${target.licenseNumber} already renews automatically on ${formatDay(endsOn)}.`);
  if (target.stripeSubscriptionId) {
    const existing = await stripe.subscriptions.retrieve(target.stripeSubscriptionId);
    if (existing.status !== "canceled" && existing.cancel_at_period_end) {
      await stripe.subscriptions.update(existing.id, { cancel_at_period_end: false });
      const moved = await db.licenseGrant.updateMany({ where: { id: target.id, autoRenew: false, stripeSubscriptionId: existing.id }, data: { autoRenew: true } });
      if (moved.count > 0) await record({ autoRenew: true, subscriptionId: existing.id, by: "licensee" });
      return overview;
    }
  }

  const profile = await getLicenseeProfile(actor, input.organizationId);
  if (!profile.quote) throw validation(profile.quoteProblem ?? "Complete the organisation profile first: the renewal price is computed from it.");
  const trialEnd = Math.floor(target.endsOn.getTime() / 1000);
  // Stripe wants a trial to end at least 48 hours ahead.
  if (trialEnd < Math.floor(Date.now() / 1000) + SECONDS_IN_TWO_DAYS) {
    throw new AppError("CONFLICT", `License ${target.licenseNumber} ends within two days: renew it by hand this time.`);
  }
  const customer = await ensureStripeCustomer(input.organizationId, profile.legalName!, user.email);
  const metadata = { grantId: target.id, organizationId: input.organizationId, licenseNumber: target.licenseNumber };
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: target.id,
    metadata,
    subscription_data: { trial_end: trialEnd, metadata },
    line_items: [{
      quantity: 1,
      price_data: {
        currency: target.currency.toLowerCase(),
        unit_amount: Number(profile.quote.quote.feeCents),
        recurring: { interval: "year" },
        product_data: { name: `${profile.quote.plan.name}, renews yearly from ${endsOn} (${target.licenseNumber})` },
      },
    }],
    success_url: `${appUrl()}/licensee`,
    cancel_url: `${appUrl()}/licensee`,
  });
  await writeAudit(db, actor, {
    action: "license.auto_renew_checkout_started", entityType: "LicenseGrant", entityId: target.id, organizationId: input.organizationId,
    after: { checkoutSessionId: session.id, renewsOn: endsOn, feeCents: profile.quote.quote.feeCents },
  });
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL.");
  return { url: session.url, grantId: target.id };
}
