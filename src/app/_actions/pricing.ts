"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { createPriceSchedule } from "@/server/pricing/create-price-schedule";
import { readScheduleForm } from "@/server/pricing/pricing.schema";
import { withdrawPriceSchedule } from "@/server/pricing/withdraw-price-schedule";

function refreshPricing() {
  revalidatePath("/staff/pricing");
  revalidatePath("/pricing");
}

export async function createPriceScheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => createPriceSchedule(actor, readScheduleForm(v)), "Published. The new prices apply from their first day.");
  if (state?.ok) refreshPricing();
  return state;
}

export async function withdrawPriceScheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => withdrawPriceSchedule(actor, { scheduleId: v.scheduleId ?? "" }), "Withdrawn.");
  if (state?.ok) refreshPricing();
  return state;
}
