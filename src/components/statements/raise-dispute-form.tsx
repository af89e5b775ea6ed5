"use client";

import { useActionState, useId } from "react";
import { raiseStatementDisputeAction } from "@/app/_actions/statements";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/** "Dispute this line": a disclosure with the reason, so the table stays compact until it is used. */
export function RaiseDisputeForm({ statementId, statementLineId, title }: { statementId: string; statementLineId: string; title: string }) {
  const [state, action] = useActionState(raiseStatementDisputeAction, null);
  const id = useId();
  const errors = state?.fieldErrors ?? {};
  if (state?.ok) return <FormAlert state={state} />;
  return (
    <details className="text-sm" open={Boolean(state && !state.ok)}>
      <summary className="cursor-pointer whitespace-nowrap font-medium text-brand-700 hover:underline">Dispute this line</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="statementId" value={statementId} />
        <input type="hidden" name="statementLineId" value={statementLineId} />
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
          What is wrong with the line for “{title}”?
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          defaultValue={state?.values?.reason ?? ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-help`}
          placeholder="e.g. the work is ours but its units look too low for the quarter; or a co-owner's share is wrong"
          className="block w-full min-w-64 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        <p id={`${id}-help`} className={errors.reason ? "text-sm text-red-700" : "text-xs text-slate-500"}>
          {errors.reason ? errors.reason.join(" ") : "Staff review it. Until they decide, this work's royalties in later runs are held."}
        </p>
        <FormAlert state={state} />
        <SubmitButton variant="secondary" pendingLabel="Raising…">Raise dispute</SubmitButton>
      </form>
    </details>
  );
}
