"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { raiseStatementDispute } from "@/server/statements/raise-statement-dispute";
import { resolveStatementDispute } from "@/server/statements/resolve-statement-dispute";
import type { TResolveStatementDisputeInput } from "@/server/statements/statements.schema";

export async function raiseStatementDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, async (values) => {
    return raiseStatementDispute(actor, { statementLineId: values.statementLineId ?? "", reason: values.reason ?? "" });
  }, "Dispute raised. Staff will review the line; the work's royalties in later runs are held until they decide.");
  if (state?.ok) revalidatePath(`/rightsholder/statements/${formData.get("statementId")}`);
  return state;
}

export async function resolveStatementDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, async (values) => {
    return resolveStatementDispute(actor, {
      disputeId: values.disputeId ?? "",
      outcome: (values.outcome ?? "") as TResolveStatementDisputeInput["outcome"],
      resolution: values.resolution ?? "",
    });
  }, "Dispute decided. The rightsholder was told; the work's held royalties are released in the next run.");
  if (state?.ok) {
    revalidatePath("/staff/disputes");
    revalidatePath(`/staff/disputes/${formData.get("disputeId")}`);
  }
  return state;
}
