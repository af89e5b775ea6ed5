import "server-only";
import { priceLicense, scheduleInForce, PricingError, type IndustryGroupCode, type PriceScheduleTerms, type Quote } from "@/lib/pricing/price-license";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db, type DbOrTx } from "../db";
import { validation } from "../errors";
import { ZQuoteInput, type TQuoteInput } from "./pricing.schema";

// Read models for plans and their effective-dated price schedules. The public price calculator
// and the staff pricing page read the same rows through loadPlanSchedules, so what a visitor is
// quoted is what staff see in force.

/** The one plan the operator sells today (the seed and the first migration's data create it). */
export const LICENSE_PLAN_CODE = "AITL-ANNUAL";

export type ScheduleView = PriceScheduleTerms & {
  id: string;
  effectiveFrom: string;
  createdAt: Date;
  createdByName: string | null;
};

export type PlanWithSchedules = {
  plan: { id: string; code: string; name: string; description: string; termMonths: number };
  /** Newest effectiveFrom first. */
  schedules: ScheduleView[];
};

type ScheduleRow = {
  planId: string; code: string; name: string; description: string; termMonths: number;
  schedules: {
    id: string; effectiveFrom: string; createdAt: string; createdByName: string | null; hasCreator: boolean; currency: string; smallOrgMaxEmployees: number;
    flatBands: { maxEmployees: number; feeCents: string }[];
    industryRates: { industryGroup: IndustryGroupCode; perEmployeeCents: string }[];
    countryFactors: { country: string; factorBps: number }[];
  }[];
};

/**
 * The plan with every schedule, newest first, and each schedule's bands, rates and factors. One
 * statement (the licensee's overview reads it on every view, to quote the renewal): nested reads
 * through Prisma took six round trips. Cents travel as text inside the JSON, so none is rounded.
 */
export async function loadPlanSchedules(client: DbOrTx = db, planCode = LICENSE_PLAN_CODE): Promise<PlanWithSchedules | null> {
  const [plan] = await client.$queryRaw<ScheduleRow[]>`
    SELECT p.id::text AS "planId", p.code, p.name, p.description, p."termMonths",
           COALESCE((SELECT json_agg(json_build_object(
                       'id', s.id, 'effectiveFrom', s."effectiveFrom"::text, 'createdAt', to_char(s."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdByName', u.name,
                       'hasCreator', s."createdById" IS NOT NULL, 'currency', s.currency, 'smallOrgMaxEmployees', s."smallOrgMaxEmployees",
                       'flatBands', COALESCE((SELECT json_agg(json_build_object('maxEmployees', b."maxEmployees", 'feeCents', b."feeCents"::text) ORDER BY b."maxEmployees")
                                                FROM price_bands b WHERE b."scheduleId" = s.id), '[]'),
                       'industryRates', COALESCE((SELECT json_agg(json_build_object('industryGroup', r."industryGroup", 'perEmployeeCents', r."perEmployeeCents"::text) ORDER BY r."industryGroup")
                                                    FROM industry_rates r WHERE r."scheduleId" = s.id), '[]'),
                       'countryFactors', COALESCE((SELECT json_agg(json_build_object('country', f.country, 'factorBps', f."factorBps") ORDER BY f.country)
                                                     FROM country_factors f WHERE f."scheduleId" = s.id), '[]')
                     ) ORDER BY s."effectiveFrom" DESC)
                       FROM price_schedules s LEFT JOIN users u ON u.id = s."createdById" WHERE s."planId" = p.id), '[]') AS schedules
      FROM plans p WHERE p.code = ${planCode}`;
  if (!plan) return null;
  return {
    plan: { id: plan.planId, code: plan.code, name: plan.name, description: plan.description, termMonths: plan.termMonths },
    schedules: plan.schedules.map((s) => ({
      id: s.id,
      effectiveFrom: s.effectiveFrom,
      createdAt: new Date(s.createdAt),
      createdByName: s.hasCreator ? (s.createdByName ?? "A former staff member") : null,
      currency: s.currency,
      smallOrgMaxEmployees: s.smallOrgMaxEmployees,
      flatBands: s.flatBands.map((b) => ({ maxEmployees: b.maxEmployees, feeCents: BigInt(b.feeCents) })),
      industryRates: s.industryRates.map((r) => ({ industryGroup: r.industryGroup, perEmployeeCents: BigInt(r.perEmployeeCents) })),
      countryFactors: s.countryFactors.map((f) => ({ country: f.country, factorBps: f.factorBps })),
    })),
  };
}

export type LicenseQuote = { plan: PlanWithSchedules["plan"]; schedule: ScheduleView; quote: Quote; date: string };

/**
 * The price of the license for an organisation, by the schedule in force on `date` (today by
 * default). Public: anyone may ask what the license costs; nothing here is anyone's data.
 * Bad input is a VALIDATION error on the field concerned.
 */
export async function quoteLicense(rawInput: { [K in keyof TQuoteInput]: unknown }, date = todayUtc()): Promise<LicenseQuote> {
  const parsed = ZQuoteInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw validation("Please correct the highlighted fields.", fieldErrors);
  }
  const loaded = await loadPlanSchedules();
  const schedule = loaded ? scheduleInForce(loaded.schedules, date) : null;
  if (!loaded || !schedule) throw validation("The license is not on sale yet: no price schedule is in force. Contact us for a quote.");
  try {
    return { plan: loaded.plan, schedule, quote: priceLicense(schedule, parsed.data), date };
  } catch (error) {
    if (error instanceof PricingError) {
      throw validation(error.message, error.field === "schedule" ? undefined : { [error.field]: [error.message] });
    }
    throw error;
  }
}

/** Staff: the plan with every schedule, past, in force and future, and which one is in force. */
export async function listPriceSchedules(actor: Actor | null): Promise<PlanWithSchedules & { inForceId: string | null; today: string }> {
  authorize(can.readStaffArea(actor));
  const loaded = await loadPlanSchedules();
  if (!loaded) throw validation(`The plan ${LICENSE_PLAN_CODE} does not exist; run the seed or create it.`);
  const today = todayUtc();
  return { ...loaded, inForceId: scheduleInForce(loaded.schedules, today)?.id ?? null, today };
}

/** The plan and the schedule in force today, for the public pricing page (public data). */
export async function publicPriceList(date = todayUtc()): Promise<{ plan: PlanWithSchedules["plan"]; schedule: ScheduleView | null; next: ScheduleView | null }> {
  const loaded = await loadPlanSchedules();
  if (!loaded) return { plan: { id: "", code: LICENSE_PLAN_CODE, name: "AI Systems Training License", description: "", termMonths: 12 }, schedule: null, next: null };
  const schedule = scheduleInForce(loaded.schedules, date);
  // The next change of prices, announced on the page once published.
  const next = loaded.schedules.filter((s) => s.effectiveFrom > date).at(-1) ?? null;
  return { plan: loaded.plan, schedule, next };
}
