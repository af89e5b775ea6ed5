"use client";

import { useActionState, useId } from "react";
import { staffSetApiKeyRateLimitAction } from "@/app/_actions/staff-api-keys";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/** ADMIN: one key's requests a minute, with the reason kept in the audit log. */
export function RateLimitForm({ organizationId, keyId, perMinute }: { organizationId: string; keyId: string; perMinute: number }) {
  const [state, action] = useActionState(staffSetApiKeyRateLimitAction, null);
  const id = useId();
  const errors = state?.fieldErrors ?? {};
  return (
    <details className="mt-1 text-xs" open={Boolean(state && !state.ok)}>
      <summary className="cursor-pointer whitespace-nowrap font-medium text-brand-700 hover:underline">Change the limit</summary>
      <form action={action} className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="rate-limit-form">
        <input type="hidden" name="organizationId" value={organizationId} />
        <input type="hidden" name="keyId" value={keyId} />
        <label htmlFor={`${id}-limit`} className="block font-medium text-slate-700">Requests a minute</label>
        <input id={`${id}-limit`} name="perMinute" inputMode="numeric" defaultValue={state?.values?.perMinute ?? String(perMinute)}
          aria-invalid={errors.perMinute ? true : undefined}
          className="block w-32 rounded-lg border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        {errors.perMinute ? <p className="text-red-700">{errors.perMinute.join(" ")}</p> : null}
        <label htmlFor={`${id}-reason`} className="block font-medium text-slate-700">Reason (kept in the audit log)</label>
        <input id={`${id}-reason`} name="reason" defaultValue={state?.ok ? "" : (state?.values?.reason ?? "")}
          aria-invalid={errors.reason ? true : undefined}
          className="block w-full rounded-lg border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        {errors.reason ? <p className="text-red-700">{errors.reason.join(" ")}</p> : null}
        <FormAlert state={state} />
        <SubmitButton variant="secondary" pendingLabel="Saving…">Save the limit</SubmitButton>
      </form>
    </details>
  );
}
