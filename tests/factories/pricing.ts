// Pricing helpers: the license plan with the demo's base schedule (test databases are migrated,
// not seeded), and future schedules on days no other test worker uses.
import { INDUSTRY_GROUPS } from "@/lib/pricing/price-license";
import { db } from "@/server/db";
import { LICENSE_PLAN_CODE } from "@/server/pricing/price-schedules.queries";
import type { TScheduleDraft } from "@/server/pricing/pricing.schema";

export const BASE_SCHEDULE_FROM = "2020-01-01";

/** The AITL-ANNUAL plan with a schedule in force since 2020 (as the demo seed has it). */
export async function ensureLicensePlan() {
  const plan = await db.plan.upsert({
    where: { code: LICENSE_PLAN_CODE },
    create: { code: LICENSE_PLAN_CODE, name: "AI Systems Training License", description: "Annual license (tests)." },
    update: {},
  });
  const effectiveFrom = new Date(`${BASE_SCHEDULE_FROM}T00:00:00Z`);
  const existing = await db.priceSchedule.findUnique({ where: { planId_effectiveFrom: { planId: plan.id, effectiveFrom } } });
  if (existing) return plan;
  try {
    await db.priceSchedule.create({
      data: {
        planId: plan.id,
        effectiveFrom,
        smallOrgMaxEmployees: 50,
        flatBands: { create: [{ maxEmployees: 10, feeCents: 150_000n }, { maxEmployees: 50, feeCents: 450_000n }] },
        industryRates: { create: INDUSTRY_GROUPS.map((industryGroup) => ({ industryGroup, perEmployeeCents: industryGroup === "TECHNOLOGY" ? 12_000n : 7_000n })) },
        countryFactors: { create: [{ country: "*", factorBps: 10_000 }, { country: "IN", factorBps: 6_000 }] },
      },
    });
  } catch {
    // Another test file created it at the same moment.
  }
  return plan;
}

let futureDays = 0;
/** A day from 2030 on that no other test worker picks (spaced by process id). */
export function uniqueFutureDay(): string {
  const offset = (process.pid % 1_000) * 25 + futureDays++;
  return new Date(Date.UTC(2030, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A complete schedule draft as the staff form would send it. */
export function futureScheduleDraft(overrides: Partial<TScheduleDraft> = {}): TScheduleDraft {
  return {
    effectiveFrom: uniqueFutureDay(),
    smallOrgMaxEmployees: "50",
    bands: [{ maxEmployees: "10", fee: "1,600" }, { maxEmployees: "50", fee: "4800.00" }],
    rates: Object.fromEntries(INDUSTRY_GROUPS.map((g) => [g, g === "TECHNOLOGY" ? "130" : "75.50"])),
    factors: [{ country: "*", percent: "100" }, { country: "in", percent: "60" }],
    ...overrides,
  };
}

/** Publishes a future schedule directly (no actor), for tests that withdraw one. */
export async function publishFutureSchedule(): Promise<string> {
  const plan = await ensureLicensePlan();
  const schedule = await db.priceSchedule.create({
    data: {
      planId: plan.id,
      effectiveFrom: new Date(`${uniqueFutureDay()}T00:00:00Z`),
      smallOrgMaxEmployees: 0,
      industryRates: { create: INDUSTRY_GROUPS.map((industryGroup) => ({ industryGroup, perEmployeeCents: 5_000n })) },
      countryFactors: { create: [{ country: "*", factorBps: 10_000 }] },
    },
  });
  return schedule.id;
}
