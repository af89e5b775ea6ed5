import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { appUrl } from "../env";
import { notFound } from "../errors";
import { stripeClient } from "../stripe/client";
import { ZOrganizationOnly } from "./participation.schema";

// Royalties are paid to a Stripe Connect (Express) account the rightsholder owns. The portal
// creates it once, then sends the owner to Stripe's hosted onboarding; Stripe says when payouts
// are enabled, and the portal re-reads the account rather than trusting the return URL.

/** Creates the Connect account if there is none (once, even if clicked twice) and returns the onboarding URL. */
export async function startPayoutOnboarding(actor: Actor | null, rawInput: { organizationId: string }): Promise<{ url: string }> {
  const input = ZOrganizationOnly.parse(rawInput);
  authorize(can.manageParticipation(actor, input.organizationId), "Only the organisation's owners can set up payouts.");
  const profile = await db.rightsholderProfile.findUnique({
    where: { organizationId: input.organizationId },
    select: { stripeAccountId: true, country: true, contactEmail: true },
  });
  if (!profile) throw notFound("That rightsholder");
  const stripe = stripeClient();
  let accountId = profile.stripeAccountId;
  if (!accountId) {
    // The idempotency key makes a double click (or a retry after a timeout) return the same account.
    const account = await stripe.accounts.create(
      {
        type: "express",
        country: profile.country ?? "US",
        email: profile.contactEmail ?? undefined,
        capabilities: { transfers: { requested: true } },
        metadata: { organizationId: input.organizationId },
      },
      { idempotencyKey: `connect-account-${input.organizationId}` },
    );
    const stored = await db.rightsholderProfile.updateMany({
      where: { organizationId: input.organizationId, stripeAccountId: null },
      data: { stripeAccountId: account.id, payoutsEnabled: account.payouts_enabled ?? false },
    });
    if (stored.count === 1) {
      await writeAudit(db, actor, { action: "participation.payout_account_created", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, after: { stripeAccountId: account.id } });
      accountId = account.id;
    } else {
      accountId = (await db.rightsholderProfile.findUniqueOrThrow({ where: { organizationId: input.organizationId }, select: { stripeAccountId: true } })).stripeAccountId!;
    }
  }
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${appUrl()}/rightsholder/participation?payout=expired`,
    return_url: `${appUrl()}/rightsholder/participation/payout/return`,
  });
  return { url: link.url };
}

/** Re-reads the Connect account from Stripe and records whether payouts are enabled. */
export async function refreshPayoutAccount(actor: Actor | null, rawInput: { organizationId: string }) {
  const input = ZOrganizationOnly.parse(rawInput);
  authorize(can.manageParticipation(actor, input.organizationId), "Only the organisation's owners can set up payouts.");
  const profile = await db.rightsholderProfile.findUnique({ where: { organizationId: input.organizationId }, select: { stripeAccountId: true, payoutsEnabled: true } });
  if (!profile?.stripeAccountId) return { payoutsEnabled: false, changed: false };
  const account = await stripeClient().accounts.retrieve(profile.stripeAccountId);
  const payoutsEnabled = account.payouts_enabled === true;
  if (payoutsEnabled === profile.payoutsEnabled) return { payoutsEnabled, changed: false };
  await db.$transaction(async (tx) => {
    await tx.rightsholderProfile.update({ where: { organizationId: input.organizationId }, data: { payoutsEnabled } });
    await writeAudit(tx, actor, { action: "participation.payouts_changed", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before: { payoutsEnabled: profile.payoutsEnabled }, after: { payoutsEnabled } });
  });
  return { payoutsEnabled, changed: true };
}
