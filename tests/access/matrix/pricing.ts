// Pricing: anyone may read the price list and ask for a quote; staff read every schedule; ADMIN
// publishes and withdraws schedules.
import { createPriceSchedule } from "@/server/pricing/create-price-schedule";
import { listPriceSchedules } from "@/server/pricing/price-schedules.queries";
import { withdrawPriceSchedule } from "@/server/pricing/withdraw-price-schedule";
import { ensureLicensePlan, futureScheduleDraft, publishFutureSchedule } from "../../factories/pricing";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

export const PRICING_MATRIX: Record<string, MatrixEntry> = {
  listPriceSchedules: { allowed: STAFF, run: async (actor) => (await ensureLicensePlan(), listPriceSchedules(actor)) },
  createPriceSchedule: { allowed: ["admin"], run: async (actor) => (await ensureLicensePlan(), createPriceSchedule(actor, futureScheduleDraft())) },
  withdrawPriceSchedule: { allowed: ["admin"], run: async (actor) => withdrawPriceSchedule(actor, { scheduleId: await publishFutureSchedule() }) },
};

export const PRICING_PUBLIC: Record<string, string> = {
  quoteLicense: "the price of the license is public: the calculator on /pricing; it reads only price schedules",
  publicPriceList: "the public price list on /pricing: the plan and the schedule in force, nobody's data",
};

export const PRICING_INTERNAL = ["loadPlanSchedules"];
