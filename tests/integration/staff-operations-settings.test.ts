// Operator settings in the staff area: effective-dated values that ADMIN adds (never for the past),
// the history, the refusals and their messages, plan wording. Every test file shares one database
// and runs read "now", so the values added here take effect in years nobody else uses (2090 on,
// with `today` given to the use case); each test has a year of its own.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseQuarter } from "@/lib/usage/quarters";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { runSettingsFor } from "@/server/distribution/run-settings";
import { isAppError } from "@/server/errors";
import { addSettingValue } from "@/server/settings/add-setting-value";
import { describeSettingUses, firstRunFor } from "@/server/settings/setting-uses";
import { settingInForce } from "@/server/settings/settings-in-force";
import { getSettingsOverview, listPlansForSettings } from "@/server/settings/settings.queries";
import { updatePlanDetails } from "@/server/settings/update-plan-details";
import { withdrawSettingValue } from "@/server/settings/withdraw-setting-value";
import { createOrganizationWithPeople, createStaffActor } from "../factories";

let admin: UserActor;
let analyst: UserActor;
let licenseeOwner: UserActor;
beforeAll(async () => {
  admin = await createStaffActor("ADMIN");
  analyst = await createStaffActor("ANALYST");
  licenseeOwner = (await createOrganizationWithPeople("LICENSEE")).owner.actor;
});

/** The refusal a call ends in: its code, message and field errors. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message, fields: error.fieldErrors ?? {} };
}

const at = (iso: string) => new Date(iso);
const FEE = "distribution.adminFeeBps" as const;

describe("adding effective-dated settings", () => {
  it("refuses the past, malformed values and a missing reason, with messages that say what to type", async () => {
    const today = "2090-03-10";
    const add = (input: { key?: string; value: string; effectiveFrom?: string; reason?: string }) =>
      refusal(addSettingValue(admin, { key: (input.key ?? FEE) as typeof FEE, value: input.value, effectiveFrom: input.effectiveFrom ?? "2090-04-01", reason: input.reason ?? "Board decision of March" }, today));

    const past = await add({ value: "16", effectiveFrom: "2090-03-09" });
    expect(past.code).toBe("VALIDATION");
    expect(past.fields.effectiveFrom?.[0]).toMatch(/^Settings never change for the past: choose today \(10 March 2090\) or a later day/);
    expect((await add({ value: "16", effectiveFrom: "2095-03-11" })).fields.effectiveFrom).toEqual(["Choose a day within the next 5 years."]);
    expect((await add({ value: "16", effectiveFrom: "2090-02-30" })).fields.effectiveFrom).toEqual(["Choose the first day the new value applies."]);
    expect((await add({ value: "15.125" })).fields.value).toEqual(["Enter a percentage such as 15 or 15.5, with at most two decimals."]);
    expect((await add({ value: "100.01" })).fields.value).toEqual(["At most 100 %."]);
    expect((await add({ key: "distribution.minimumPayoutCents", value: "250.001" })).fields.value).toEqual(["Enter an amount in dollars and cents, such as 250.00."]);
    expect((await add({ key: "distribution.financialYearEnd", value: "06-31" })).fields.value).toEqual(["June has days 01 to 30."]);
    expect((await add({ key: "distribution.financialYearEnd", value: "02-29" })).fields.value).toEqual(["29 February is missing in most years: choose 02-28."]);
    expect((await add({ key: "distribution.financialYearEnd", value: "6-30" })).fields.value).toEqual(["Enter the day as MM-DD, such as 06-30."]);
    expect((await add({ key: "distribution.runDayAfterQuarterEnd", value: "61" })).fields.value).toEqual(["Enter a whole number of days from 1 to 60."]);
    expect((await add({ key: "distribution.runDayAfterQuarterEnd", value: "0" })).fields.value).toEqual(["Enter a whole number of days from 1 to 60."]);
    expect((await add({ value: "16", reason: "ok" })).fields.reason).toEqual(["Say why, in a few words (at least 5 characters)."]);
    expect((await add({ key: "distribution.unknown", value: "16" })).fields.key).toEqual(["Choose a setting."]);
    expect(await db.setting.count({ where: { effectiveFrom: { gte: at("2090-01-01T00:00:00Z"), lt: at("2091-01-01T00:00:00Z") } } })).toBe(0);
  });

  it("refuses ANALYST and organisation members, and writes nothing", async () => {
    const input = { key: FEE, value: "16", effectiveFrom: "2090-06-01", reason: "Not theirs to decide" };
    expect((await refusal(addSettingValue(analyst, input, "2090-05-01"))).code).toBe("FORBIDDEN");
    expect((await refusal(addSettingValue(licenseeOwner, input, "2090-05-01"))).code).toBe("FORBIDDEN");
    expect((await refusal(addSettingValue(null, input, "2090-05-01"))).code).toBe("FORBIDDEN");
    expect(await db.setting.count({ where: { key: FEE, effectiveFrom: at("2090-06-01T00:00:00Z") } })).toBe(0);
  });

  it("takes effect on its day, keeps every value in the history, and runs read the value of their quarter's last day", async () => {
    const today = "2091-05-20";
    const before = await settingInForce(FEE, at("2091-05-31T23:59:59.999Z"));
    const first = await addSettingValue(admin, { key: FEE, value: "17.5", effectiveFrom: "2091-06-01", reason: "Higher costs from June" }, today);
    const second = await addSettingValue(admin, { key: FEE, value: " 16 ", effectiveFrom: "2091-09-15", reason: "Partly reversed in September" }, today);

    expect(await settingInForce(FEE, at("2091-05-31T23:59:59.999Z"))).toBe(before);
    expect(await settingInForce(FEE, at("2091-06-01T00:00:00Z"))).toBe(1750);
    expect(await settingInForce(FEE, at("2091-09-14T23:59:59.999Z"))).toBe(1750);
    expect(await settingInForce(FEE, at("2091-09-15T00:00:00Z"))).toBe(1600);
    expect((await runSettingsFor(parseQuarter("2091Q1")!)).adminFeeBps).toBe(before);
    expect((await runSettingsFor(parseQuarter("2091Q2")!)).adminFeeBps).toBe(1750);
    expect((await runSettingsFor(parseQuarter("2091Q3")!)).adminFeeBps).toBe(1600);

    const duplicate = await refusal(addSettingValue(admin, { key: FEE, value: "18", effectiveFrom: "2091-06-01", reason: "A second value that day" }, today));
    expect(duplicate.fields.effectiveFrom?.[0]).toMatch(/^A value already takes effect on 1 June 2091\./);
    const same = await refusal(addSettingValue(admin, { key: FEE, value: "17.50", effectiveFrom: "2091-07-01", reason: "Nothing new" }, today));
    expect(same.fields.value).toEqual(["17.5 % is already the value in force on 1 July 2091."]);

    const audit = await db.auditLog.findMany({ where: { entityType: "Setting", entityId: FEE, action: "setting.value_added", actorUserId: admin.userId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.after)).toEqual([
      { settingId: first.id, value: 1750, display: "17.5 %", effectiveFrom: "2091-06-01", reason: "Higher costs from June" },
      { settingId: second.id, value: 1600, display: "16 %", effectiveFrom: "2091-09-15", reason: "Partly reversed in September" },
    ]);
    expect(audit[1]!.before).toEqual({ value: 1750, display: "17.5 %" });

    const beforeJune = (await getSettingsOverview(analyst, at("2091-05-20T12:00:00Z"))).settings.find((s) => s.key === FEE)!;
    const mine = beforeJune.scheduled.filter((r) => r.effectiveFrom.startsWith("2091-"));
    expect(mine.map((r) => [r.effectiveFrom, r.display, r.reason, r.createdByName, r.firstRun])).toEqual([
      ["2091-06-01", "17.5 %", "Higher costs from June", admin.name, "First used by the run for 2091Q2, Q2 2091 (April–June)."],
      ["2091-09-15", "16 %", "Partly reversed in September", admin.name, "First used by the run for 2091Q3, Q3 2091 (July–September)."],
    ]);
    expect(beforeJune.uses).toContain("The run for 2091Q2 will use 17.5 %, the value in force on 30 June 2091.");
    const inJuly = (await getSettingsOverview(admin, at("2091-07-02T08:00:00Z"))).settings.find((s) => s.key === FEE)!;
    expect(inJuly.inForce).toMatchObject({ display: "17.5 %", inputValue: "17.5", since: "2091-06-01", reason: "Higher costs from June", createdByName: admin.name });
    expect(inJuly.history.filter((r) => r.effectiveFrom.startsWith("2091-")).map((r) => [r.effectiveFrom, r.status])).toEqual([["2091-09-15", "scheduled"], ["2091-06-01", "in-force"]]);
    expect(inJuly.uses[0]).toBe("The run for 2091Q2 will use 17.5 %, the value in force on 30 June 2091. The quarter has ended, so no change made from today on reaches it.");
  });

  it("stores each kind as the defaults do: basis points, cents, MM-DD and days", async () => {
    const today = "2092-01-05";
    await addSettingValue(admin, { key: "distribution.minimumPayoutCents", value: "$1,250.5", effectiveFrom: "2092-02-01", reason: "Fewer, larger payouts" }, today);
    await addSettingValue(admin, { key: "distribution.financialYearEnd", value: "12-31", effectiveFrom: "2092-02-01", reason: "Calendar financial year" }, today);
    await addSettingValue(admin, { key: "distribution.runDayAfterQuarterEnd", value: "20", effectiveFrom: "2092-02-01", reason: "More time for late reports" }, today);
    await addSettingValue(admin, { key: "tax.foreignWithholdingBps", value: "27.25%", effectiveFrom: "2092-02-01", reason: "Treaty rate" }, today);
    const moment = at("2092-03-31T23:59:59.999Z");
    expect(await settingInForce("distribution.minimumPayoutCents", moment)).toBe(125_050);
    expect(await settingInForce("distribution.financialYearEnd", moment)).toBe("12-31");
    expect(await settingInForce("distribution.runDayAfterQuarterEnd", moment)).toBe(20);
    expect(await settingInForce("tax.foreignWithholdingBps", moment)).toBe(2725);
    // With the year ending in December, Q4 is the financial year's last quarter: its threshold is the lower one.
    const q4 = await runSettingsFor(parseQuarter("2092Q4")!);
    expect([q4.isYearEnd, q4.thresholdCents, q4.foreignWithholdingBps]).toEqual([true, 125_050n, 2725]);
    expect((await runSettingsFor(parseQuarter("2092Q2")!)).isYearEnd).toBe(false);
  });

  it("withdraws a value only while it is still scheduled, with an audit row", async () => {
    const today = "2093-01-10";
    const before = await settingInForce(FEE, at("2093-02-01T00:00:00Z"));
    const scheduled = await addSettingValue(admin, { key: FEE, value: "19", effectiveFrom: "2093-02-01", reason: "Planned increase" }, today);
    expect((await refusal(withdrawSettingValue(analyst, { settingId: scheduled.id, reason: "Not theirs" }, today))).code).toBe("FORBIDDEN");
    await withdrawSettingValue(admin, { settingId: scheduled.id, reason: "The board changed its mind" }, today);
    expect(await db.setting.findUnique({ where: { id: scheduled.id } })).toBeNull();
    expect(await settingInForce(FEE, at("2093-02-01T00:00:00Z"))).toBe(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Setting", entityId: FEE, action: "setting.value_withdrawn", actorUserId: admin.userId } });
    expect(audit.before).toMatchObject({ settingId: scheduled.id, value: 1900, effectiveFrom: "2093-02-01", reason: "Planned increase" });
    expect(audit.after).toEqual({ reason: "The board changed its mind" });

    const inForce = await addSettingValue(admin, { key: FEE, value: "18.5", effectiveFrom: today, reason: "Effective at once" }, today);
    const late = await refusal(withdrawSettingValue(admin, { settingId: inForce.id, reason: "Too late now" }, today));
    expect([late.code, late.message]).toEqual(["CONFLICT", "This value took effect on 10 January 2093: values in force or past stay on record. Add a new value instead."]);
    expect(await db.setting.findUnique({ where: { id: inForce.id } })).not.toBeNull();
    expect((await refusal(withdrawSettingValue(admin, { settingId: randomUUID(), reason: "Nothing there" }, today))).code).toBe("NOT_FOUND");
  });
});

describe("plan wording", () => {
  it("lets ADMIN rename a plan and rewrite its description with a reason; the audit row keeps the old wording", async () => {
    const plan = await db.plan.create({ data: { code: `TEST-${randomUUID().slice(0, 8)}`, name: "Test annual license", description: "The old words." } });
    const input = { planId: plan.id, name: "Test annual AI license", description: "The new words.", reason: "Clearer name for buyers" };
    expect((await refusal(updatePlanDetails(analyst, input))).code).toBe("FORBIDDEN");
    expect((await refusal(updatePlanDetails(licenseeOwner, input))).code).toBe("FORBIDDEN");
    expect((await refusal(updatePlanDetails(admin, { ...input, name: "ab" }))).fields.name).toEqual(["Give the plan a name of at least 3 characters."]);
    await updatePlanDetails(admin, input);
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ name: "Test annual AI license", description: "The new words.", code: plan.code, termMonths: 12 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Plan", entityId: plan.id } });
    expect([audit.action, audit.before, audit.after]).toEqual([
      "plan.details_changed",
      { code: plan.code, name: "Test annual license", description: "The old words." },
      { name: "Test annual AI license", description: "The new words.", reason: "Clearer name for buyers" },
    ]);
    expect((await refusal(updatePlanDetails(admin, input))).message).toBe("Nothing changed: edit the name or the description first.");
    expect((await listPlansForSettings(analyst)).find((p) => p.id === plan.id)).toMatchObject({ name: "Test annual AI license", isActive: true });
  });
});

describe("what the settings page says a value does", () => {
  const timeline = {
    [FEE]: [{ effectiveFrom: at("2031-02-20T00:00:00Z"), value: 1800 }, { effectiveFrom: at("2031-02-01T00:00:00Z"), value: 1700 }],
    "distribution.financialYearEnd": [{ effectiveFrom: at("2030-01-01T00:00:00Z"), value: "12-31" }],
  };
  it("names the snapshot an approved run keeps, and the value a run still to come will use", () => {
    const runs = new Map([["2030Q4", { status: "APPROVED" as const, settingsSnapshot: { adminFeeBps: 1500, thresholdCents: "25000" } }]]);
    expect(describeSettingUses(FEE, timeline, "2031-01-10", runs)).toEqual([
      "The run for 2030Q4 is approved: it keeps the 15 % it was calculated with.",
      "The run for 2031Q1 will use 18 %, the value in force on 31 March 2031.",
    ]);
    expect(describeSettingUses("distribution.minimumPayoutCents", timeline, "2031-01-10", new Map())[0]).toBe(
      "The run for 2030Q4 will use $250.00, the value in force on 31 December 2030. The quarter has ended, so no change made from today on reaches it. It is the financial year's last quarter, so the year-end minimum applies instead.",
    );
    // 2030Q4 closed the financial year but is approved: the next year-end run is 2031Q4's.
    expect(describeSettingUses("distribution.yearEndMinimumPayoutCents", timeline, "2031-01-10", runs)).toEqual([
      "Applied only in the financial year's last quarter (the year ends on 31 December): next by the run for 2031Q4, Q4 2031 (October–December), with $50.00.",
    ]);
    expect(describeSettingUses("distribution.runDayAfterQuarterEnd", timeline, "2031-01-10", new Map())).toEqual([
      "The run for 2030Q4 will be created on 15 January 2031, 15 days after the quarter ended.",
      "The run for 2031Q1 will be created on 15 April 2031.",
    ]);
    expect(firstRunFor(FEE, timeline, "2031-02-01")).toBe("Replaced on 20 February 2031, before any run uses it.");
    expect(firstRunFor(FEE, timeline, "2031-02-20")).toBe("First used by the run for 2031Q1, Q1 2031 (January–March).");
  });
});
