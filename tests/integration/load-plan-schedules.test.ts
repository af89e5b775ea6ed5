// loadPlanSchedules reads the plan, its schedules and their bands, rates and factors in one
// statement (the licensee overview quotes on every view, docs/reliability.md "Load"). It must give
// exactly what Prisma's nested read of the same rows gives: order, exact cents, dates, creators.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPriceSchedule } from "@/server/pricing/create-price-schedule";
import { LICENSE_PLAN_CODE, loadPlanSchedules } from "@/server/pricing/price-schedules.queries";
import { createStaffActor } from "../factories";
import { ensureLicensePlan, futureScheduleDraft } from "../factories/pricing";

async function nestedRead() {
  const plan = await db.plan.findUniqueOrThrow({
    where: { code: LICENSE_PLAN_CODE },
    select: {
      id: true, code: true, name: true, description: true, termMonths: true,
      schedules: {
        orderBy: { effectiveFrom: "desc" },
        include: { flatBands: { orderBy: { maxEmployees: "asc" } }, industryRates: { orderBy: { industryGroup: "asc" } }, countryFactors: { orderBy: { country: "asc" } } },
      },
    },
  });
  const users = await db.user.findMany({ where: { id: { in: plan.schedules.flatMap((s) => (s.createdById ? [s.createdById] : [])) } }, select: { id: true, name: true } });
  return {
    plan: { id: plan.id, code: plan.code, name: plan.name, description: plan.description, termMonths: plan.termMonths },
    schedules: plan.schedules.map((s) => ({
      id: s.id, effectiveFrom: s.effectiveFrom.toISOString().slice(0, 10), createdAt: s.createdAt,
      createdByName: s.createdById ? (users.find((u) => u.id === s.createdById)?.name ?? "A former staff member") : null,
      currency: s.currency, smallOrgMaxEmployees: s.smallOrgMaxEmployees,
      flatBands: s.flatBands.map((b) => ({ maxEmployees: b.maxEmployees, feeCents: b.feeCents })),
      industryRates: s.industryRates.map((r) => ({ industryGroup: r.industryGroup, perEmployeeCents: r.perEmployeeCents })),
      countryFactors: s.countryFactors.map((f) => ({ country: f.country, factorBps: f.factorBps })),
    })),
  };
}

beforeAll(async () => {
  await ensureLicensePlan();
});

describe("loadPlanSchedules", () => {
  it("gives what the nested Prisma read gives, schedule by schedule, with a staff creator's name", async () => {
    const admin = await createStaffActor("ADMIN");
    await createPriceSchedule(admin, futureScheduleDraft());
    const loaded = await loadPlanSchedules();
    expect(loaded).toEqual(await nestedRead());
    expect(loaded!.schedules.some((s) => s.createdByName !== null)).toBe(true);
    expect(loaded!.schedules.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps cents above 2^53 exact, and a plan without schedules has none", async () => {
    const code = `LOAD-TEST-${Date.now().toString(36)}`;
    const huge = 9_007_199_254_740_993n;
    const plan = await db.plan.create({ data: { code, name: "Load test plan", description: "test" } });
    expect((await loadPlanSchedules(db, code))!.schedules).toEqual([]);
    await db.priceSchedule.create({
      data: { planId: plan.id, effectiveFrom: new Date("2021-03-04T00:00:00Z"), smallOrgMaxEmployees: 10, flatBands: { create: [{ maxEmployees: 10, feeCents: huge }] } },
    });
    const [schedule] = (await loadPlanSchedules(db, code))!.schedules;
    expect(schedule).toMatchObject({ effectiveFrom: "2021-03-04", createdByName: null, flatBands: [{ maxEmployees: 10, feeCents: huge }], industryRates: [], countryFactors: [] });
  });

  it("is null for a plan that does not exist", async () => {
    expect(await loadPlanSchedules(db, "NO-SUCH-PLAN")).toBeNull();
  });
});
