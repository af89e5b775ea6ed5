"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { startCheckout } from "@/server/licensing/start-checkout";

/** Sends the person to Stripe Checkout (or says why not). */
export async function startCheckoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const result = await runAction(() => startCheckout(actor, { organizationId: String(formData.get("organizationId") ?? "") }));
  if (!result.ok) return { ok: false, message: result.message };
  redirect(result.data.url);
}
