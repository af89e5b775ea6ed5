"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { formValues, runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { extendLicense } from "@/server/licensing/staff-extend-license";
import { grantLicenseManually } from "@/server/licensing/staff-grant-license";
import type { TExtendLicenseInput } from "@/server/licensing/staff-licenses.schema";
import { revokeLicense } from "@/server/licensing/staff-revoke-license";

/** Staff (ADMIN) grant a license to an invoiced customer; on success, the new license's page. */
export async function grantLicenseManuallyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const values = formValues(formData);
  const result = await runAction(() => grantLicenseManually(actor, {
    organizationId: values.organizationId ?? "",
    startsOn: values.startsOn ?? "",
    termMonths: values.termMonths ?? "",
    quotedFeeCents: values.quotedFeeCents ?? "",
    feeOverride: values.feeOverride,
    feeOverrideReason: values.feeOverrideReason,
    invoiceReference: values.invoiceReference ?? "",
    reason: values.reason ?? "",
  }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath("/staff/licenses");
  redirect(`/staff/licenses/${result.data.grantId}?done=granted`);
}

/** Staff (ADMIN) revoke an active license from today, with a reason; on success, the license's page says so. */
export async function revokeLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const values = formValues(formData);
  const result = await runAction(() => revokeLicense(actor, { grantId: values.grantId ?? "", expectedEndsOn: values.expectedEndsOn ?? "", reason: values.reason ?? "" }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath("/staff/licenses");
  // The revoke form is gone once the license is revoked: the page itself carries the outcome.
  redirect(`/staff/licenses/${result.data.grantId}?done=revoked`);
}

/** Staff (ADMIN) extend an active license by days or to a date, with a reason. */
export async function extendLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (values) => extendLicense(actor, {
    grantId: values.grantId ?? "", expectedEndsOn: values.expectedEndsOn ?? "", mode: (values.mode ?? "") as TExtendLicenseInput["mode"],
    days: values.days, endsOn: values.endsOn, reason: values.reason ?? "",
  }), "License extended. The licensee's members were told by mail.");
  revalidatePath(`/staff/licenses/${formData.get("grantId")}`);
  revalidatePath("/staff/licenses");
  return state;
}
