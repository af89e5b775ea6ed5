import "server-only";
import { renewalOpensOn as opensOn } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";

const GRANT_SELECT = {
  id: true,
  licenseNumber: true,
  verificationCode: true,
  status: true,
  feeCents: true,
  currency: true,
  startsOn: true,
  endsOn: true,
  termDays: true,
  statusReason: true,
  createdAt: true,
  activatedAt: true,
  stripeCheckoutSessionId: true,
  autoRenew: true,
  stripeSubscriptionId: true,
  revokedAt: true,
  refunds: { select: { id: true, amountCents: true, effectiveOn: true, reason: true }, orderBy: { createdAt: "asc" as const } },
  payments: { select: { amountCents: true, currency: true, paidAt: true, status: true }, orderBy: { createdAt: "asc" as const } },
} as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function view(grant: Awaited<ReturnType<typeof loadGrants>>[number]) {
  return { ...grant, startsOn: day(grant.startsOn), endsOn: day(grant.endsOn), refunds: grant.refunds.map((r) => ({ ...r, effectiveOn: day(r.effectiveOn)! })) };
}

function loadGrants(organizationId: string) {
  return db.licenseGrant.findMany({ where: { organizationId }, select: GRANT_SELECT, orderBy: { createdAt: "desc" }, take: 50 });
}

export type GrantView = ReturnType<typeof view>;

/** The licensee's license now (active today), one waiting for payment, and every grant it had. */
export async function getLicenseOverview(actor: Actor | null, organizationId: string) {
  authorize(can.readLicensee(actor, organizationId));
  const today = todayUtc();
  const grants = (await loadGrants(organizationId)).map(view);
  const active = grants.find((g) => g.status === "ACTIVE" && g.startsOn !== null && g.startsOn <= today && (g.endsOn ?? "") > today) ?? null;
  const pending = grants.find((g) => g.status === "PENDING_PAYMENT") ?? null;
  // A renewal paid for: active from the day the current license ends.
  const upcoming = grants.find((g) => g.status === "ACTIVE" && g.startsOn !== null && g.startsOn > today) ?? null;
  const renewalOpensOn = active?.endsOn ? opensOn(active.endsOn) : null;
  // The license auto-renewal applies to: a renewal already paid for, else the running one. While
  // its subscription will renew it, no Renew button: a one-off renewal would pay twice.
  const latest = upcoming ?? active;
  const renewsAutomaticallyOn = latest?.autoRenew && latest.stripeSubscriptionId ? latest.endsOn : null;
  const canRenew = active !== null && upcoming === null && renewsAutomaticallyOn === null && renewalOpensOn !== null && today >= renewalOpensOn;
  const refunds = grants.flatMap((g) => g.refunds.map((r) => ({ ...r, licenseNumber: g.licenseNumber, currency: g.currency })));
  const revoked = active ? null : (grants.find((g) => g.status === "REVOKED") ?? null);
  return { active, pending, upcoming, revoked, renewalOpensOn, renewsAutomaticallyOn, canRenew, refunds, grants, canBuy: can.buyLicense(actor, organizationId) };
}

/** What the page Stripe returns to shows: the grant behind that Checkout Session, read only. */
export async function getCheckoutOutcome(actor: Actor | null, organizationId: string, sessionId: string) {
  authorize(can.readLicensee(actor, organizationId));
  const grant = await db.licenseGrant.findFirst({ where: { organizationId, stripeCheckoutSessionId: sessionId }, select: GRANT_SELECT });
  if (!grant) throw notFound("That payment");
  return view(grant);
}
