"use client";

import { useActionState } from "react";
import { rejectUsageLinesAction } from "@/app/_actions/usage-queue";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/** Rejects one group (ADMIN): its lines are no work of the repertoire. */
export function RejectGroupForm({ usageKey }: { usageKey: string }) {
  const [state, action] = useActionState(rejectUsageLinesAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="key" value={usageKey} />
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">Reason</label>
        <textarea
          id="reason"
          name="reason"
          rows={2}
          maxLength={500}
          defaultValue={state?.ok ? "" : (state?.values?.reason ?? "")}
          aria-invalid={errors.reason ? true : undefined}
          placeholder="Not a work of the repertoire: internal documents, public domain, …"
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        {errors.reason ? <p className="mt-1 text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
      </div>
      <FormAlert state={state} />
      <SubmitButton variant="danger" pendingLabel="Rejecting…">Reject</SubmitButton>
    </form>
  );
}
