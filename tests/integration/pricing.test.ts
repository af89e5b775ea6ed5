import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPriceSchedule } from "@/server/pricing/create-price-schedule";
import { listPriceSchedules, publicPriceList, quoteLicense } from "@/server/pricing/price-schedules.queries";
import { withdrawPriceSchedule } from "@/server/pricing/withdraw-price-schedule";
import { createStaffActor } from "../factories";
import { BASE_SCHEDULE_FROM, ensureLicensePlan, futureScheduleDraft, uniqueFutureDay } from "../factories/pricing";

beforeAll(async () => {
  await ensureLicensePlan();
});

const scheduleCount = () => db.priceSchedule.count();

describe("quotes", () => {
  it("prices by the schedule in force on the day asked", async () => {
    const quote = await quoteLicense({ employeeCount: "120", industryGroup: "TECHNOLOGY", country: "in" }, "2024-05-01");
    expect(quote.schedule.effectiveFrom <= "2024-05-01").toBe(true);
    expect(quote.quote).toMatchObject({ feeCents: 864_000n, baseCents: 1_440_000n, countryFactorBps: 6_000, factorCountry: "IN" });
    expect(quote.plan.code).toBe("AITL-ANNUAL");
  });

  it("uses a published future schedule from its first day, and the old one until then", async () => {
    const admin = await createStaffActor("ADMIN");
    const draft = futureScheduleDraft();
    await createPriceSchedule(admin, draft);
    const dayBefore = new Date(Date.parse(`${draft.effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = await quoteLicense({ employeeCount: 5, industryGroup: "OTHER", country: "US" }, dayBefore);
    const from = await quoteLicense({ employeeCount: 5, industryGroup: "OTHER", country: "US" }, draft.effectiveFrom);
    expect(from.schedule.effectiveFrom).toBe(draft.effectiveFrom);
    expect(from.quote.feeCents).toBe(160_000n);
    expect(before.schedule.effectiveFrom).not.toBe(draft.effectiveFrom);
  });

  it("refuses bad input field by field", async () => {
    await expect(quoteLicense({ employeeCount: "0", industryGroup: "TECHNOLOGY", country: "US" })).rejects.toMatchObject({
      code: "VALIDATION", fieldErrors: { employeeCount: ["Enter 1 or more employees."] },
    });
    await expect(quoteLicense({ employeeCount: "12.5", industryGroup: "MINING", country: "USA" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        employeeCount: ["Enter a whole number of employees."],
        industryGroup: ["Choose the organisation's industry group."],
        country: ["Choose the country where the organisation is established."],
      },
    });
    await expect(quoteLicense({ employeeCount: "2000000", industryGroup: "OTHER", country: "US" })).rejects.toMatchObject({ fieldErrors: { employeeCount: [expect.stringMatching(/contact us/)] } });
  });

  it("has nothing to quote before the first schedule", async () => {
    await expect(quoteLicense({ employeeCount: 5, industryGroup: "OTHER", country: "US" }, "2019-12-31")).rejects.toMatchObject({
      code: "VALIDATION", message: expect.stringMatching(/not on sale yet/),
    });
  });
});

describe("publishing price schedules", () => {
  it("stores the typed amounts as exact cents and basis points, with an audit row", async () => {
    const admin = await createStaffActor("ADMIN");
    const draft = futureScheduleDraft();
    const created = await createPriceSchedule(admin, draft);
    const stored = await db.priceSchedule.findUniqueOrThrow({ where: { id: created.id }, include: { flatBands: { orderBy: { maxEmployees: "asc" } }, industryRates: true, countryFactors: { orderBy: { country: "asc" } } } });
    expect(stored.flatBands.map((b) => [b.maxEmployees, b.feeCents])).toEqual([[10, 160_000n], [50, 480_000n]]);
    expect(stored.industryRates.find((r) => r.industryGroup === "TECHNOLOGY")?.perEmployeeCents).toBe(13_000n);
    expect(stored.industryRates.find((r) => r.industryGroup === "OTHER")?.perEmployeeCents).toBe(7_550n);
    expect(stored.countryFactors.map((f) => [f.country, f.factorBps])).toEqual([["*", 10_000], ["IN", 6_000]]);
    expect(stored.createdById).toBe(admin.userId);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "PriceSchedule", entityId: created.id } });
    expect(audit).toMatchObject({ action: "price-schedule.created", actorUserId: admin.userId });
    expect((audit.after as { flatBands: { feeCents: string }[] }).flatBands[0]!.feeCents).toBe("160000");

    const staffView = await listPriceSchedules(await createStaffActor("ANALYST"));
    expect(staffView.schedules.some((s) => s.id === created.id)).toBe(true);
    expect(staffView.inForceId).not.toBe(created.id);
  });

  it("never changes prices for the past, nor two schedules on one day", async () => {
    const admin = await createStaffActor("ADMIN");
    const count = await scheduleCount();
    await expect(createPriceSchedule(admin, futureScheduleDraft({ effectiveFrom: "2025-01-01" }), "2026-12-01")).rejects.toMatchObject({
      fieldErrors: { effectiveFrom: ["Prices never change for the past: choose today or a later day."] },
    });
    await expect(createPriceSchedule(admin, futureScheduleDraft({ effectiveFrom: BASE_SCHEDULE_FROM }), BASE_SCHEDULE_FROM)).rejects.toMatchObject({
      fieldErrors: { effectiveFrom: ["A schedule already starts on that day; choose another day."] },
    });
    await expect(createPriceSchedule(admin, futureScheduleDraft({ effectiveFrom: "next week" }))).rejects.toMatchObject({ fieldErrors: { effectiveFrom: expect.any(Array) } });
    expect(await scheduleCount()).toBe(count);
  });

  it("names each field it can't read, and refuses a schedule that can't price everyone", async () => {
    const admin = await createStaffActor("ADMIN");
    const count = await scheduleCount();
    const unreadable = futureScheduleDraft({
      bands: [{ maxEmployees: "ten", fee: "1.234" }],
      rates: { ...futureScheduleDraft().rates, TECHNOLOGY: "-5" },
      factors: [{ country: "France", percent: "0" }],
    });
    await expect(createPriceSchedule(admin, unreadable)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        "band-0-max": [expect.any(String)],
        "band-0-fee": ["Enter the fee in dollars, such as 1,500 or 1500.00."],
        "rate-TECHNOLOGY": [expect.stringMatching(/technology and software/)],
        "factor-0-country": [expect.any(String)],
        "factor-0-percent": [expect.any(String)],
      },
    });
    const incomplete = futureScheduleDraft({ factors: [{ country: "IN", percent: "60" }], bands: [{ maxEmployees: "10", fee: "100" }] });
    await expect(createPriceSchedule(admin, incomplete)).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/last flat band must end at the small-organisation limit.*default country factor/),
    });
    expect(await scheduleCount()).toBe(count);
  });

  it("withdraws a future schedule, but never one in force", async () => {
    const admin = await createStaffActor("ADMIN");
    const created = await createPriceSchedule(admin, futureScheduleDraft());
    const inForce = (await listPriceSchedules(admin)).inForceId!;
    await expect(withdrawPriceSchedule(admin, { scheduleId: inForce })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(withdrawPriceSchedule(admin, { scheduleId: created.id }, created.effectiveFrom)).rejects.toMatchObject({ code: "CONFLICT" });
    await withdrawPriceSchedule(admin, { scheduleId: created.id });
    expect(await db.priceSchedule.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: created.id, action: "price-schedule.withdrawn" } })).toBe(1);
    await expect(withdrawPriceSchedule(admin, { scheduleId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the public the schedule in force and announces the next one", async () => {
    const list = await publicPriceList("2029-12-31");
    expect((list.schedule?.effectiveFrom ?? "9999") <= "2029-12-31").toBe(true);
    const day = uniqueFutureDay();
    await createPriceSchedule(await createStaffActor("ADMIN"), futureScheduleDraft({ effectiveFrom: day }));
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await publicPriceList(dayBefore)).next?.effectiveFrom).toBe(day);
  });
});
