"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { formValues, runAction } from "@/server/action-result";
import { setApiKeyRateLimit } from "@/server/api-keys/set-api-key-rate-limit";
import { getActor } from "@/server/auth/session";

// ADMIN sets an organisation's key's rate limit from /staff/organizations/[id]; the use case
// checks the role and that the key belongs to that organisation.
export async function staffSetApiKeyRateLimitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const values = formValues(formData);
  const result = await runAction(() =>
    setApiKeyRateLimit(actor, { organizationId: values.organizationId ?? "", keyId: values.keyId ?? "", perMinute: values.perMinute ?? "", reason: values.reason ?? "" }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/staff/organizations/${values.organizationId ?? ""}`);
  return { ok: true, message: `"${result.data.name}" may now make ${result.data.perMinute.toLocaleString("en-US")} requests a minute.` };
}
