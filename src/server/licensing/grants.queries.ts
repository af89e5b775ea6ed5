import "server-only";
import type { GrantStatus, PaymentStatus } from "@/generated/prisma/enums";
import { renewalOpensOn as opensOn } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { isUuid } from "@/lib/uuid";

type GrantRecord = {
  id: string;
  licenseNumber: string;
  verificationCode: string;
  status: GrantStatus;
  feeCents: bigint;
  currency: string;
  startsOn: Date | null;
  endsOn: Date | null;
  termDays: number | null;
  statusReason: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  stripeCheckoutSessionId: string | null;
  autoRenew: boolean;
  stripeSubscriptionId: string | null;
  revokedAt: Date | null;
  refunds: { id: string; amountCents: bigint; effectiveOn: Date; reason: string }[];
  payments: { amountCents: bigint; currency: string; paidAt: Date | null; status: PaymentStatus }[];
};

type GrantRow = Omit<GrantRecord, "refunds" | "payments"> & {
  refunds: { id: string; amountCents: string; effectiveOn: string; reason: string }[];
  payments: { amountCents: string; currency: string; paidAt: string | null; status: PaymentStatus }[];
};


const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function view(grant: GrantRecord) {
  return { ...grant, startsOn: day(grant.startsOn), endsOn: day(grant.endsOn), refunds: grant.refunds.map((r) => ({ ...r, effectiveOn: day(r.effectiveOn)! })) };
}

/**
 * The organisation's latest 50 grants (or the one of a Checkout Session) with their refunds and
 * payments, oldest first within each: one statement, since the licensee's overview reads it on
 * every view (nested reads through Prisma took three round trips). Cents travel as text in the JSON.
 */
async function loadGrants(organizationId: string, checkoutSessionId: string | null = null): Promise<GrantRecord[]> {
  if (!isUuid(organizationId)) return [];
  const rows = await db.$queryRaw<GrantRow[]>`
    SELECT g.id::text AS id, g."licenseNumber", g."verificationCode", g.status::text AS status, g."feeCents", g.currency, g."startsOn", g."endsOn",
           g."termDays", g."statusReason", g."createdAt", g."activatedAt", g."stripeCheckoutSessionId", g."autoRenew", g."stripeSubscriptionId", g."revokedAt",
           COALESCE((SELECT json_agg(json_build_object('id', r.id, 'amountCents', r."amountCents"::text, 'effectiveOn', r."effectiveOn"::text, 'reason', r.reason) ORDER BY r."createdAt", r.id)
                       FROM refunds r WHERE r."grantId" = g.id), '[]') AS refunds,
           COALESCE((SELECT json_agg(json_build_object('amountCents', p."amountCents"::text, 'currency', p.currency,
                                                       'paidAt', to_char(p."paidAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'status', p.status) ORDER BY p."createdAt", p.id)
                       FROM payments p WHERE p."grantId" = g.id), '[]') AS payments
      FROM license_grants g
     WHERE g."organizationId" = ${organizationId}::uuid AND (${checkoutSessionId}::text IS NULL OR g."stripeCheckoutSessionId" = ${checkoutSessionId})
     ORDER BY g."createdAt" DESC
     LIMIT 50`;
  return rows.map((g) => ({
    ...g,
    refunds: g.refunds.map((r) => ({ ...r, amountCents: BigInt(r.amountCents), effectiveOn: new Date(`${r.effectiveOn}T00:00:00Z`) })),
    payments: g.payments.map((p) => ({ ...p, amountCents: BigInt(p.amountCents), paidAt: p.paidAt ? new Date(p.paidAt) : null })),
  }));
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
  const [grant] = await loadGrants(organizationId, sessionId);
  if (!grant) throw notFound("That payment");
  return view(grant);
}
