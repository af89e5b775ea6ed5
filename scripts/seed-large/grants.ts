// The licensees' license histories over the last year and a half, decided in TypeScript (a
// thousand licensees, a few grants each: the dates read better here than in SQL) with the
// project's own term and refund rules, then written in one statement per table.
// Per licensee: a first 12-month term starting 18 to 4 months ago; three in four of those that
// ended were renewed (the renewal chained by previousGrantId), the rest lapsed; a few renewals
// paid ahead; some on auto-renewal; a few revoked, refunded (term shortened, or revoked), an
// abandoned checkout, a cancelled grant; one in 25 never bought a license.
import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import { suggestedRefundCents } from "../../src/lib/licensing/refund-rules";
import { daysBetween, termFrom } from "../../src/lib/licensing/term";
import { addDays } from "./scale";
import { seededRandom } from "../lib/seeded-random";

export type LicenseeQuote = { n: number; organizationId: string; employees: number; industry: string; country: string };

type Grant = {
  id: string; licenseNumber: string; verificationCode: string; organizationId: string; status: string; feeCents: string;
  quotedEmployeeCount: number; quotedIndustryGroup: string; quotedCountry: string; startsOn: string | null; endsOn: string | null;
  termDays: number | null; previousGrantId: string | null; autoRenew: boolean; stripeCheckoutSessionId: string | null;
  stripeSubscriptionId: string | null; activatedAt: string | null; expiredAt: string | null; cancelledAt: string | null;
  revokedAt: string | null; statusReason: string | null; createdAt: string;
};
type Refund = { id: string; grantId: string; amountCents: string; effectiveOn: string; reason: string; createdAt: string };

// The demo price schedule's rates (prisma/seed.ts), so fees look like what the portal quotes.
const RATE: Record<string, number> = {
  TECHNOLOGY: 12_000, FINANCIAL_SERVICES: 11_000, HEALTHCARE_LIFE_SCIENCES: 10_000, MEDIA_PUBLISHING: 8_000,
  PROFESSIONAL_SERVICES: 9_000, EDUCATION_RESEARCH: 4_000, GOVERNMENT_NONPROFIT: 3_000, OTHER: 7_000,
};
const FACTOR: Record<string, number> = { IN: 6_000, BR: 7_000 };

function feeFor(q: LicenseeQuote): bigint {
  if (q.employees <= 10) return 150_000n;
  if (q.employees <= 50) return 450_000n;
  return (BigInt(q.employees) * BigInt(RATE[q.industry] ?? 7_000) * BigInt(FACTOR[q.country] ?? 10_000)) / 10_000n;
}


const later = (a: string, b: string) => (a > b ? a : b);

const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, "0")}:00:00Z`;

export function planGrants(licensees: LicenseeQuote[], today: string): { grants: Grant[]; refunds: Refund[] } {
  const grants: Grant[] = [];
  const refunds: Refund[] = [];
  let seq = 0;
  const make = (q: LicenseeQuote, fields: Partial<Grant> & { status: string }): Grant => {
    seq += 1;
    const startsOn = fields.startsOn ?? null;
    const grant: Grant = {
      id: randomUUID(), licenseNumber: `AITL-${(startsOn ?? today).slice(0, 4)}-LG${String(seq).padStart(6, "0")}`,
      verificationCode: randomBytes(15).toString("base64url"), organizationId: q.organizationId, feeCents: feeFor(q).toString(),
      quotedEmployeeCount: q.employees, quotedIndustryGroup: q.industry, quotedCountry: q.country, startsOn, endsOn: null, termDays: null,
      previousGrantId: null, autoRenew: false, stripeCheckoutSessionId: `cs_large_${seq}`, stripeSubscriptionId: null,
      activatedAt: startsOn && fields.status !== "PENDING_PAYMENT" && fields.status !== "CANCELLED" ? at(startsOn) : null,
      expiredAt: null, cancelledAt: null, revokedAt: null, statusReason: null, createdAt: at(addDays(startsOn ?? today, -1), 15),
      ...fields,
    };
    if (startsOn && grant.endsOn === null) {
      const term = termFrom(startsOn);
      grant.endsOn = term.endsOn;
      grant.termDays = term.termDays;
    }
    grants.push(grant);
    return grant;
  };
  const refund = (grant: Grant, effectiveOn: string, amount: bigint, reason: string) => {
    if (amount <= 0n) return;
    refunds.push({ id: randomUUID(), grantId: grant.id, amountCents: amount.toString(), effectiveOn, reason, createdAt: at(effectiveOn, 14) });
  };

  for (const q of licensees) {
    const { n } = q;
    const random = seededRandom(n * 7919);
    if (n % 25 === 13) {
      if (n % 50 === 13) make(q, { status: "PENDING_PAYMENT", createdAt: at(addDays(today, -3), 9) });
      continue;
    }
    const firstStart = n === 1 ? addDays(today, -420) : addDays(today, -540 + Math.floor(random() * 420));
    const first = make(q, { status: "ACTIVE", startsOn: firstStart });
    let current: Grant | null = null;
    let upcoming: Grant | null = null;
    if (first.endsOn! <= today) {
      first.status = "EXPIRED";
      first.expiredAt = at(first.endsOn!, 1);
      if (n === 1 || random() < 0.75) current = make(q, { status: "ACTIVE", startsOn: first.endsOn, previousGrantId: first.id });
    } else {
      current = first;
      if (daysBetween(today, first.endsOn!) < 50 && n % 3 === 0 && n % 100 !== 17) {
        upcoming = make(q, { status: "ACTIVE", startsOn: first.endsOn, previousGrantId: first.id, createdAt: at(addDays(today, -6), 11), activatedAt: at(addDays(today, -6), 11) });
      }
    }
    if (current && !upcoming && n % 7 === 0) {
      current.autoRenew = true;
      current.stripeSubscriptionId = `sub_large_${n}`;
    }
    if (current && n % 100 === 17) {
      current.status = "REVOKED";
      current.revokedAt = at(later(addDays(current.startsOn!, 1), addDays(today, -(5 + (n % 40)))), 16);
      current.statusReason = "The licensee breached the license terms.";
      current.autoRenew = false;
    }
    if (current && (n % 100 === 23 || n % 100 === 73)) {
      // A staff refund of the unused part: the term shortened to end in three weeks, or revoked.
      const revoked = n % 100 === 73;
      const refundOn = later(addDays(current.startsOn!, 1), addDays(today, revoked ? -15 : -10));
      const coverageEndsOn = revoked ? refundOn : addDays(today, 21);
      const amount = suggestedRefundCents({ paidCents: BigInt(current.feeCents), refundedCents: 0n, startsOn: current.startsOn!, termDays: current.termDays!, coverageEndsOn });
      refund(current, coverageEndsOn, amount, revoked ? "Company closed its AI programme; refunded and revoked." : "Downsized: the term shortened by agreement.");
      if (revoked) Object.assign(current, { status: "REVOKED", revokedAt: at(refundOn, 14), statusReason: "Refunded and revoked.", autoRenew: false });
      else if (coverageEndsOn < current.endsOn!) Object.assign(current, { endsOn: coverageEndsOn, statusReason: "Term shortened with a refund.", autoRenew: false });
    }
    if (n % 100 === 41 && first.status === "EXPIRED") {
      const effectiveOn = addDays(first.startsOn!, 200);
      refund(first, effectiveOn, BigInt(first.feeCents) / 20n, "Goodwill credit for a service outage.");
    }
    if (n % 100 === 59) make(q, { status: "CANCELLED", createdAt: at(addDays(today, -90), 9), cancelledAt: at(addDays(today, -88), 9) });
    if (current && !upcoming && current.status === "ACTIVE" && n % 40 === 7) make(q, { status: "PENDING_PAYMENT", createdAt: at(addDays(today, -2), 12) });
  }
  return { grants, refunds };
}

/** Writes the grants, one succeeded payment per paid grant, and the refunds against those payments. */
export async function insertGrants(client: pg.ClientBase, plan: { planId: string; scheduleId: string }, planned: ReturnType<typeof planGrants>): Promise<void> {
  await client.query(
    `INSERT INTO license_grants (id, "licenseNumber", "verificationCode", "organizationId", "planId", "priceScheduleId", status, "feeCents",
                                 "quotedEmployeeCount", "quotedIndustryGroup", "quotedCountry", "startsOn", "endsOn", "termDays", "previousGrantId",
                                 "autoRenew", "stripeCheckoutSessionId", "stripeSubscriptionId", "activatedAt", "expiredAt", "cancelledAt",
                                 "revokedAt", "statusReason", "createdAt", "updatedAt")
     SELECT g.id, g."licenseNumber", g."verificationCode", g."organizationId", $2, $3, g.status::"GrantStatus", g."feeCents",
            g."quotedEmployeeCount", g."quotedIndustryGroup"::"IndustryGroup", g."quotedCountry", g."startsOn", g."endsOn", g."termDays", g."previousGrantId",
            g."autoRenew", g."stripeCheckoutSessionId", g."stripeSubscriptionId", g."activatedAt", g."expiredAt", g."cancelledAt",
            g."revokedAt", g."statusReason", g."createdAt", COALESCE(g."revokedAt", g."activatedAt", g."createdAt")
       FROM json_to_recordset($1::json) AS g(id uuid, "licenseNumber" text, "verificationCode" text, "organizationId" uuid, status text, "feeCents" bigint,
            "quotedEmployeeCount" int, "quotedIndustryGroup" text, "quotedCountry" text, "startsOn" date, "endsOn" date, "termDays" int, "previousGrantId" uuid,
            "autoRenew" boolean, "stripeCheckoutSessionId" text, "stripeSubscriptionId" text, "activatedAt" timestamp, "expiredAt" timestamp,
            "cancelledAt" timestamp, "revokedAt" timestamp, "statusReason" text, "createdAt" timestamp)
      ORDER BY g."createdAt"`,
    [JSON.stringify(planned.grants), plan.planId, plan.scheduleId],
  );
  await client.query(
    `INSERT INTO payments (id, "grantId", "organizationId", "amountCents", status, "stripePaymentIntentId", "stripeInvoiceId", "paidAt", "createdAt")
     SELECT gen_random_uuid(), g.id, g."organizationId", g."feeCents", 'SUCCEEDED',
            CASE WHEN g."stripeSubscriptionId" IS NULL THEN 'pi_large_' || g."licenseNumber" END,
            CASE WHEN g."stripeSubscriptionId" IS NOT NULL THEN 'in_large_' || g."licenseNumber" END, g."activatedAt", g."activatedAt"
       FROM license_grants g WHERE g."licenseNumber" LIKE 'AITL-%-LG%' AND g."activatedAt" IS NOT NULL`,
  );
  await client.query(
    `INSERT INTO refunds (id, "paymentId", "grantId", "amountCents", "effectiveOn", reason, "stripeRefundId", "createdAt")
     SELECT r.id, p.id, r."grantId", r."amountCents", r."effectiveOn", r.reason, 're_large_' || row_number() OVER (ORDER BY r.id), r."createdAt"
       FROM json_to_recordset($1::json) AS r(id uuid, "grantId" uuid, "amountCents" bigint, "effectiveOn" date, reason text, "createdAt" timestamp)
       JOIN payments p ON p."grantId" = r."grantId"`,
    [JSON.stringify(planned.refunds)],
  );
}
