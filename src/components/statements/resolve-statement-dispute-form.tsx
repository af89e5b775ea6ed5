"use client";

import { useActionState, useState } from "react";
import { resolveStatementDisputeAction } from "@/app/_actions/statements";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

const CHOICES = [
  { value: "RESOLVED", label: "Resolve", help: "The rightsholder was right; correct the works or usage where the error was. The work keeps its owners." },
  { value: "REJECTED", label: "Reject", help: "The line was right; nothing changes." },
] as const;

/** Staff decide a statement-line dispute; either way the next run releases the work's held royalties. */
export function ResolveStatementDisputeForm({ disputeId }: { disputeId: string }) {
  const [state, action] = useActionState(resolveStatementDisputeAction, null);
  const [choice, setChoice] = useState<string>(state?.values?.outcome ?? "");
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="disputeId" value={disputeId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {CHOICES.map((c) => (
            <label key={c.value} className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${choice === c.value ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300 hover:bg-slate-50"}`}>
              <input type="radio" name="outcome" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="mt-0.5" />
              <span>
                <span className="block font-medium text-slate-900">{c.label}</span>
                <span className="block text-slate-600">{c.help}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.outcome ? <p className="mt-1 text-sm text-red-700">{errors.outcome.join(" ")}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="statement-dispute-resolution" className="block text-sm font-medium text-slate-800">Note to the rightsholder</label>
        <textarea
          id="statement-dispute-resolution"
          name="resolution"
          rows={3}
          defaultValue={state?.values?.resolution ?? ""}
          aria-invalid={errors.resolution ? true : undefined}
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        {errors.resolution ? <p className="mt-1 text-sm text-red-700">{errors.resolution.join(" ")}</p> : <p className="mt-1 text-xs text-slate-500">The organisation&apos;s owners receive it by mail.</p>}
      </div>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Deciding…">Decide dispute</SubmitButton>
    </form>
  );
}
