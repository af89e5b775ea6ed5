"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { approveDistributionRun } from "@/server/distribution/approve-distribution-run";
import { recalculateDistributionRun } from "@/server/distribution/recalculate-distribution-run";
import { requestDistributionRun } from "@/server/distribution/request-distribution-run";
import { handleForm } from "@/server/form-action";
import { retryPayout } from "@/server/payouts/retry-payout";

// The staff distribution console's changes (ADMIN; the use cases refuse everyone else).

function revalidateRun(runId: string) {
  revalidatePath("/staff/distributions");
  if (runId) revalidatePath(`/staff/distributions/${runId}`);
}

/** Create the run for a closed quarter and queue its calculation; then show the run. */
export async function requestDistributionRunAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const quarter = String(formData.get("quarter") ?? "");
  const result = await runAction(() => requestDistributionRun(actor, { quarter }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: { quarter } };
  revalidateRun(result.data.runId);
  redirect(`/staff/distributions/${result.data.runId}`);
}

/** Calculate a run again (until it is approved). */
export async function recalculateDistributionRunAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const runId = String(formData.get("runId") ?? "");
  const state = await handleForm(formData, () => recalculateDistributionRun(actor, { runId }), "Recalculation queued. The figures below are replaced when it finishes.");
  revalidateRun(runId);
  return state;
}

/** Approve a calculated run: final, so the form sends an explicit confirmation with it. */
export async function approveDistributionRunAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const runId = String(formData.get("runId") ?? "");
  if (formData.get("confirm") !== "final") return { ok: false, message: "Confirm that the approval is final, then approve." };
  const state = await handleForm(formData, () => approveDistributionRun(actor, { runId }), "Approved. Payouts are being sent, and payees are told their statements are ready.");
  revalidateRun(runId);
  return state;
}

/** Send a payout Stripe refused once more, once its cause is fixed. */
export async function retryPayoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const payoutId = String(formData.get("payoutId") ?? "");
  const state = await handleForm(formData, () => retryPayout(actor, { payoutId }), "Payout queued to be sent again.");
  revalidateRun(String(formData.get("runId") ?? ""));
  return state;
}
