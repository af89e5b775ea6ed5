"use client";

import { useActionState } from "react";
import { startCheckoutAction } from "@/app/_actions/licensing";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/**
 * Buy or renew: one button to Stripe Checkout, with the choice of a yearly subscription. What
 * ticking the box means is spelled out beside it (`autoRenewHint`), because it differs between
 * buying (charged today, then every year) and a running license (charged first when it ends).
 */
export function CheckoutForm({ organizationId, label, autoRenewHint }: { organizationId: string; label: string; autoRenewHint: string }) {
  const [state, action] = useActionState(startCheckoutAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="organizationId" value={organizationId} />
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="autoRenew" className="mt-0.5" />
        <span>
          <span className="font-medium text-slate-900">Renew automatically every year</span>
          <span className="block text-slate-600">{autoRenewHint}</span>
        </span>
      </label>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Opening Stripe…">{label}</SubmitButton>
    </form>
  );
}
