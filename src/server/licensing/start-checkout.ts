import "server-only";
import type Stripe from "stripe";
import { Prisma } from "@/generated/prisma/client";
import { renewalOpensOn } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { appUrl } from "../env";
import { AppError, validation } from "../errors";
import { getLicenseeProfile } from "../licensees/licensee-profile.queries";
import { stripeClient } from "../stripe/client";
import { newLicenseNumber, newVerificationCode } from "./grant-codes";
import { setAutoRenew } from "./set-auto-renew";
import { ensureStripeCustomer } from "./stripe-customer";

// A licensee member starts buying the license: the price of its profile today becomes a grant
// waiting for payment, and Stripe Checkout collects the fee for a 12-month term paid once. The
// grant only becomes active when Stripe says the payment cleared (the webhook, never the
// redirect). Clicking twice reuses the same pending grant and, while it is open, the same session.
// While a license runs, the same button renews it (RENEWAL_WINDOW_DAYS before its end, src/lib/licensing/term.ts).
// With "Renew automatically every year" ticked, Checkout sells a yearly subscription instead
// (mode=subscription, the same price as a recurring yearly price): a new license is paid now and
// renews on its anniversary; a running license gets auto-renewal turned on (setAutoRenew), so the
// first charge falls on the day it ends (docs/decisions/012).

async function createPendingGrant(organizationId: string, userId: string, quote: NonNullable<Awaited<ReturnType<typeof getLicenseeProfile>>["quote"]>, profile: { employeeCount: number; industryGroup: string; country: string; previousGrantId: string | null; autoRenew: boolean }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.licenseGrant.create({
        data: {
          licenseNumber: newLicenseNumber(Number(todayUtc().slice(0, 4))),
          verificationCode: newVerificationCode(),
          organizationId,
          planId: quote.plan.id,
          priceScheduleId: quote.schedule.id,
          feeCents: quote.quote.feeCents,
          currency: quote.quote.currency,
          quotedEmployeeCount: profile.employeeCount,
          quotedIndustryGroup: profile.industryGroup as "OTHER",
          quotedCountry: profile.country,
          previousGrantId: profile.previousGrantId,
          autoRenew: profile.autoRenew,
          createdById: userId,
        },
      });
    } catch (error) {
      // A license number already taken (1 in 10⁹ a year): draw another.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

export async function startCheckout(actor: Actor | null, input: { organizationId: string; autoRenew?: boolean }): Promise<{ url: string; grantId: string }> {
  authorize(can.buyLicense(actor, input.organizationId), "Only members of this licensee can buy its license.");
  const user = requireUser(actor);
  const profile = await getLicenseeProfile(actor, input.organizationId);
  if (!profile.isComplete) throw validation("Complete the organisation profile first: the price is computed from it.");
  if (!profile.quote) throw validation(profile.quoteProblem ?? "No price could be computed for this organisation.");
  // While a license runs, buying again is its renewal: it opens renewalOpensOn(end),
  // once, and the next grant starts where the current one ends (set when the payment clears).
  const today = todayUtc();
  const current = await db.licenseGrant.findFirst({
    where: { organizationId: input.organizationId, status: "ACTIVE", startsOn: { lte: new Date(`${today}T00:00:00Z`) }, endsOn: { gt: new Date(`${today}T00:00:00Z`) } },
    orderBy: { endsOn: "desc" },
    select: { id: true, licenseNumber: true, endsOn: true, autoRenew: true, stripeSubscriptionId: true, nextGrant: { select: { id: true, status: true } } },
  });
  const isSubscription = input.autoRenew === true;
  if (current) {
    // Ticked while a license runs: the subscription starts when the license ends (no charge today).
    if (isSubscription) return setAutoRenew(actor, { organizationId: input.organizationId, enabled: true });
    const endsOn = current.endsOn!.toISOString().slice(0, 10);
    if (current.autoRenew && current.stripeSubscriptionId) {
      throw new AppError("CONFLICT", `License ${current.licenseNumber} renews automatically on ${endsOn}; turn auto-renewal off first to renew by hand.`);
    }
    const opensOn = renewalOpensOn(endsOn);
    if (current.nextGrant?.status === "ACTIVE") throw new AppError("CONFLICT", `License ${current.licenseNumber} is already renewed.`);
    if (today < opensOn) throw new AppError("CONFLICT", `Your organisation holds license ${current.licenseNumber}; its renewal opens on ${opensOn}.`);
    // A renewal attempt that failed (a bank transfer) lets go of the license it would have renewed.
    if (current.nextGrant?.status === "CANCELLED") await db.licenseGrant.update({ where: { id: current.nextGrant.id }, data: { previousGrantId: null } });
  }
  const previousGrantId = current?.id ?? null;

  // The same pending grant while its price still holds; a new one when the price changed.
  let grant = await db.licenseGrant.findFirst({
    where: { organizationId: input.organizationId, status: "PENDING_PAYMENT", feeCents: profile.quote.quote.feeCents, priceScheduleId: profile.quote.schedule.id, previousGrantId, autoRenew: isSubscription },
    orderBy: { createdAt: "desc" },
  });
  const stripe = stripeClient();
  if (grant?.stripeCheckoutSessionId) {
    const session = await stripe.checkout.sessions.retrieve(grant.stripeCheckoutSessionId);
    if (session.status === "open" && session.url) return { url: session.url, grantId: grant.id };
    // Paid by bank transfer and not cleared yet: nothing to pay again.
    if (session.status === "complete") throw new AppError("CONFLICT", "Your payment is being confirmed; the license becomes active as soon as it clears.");
  }
  if (!grant && previousGrantId) {
    // A pending renewal at an older price gives way to this one (the previous grant has room for one).
    await db.licenseGrant.updateMany({ where: { previousGrantId, status: "PENDING_PAYMENT" }, data: { status: "CANCELLED", cancelledAt: new Date(), statusReason: "Replaced by a renewal at the current price.", previousGrantId: null } });
  }
  grant ??= await createPendingGrant(input.organizationId, user.userId, profile.quote, {
    employeeCount: profile.employeeCount!, industryGroup: profile.industryGroup!, country: profile.country!, previousGrantId, autoRenew: isSubscription,
  });

  const customer = await ensureStripeCustomer(input.organizationId, profile.legalName!, user.email);
  const metadata = { grantId: grant.id, organizationId: input.organizationId, licenseNumber: grant.licenseNumber };
  // The audit row goes with the grant's first session. Not "the grant is new": when Stripe failed
  // on the first click, the grant was made but the audit row never was, and the second click finds
  // the grant already there (tests/faults/stripe-faults.test.ts).
  const isFirstSession = !grant.stripeCheckoutSessionId;
  const pendingGrant = grant;
  const recordSession = (session: Stripe.Checkout.Session) => db.$transaction(async (tx) => {
    await tx.licenseGrant.update({ where: { id: pendingGrant.id }, data: { stripeCheckoutSessionId: session.id } });
    if (isFirstSession) {
      await writeAudit(tx, actor, {
        action: "license.checkout_started",
        entityType: "LicenseGrant",
        entityId: pendingGrant.id,
        organizationId: input.organizationId,
        after: { licenseNumber: pendingGrant.licenseNumber, feeCents: pendingGrant.feeCents, priceScheduleId: pendingGrant.priceScheduleId, checkoutSessionId: session.id, autoRenew: isSubscription },
      });
    }
  });
  // An earlier click's session that Stripe made but whose answer never reached us (a timeout past
  // the SDK's retries): that one is offered, not a second session for the same grant.
  const unrecorded = await openSessionFor(stripe, customer, grant.id, grant.stripeCheckoutSessionId);
  if (unrecorded?.url) {
    await recordSession(unrecorded);
    return { url: unrecorded.url, grantId: grant.id };
  }
  // One key per try: clicks at the same time share it (one session), and a try that failed moves
  // it on, because Stripe saves a 500 that happened while a request ran and replays it to every
  // later request with that key.
  const idempotencyKey = isFirstSession ? `checkout:${grant.id}:${grant.checkoutFailures}` : `checkout:${grant.id}:${Date.now()}`;
  const session = await stripe.checkout.sessions.create(
    {
      mode: isSubscription ? "subscription" : "payment",
      customer,
      client_reference_id: grant.id,
      metadata,
      // The subscription carries the grant it pays for: its invoices name it (webhook/subscription-start.ts).
      ...(isSubscription ? { subscription_data: { metadata } } : { payment_intent_data: { metadata: { grantId: grant.id, organizationId: input.organizationId } } }),
      line_items: [{
        quantity: 1,
        price_data: {
          currency: grant.currency.toLowerCase(),
          unit_amount: Number(grant.feeCents),
          ...(isSubscription ? { recurring: { interval: "year" as const } } : {}),
          product_data: { name: `${profile.quote.plan.name}, 12 months${isSubscription ? ", renews yearly" : previousGrantId ? ", renewal" : ""} (${grant.licenseNumber})` },
        },
      }],
      success_url: `${appUrl()}/licensee/license/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${appUrl()}/licensee`,
    },
    { idempotencyKey },
  ).catch(async (error: unknown) => {
    if (isFirstSession) await db.licenseGrant.update({ where: { id: pendingGrant.id }, data: { checkoutFailures: { increment: 1 } } });
    throw error;
  });
  await recordSession(session);
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL.");
  return { url: session.url, grantId: grant.id };
}

/** The customer's open Checkout Session for this grant that the grant does not know of, if any. */
async function openSessionFor(stripe: Stripe, customer: string, grantId: string, known: string | null): Promise<Stripe.Checkout.Session | null> {
  const open = await stripe.checkout.sessions.list({ customer, status: "open", limit: 100 });
  return open.data.find((s) => s.metadata?.grantId === grantId && s.id !== known) ?? null;
}
