"use client";

import { useActionState, useId } from "react";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const INPUT = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/**
 * A staff change that needs a reason (withdraw, retry, cancel, switch a schedule): a few hidden
 * values, the reason, one button. Folded behind `summary` so a table row stays one line.
 */
export function ReasonForm({
  action,
  fields,
  summary,
  label,
  pendingLabel,
  placeholder,
  variant = "secondary",
  note,
}: {
  action: Action;
  fields: Record<string, string>;
  summary: string;
  label: string;
  pendingLabel?: string;
  placeholder?: string;
  variant?: "primary" | "secondary" | "danger";
  note?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const errors = state?.fieldErrors?.reason;
  return (
    <details className="group text-sm" open={state !== null && !state.ok}>
      <summary className="cursor-pointer select-none font-medium text-brand-700 hover:underline">{summary}</summary>
      <form action={formAction} className="mt-2 max-w-md space-y-2">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {note ? <p className="text-slate-600">{note}</p> : null}
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">Reason</label>
          <textarea id={id} name="reason" rows={2} defaultValue={state?.ok ? "" : state?.values?.reason} placeholder={placeholder} aria-invalid={errors ? true : undefined} className={INPUT} />
          {errors ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
        </div>
        <FormAlert state={state} />
        <SubmitButton variant={variant} pendingLabel={pendingLabel}>{label}</SubmitButton>
      </form>
    </details>
  );
}
