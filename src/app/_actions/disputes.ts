"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { handleForm } from "@/server/form-action";
import { getActor } from "@/server/auth/session";
import { resolveDispute } from "@/server/disputes/resolve-dispute";
import type { TResolveDisputeInput } from "@/server/disputes/disputes.schema";

export async function resolveDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, async (values) => {
    const result = await resolveDispute(actor, {
      disputeId: values.disputeId ?? "",
      resolution: (values.resolution ?? "") as TResolveDisputeInput["resolution"],
      note: values.note ?? "",
      claimantSharePercent: values.claimantSharePercent,
    });
    return result;
  }, "Dispute resolved. Both organisations were told.");
  if (state?.ok) {
    revalidatePath("/staff/disputes");
    revalidatePath(`/staff/disputes/${formData.get("disputeId")}`);
  }
  return state;
}
