import "server-only";
import { ANY_COUNTRY, INDUSTRY_GROUPS, INDUSTRY_LABELS, scheduleProblems, type PriceScheduleTerms } from "@/lib/pricing/price-license";
import { isValidDate, todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, validation, type FieldErrors } from "../errors";
import { LICENSE_PLAN_CODE } from "./price-schedules.queries";
import { parseDollars, parsePercentToBps, scheduleFieldNames as names, type TScheduleDraft } from "./pricing.schema";

// ADMIN publishes a new price schedule for the license, in force from a date. Prices are never
// changed for the past: a schedule starts today at the earliest, and none is ever edited (a grant
// keeps the schedule and the fee it was bought at). One schedule per day; a mistake in one that is
// not in force yet is fixed by withdrawing it (withdraw-price-schedule.ts) and publishing again.

function readTerms(draft: TScheduleDraft): { terms: PriceScheduleTerms | null; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const fail = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  const whole = (text: string) => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

  const smallOrgMaxEmployees = whole(draft.smallOrgMaxEmployees.replace(/,/g, ""));
  if (smallOrgMaxEmployees === null) fail("smallOrgMaxEmployees", "Enter a whole number of employees (0 for no flat fees).");
  const flatBands = draft.bands.map((band, i) => {
    const maxEmployees = whole(band.maxEmployees.replace(/,/g, ""));
    const feeCents = parseDollars(band.fee);
    if (maxEmployees === null || maxEmployees < 1) fail(names.bandMax(i), "Up to how many employees? A whole number, 1 or more.");
    if (feeCents === null) fail(names.bandFee(i), "Enter the fee in dollars, such as 1,500 or 1500.00.");
    return { maxEmployees: maxEmployees ?? 0, feeCents: feeCents ?? 0n };
  });
  const industryRates = INDUSTRY_GROUPS.map((industryGroup) => {
    const perEmployeeCents = parseDollars(draft.rates[industryGroup] ?? "");
    if (perEmployeeCents === null) fail(names.rate(industryGroup), `Enter the rate per employee for ${INDUSTRY_LABELS[industryGroup].toLowerCase()}, in dollars.`);
    return { industryGroup, perEmployeeCents: perEmployeeCents ?? 0n };
  });
  const countryFactors = draft.factors.map((factor, i) => {
    const country = factor.country.trim().toUpperCase();
    const factorBps = parsePercentToBps(factor.percent);
    if (country !== ANY_COUNTRY && !/^[A-Z]{2}$/.test(country)) fail(names.factorCountry(i), 'A two-letter country code, or "*" for every other country.');
    if (factorBps === null || factorBps < 1) fail(names.factorPercent(i), "A percentage above 0, such as 100 or 60.5.");
    return { country, factorBps: factorBps ?? 0 };
  });
  if (Object.keys(fieldErrors).length > 0) return { terms: null, fieldErrors };
  return { terms: { currency: "USD", smallOrgMaxEmployees: smallOrgMaxEmployees!, flatBands, industryRates, countryFactors }, fieldErrors };
}

export async function createPriceSchedule(actor: Actor | null, draft: TScheduleDraft, today = todayUtc()) {
  authorize(can.administer(actor), "Only staff administrators change prices.");
  const staff = requireUser(actor);
  const effectiveFrom = draft.effectiveFrom.trim();
  // A real calendar day: Date.parse takes 2026-02-30 for 2 March, and the schedule would start then.
  if (!isValidDate(effectiveFrom)) {
    throw validation("Please correct the highlighted fields.", { effectiveFrom: ["Choose the first day the new prices apply."] });
  }
  if (effectiveFrom < today) {
    throw validation("Please correct the highlighted fields.", { effectiveFrom: ["Prices never change for the past: choose today or a later day."] });
  }
  const { terms, fieldErrors } = readTerms(draft);
  if (!terms) throw validation("Please correct the highlighted fields.", fieldErrors);
  const problems = scheduleProblems(terms);
  if (problems.length > 0) throw validation(`This schedule can't price every organisation: ${problems.join(" ")}`);

  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { code: LICENSE_PLAN_CODE }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND", `The plan ${LICENSE_PLAN_CODE} does not exist.`);
    const taken = await tx.priceSchedule.findUnique({ where: { planId_effectiveFrom: { planId: plan.id, effectiveFrom: new Date(`${effectiveFrom}T00:00:00Z`) } }, select: { id: true } });
    if (taken) throw validation("Please correct the highlighted fields.", { effectiveFrom: ["A schedule already starts on that day; choose another day."] });
    const created = await tx.priceSchedule.create({
      data: {
        planId: plan.id,
        effectiveFrom: new Date(`${effectiveFrom}T00:00:00Z`),
        currency: terms.currency,
        smallOrgMaxEmployees: terms.smallOrgMaxEmployees,
        createdById: staff.userId,
        flatBands: { create: terms.flatBands },
        industryRates: { create: terms.industryRates },
        countryFactors: { create: terms.countryFactors },
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, { action: "price-schedule.created", entityType: "PriceSchedule", entityId: created.id, after: { effectiveFrom, ...terms } });
    return { id: created.id, effectiveFrom };
  });
}
