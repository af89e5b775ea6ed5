"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { acceptAgreement } from "@/server/participation/accept-agreement";
import { startPayoutOnboarding } from "@/server/participation/payout-account";
import { recordTaxForm } from "@/server/participation/record-tax-form";
import { approveRightsholder, markTaxFormValid, rejectRightsholder } from "@/server/participation/review-rightsholder";
import { submitParticipation } from "@/server/participation/submit-participation";
import { updateRightsholderProfile } from "@/server/participation/update-rightsholder-profile";

function refreshParticipation(organizationId?: string) {
  revalidatePath("/rightsholder");
  revalidatePath("/rightsholder/participation");
  revalidatePath("/staff/rightsholders");
  if (organizationId) revalidatePath(`/staff/rightsholders/${organizationId}`);
}

export async function acceptAgreementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => acceptAgreement(actor, { organizationId: v.organizationId ?? "", agreementId: v.agreementId ?? "" }), "Agreement accepted.");
  if (state?.ok) refreshParticipation();
  return state;
}

export async function updateRightsholderProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) =>
    updateRightsholderProfile(actor, { organizationId: v.organizationId ?? "", legalName: v.legalName ?? "", country: v.country ?? "", contactName: v.contactName ?? "", contactEmail: v.contactEmail ?? "" }),
  "Profile saved.");
  if (state?.ok) refreshParticipation();
  return state;
}

export async function recordTaxFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) =>
    recordTaxForm(actor, { organizationId: v.organizationId ?? "", taxFormType: (v.taxFormType ?? "") as "W9", signedOn: v.signedOn ?? "" }),
  "Tax form recorded.");
  if (state?.ok) refreshParticipation();
  return state;
}

export async function connectPayoutAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const result = await runAction(() => startPayoutOnboarding(actor, { organizationId: String(formData.get("organizationId") ?? "") }));
  if (!result.ok) return { ok: false, message: result.message };
  redirect(result.data.url);
}

export async function submitParticipationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => submitParticipation(actor, { organizationId: v.organizationId ?? "" }), "Submitted. Staff will review it and mail you.");
  if (state?.ok) refreshParticipation();
  return state;
}

export async function approveRightsholderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const organizationId = String(formData.get("organizationId") ?? "");
  const state = await handleForm(formData, () => approveRightsholder(actor, { organizationId }), "Approved. The owners were told.");
  if (state?.ok) refreshParticipation(organizationId);
  return state;
}

export async function rejectRightsholderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const organizationId = String(formData.get("organizationId") ?? "");
  const state = await handleForm(formData, (v) => rejectRightsholder(actor, { organizationId, reason: v.reason ?? "" }), "Sent back with your reason.");
  if (state?.ok) refreshParticipation(organizationId);
  return state;
}

export async function markTaxFormValidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const organizationId = String(formData.get("organizationId") ?? "");
  const state = await handleForm(formData, () => markTaxFormValid(actor, { organizationId }), "Tax form marked valid.");
  if (state?.ok) refreshParticipation(organizationId);
  return state;
}
