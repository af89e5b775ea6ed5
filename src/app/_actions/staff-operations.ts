"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { cancelQueuedJob } from "@/server/jobs/staff-cancel-job";
import { retryFailedJob } from "@/server/jobs/staff-retry-job";
import { setJobScheduleEnabled } from "@/server/jobs/staff-set-schedule-enabled";
import { resendFailedMail } from "@/server/mail/resend-failed-mail";
import { addSettingValue } from "@/server/settings/add-setting-value";
import type { TAddSettingValueInput } from "@/server/settings/settings.schema";
import { updatePlanDetails } from "@/server/settings/update-plan-details";
import { withdrawSettingValue } from "@/server/settings/withdraw-setting-value";

// The staff operations area's forms: settings, plans, the job monitor and the mail outbox. Each
// loads the actor, hands the typed values to one use case and returns its FormState.

export async function addSettingValueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => addSettingValue(actor, {
    key: (v.key ?? "") as TAddSettingValueInput["key"], value: v.value ?? "", effectiveFrom: v.effectiveFrom ?? "", reason: v.reason ?? "",
  }), "Saved. The new value applies from its first day; runs of past quarters keep theirs.");
  if (state?.ok) revalidatePath("/staff/settings");
  return state;
}

export async function withdrawSettingValueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => withdrawSettingValue(actor, { settingId: v.settingId ?? "", reason: v.reason ?? "" }), "Withdrawn. The value before it stays in force.");
  if (state?.ok) revalidatePath("/staff/settings");
  return state;
}

export async function updatePlanDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => updatePlanDetails(actor, {
    planId: v.planId ?? "", name: v.name ?? "", description: v.description ?? "", reason: v.reason ?? "",
  }), "Saved. Pages, checkout and documents show the new wording from now on.");
  if (state?.ok) revalidatePath("/staff/settings");
  return state;
}

export async function retryFailedJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => retryFailedJob(actor, { jobId: v.jobId ?? "", reason: v.reason ?? "" }), "Queued again: a worker picks it up at its next pass.");
  if (state?.ok) revalidatePath("/staff/jobs", "layout");
  return state;
}

export async function cancelQueuedJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => cancelQueuedJob(actor, { jobId: v.jobId ?? "", reason: v.reason ?? "" }), "Cancelled. No worker will run it.");
  if (state?.ok) revalidatePath("/staff/jobs", "layout");
  return state;
}

export async function setJobScheduleEnabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => setJobScheduleEnabled(actor, { name: v.name ?? "", enabled: v.enabled === "true", reason: v.reason ?? "" }), "Saved.");
  if (state?.ok) revalidatePath("/staff/jobs", "layout");
  return state;
}

export async function resendFailedMailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => resendFailedMail(actor, { mailId: v.mailId ?? "" }), "Queued again: the next delivery pass sends it.");
  if (state?.ok) revalidatePath("/staff/outbox", "layout");
  return state;
}
