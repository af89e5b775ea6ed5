"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { handleForm } from "@/server/form-action";
import { refundLicense } from "@/server/licensing/refund-license";
import type { TRefundLicenseInput } from "@/server/licensing/refunds.schema";
import { setAutoRenew } from "@/server/licensing/set-auto-renew";
import { startCheckout } from "@/server/licensing/start-checkout";

/** Sends the person to Stripe Checkout (or says why not); "autoRenew" ticked buys a yearly subscription. */
export async function startCheckoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const result = await runAction(() => startCheckout(actor, { organizationId: String(formData.get("organizationId") ?? ""), autoRenew: formData.get("autoRenew") === "on" }));
  if (!result.ok) return { ok: false, message: result.message };
  redirect(result.data.url);
}

/** Turns auto-renewal on (Stripe Checkout to save a card, unless a subscription can simply resume) or off. */
export async function setAutoRenewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const enabled = formData.get("enabled") === "true";
  const result = await runAction(() => setAutoRenew(actor, { organizationId: String(formData.get("organizationId") ?? ""), enabled }));
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/licensee");
  if (enabled) redirect(result.data.url);
  return { ok: true, message: "Auto-renewal is off. Nothing more will be charged; the license runs to its end." };
}

/** Staff (ADMIN) refund a license and revoke or shorten it. */
export async function refundLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, async (values) => {
    const result = await refundLicense(actor, {
      grantId: values.grantId ?? "",
      amount: values.amount ?? "",
      reason: values.reason ?? "",
      effect: (values.effect ?? "") as TRefundLicenseInput["effect"],
      endsOn: values.endsOn,
      requestKey: values.requestKey ?? "",
    });
    // The money moved and is recorded; only the term change lost a race (someone changed the license meanwhile).
    if (!result.isEffectApplied) throw new AppError("CONFLICT", "The refund was made and recorded, but the license changed meanwhile, so its term was left as it is. Reload the page and decide again.");
    return result;
  }, "Refund recorded. The licensee's members were told by mail.");
  revalidatePath(`/staff/licenses/${formData.get("grantId")}`);
  revalidatePath("/staff/licenses");
  return state;
}
