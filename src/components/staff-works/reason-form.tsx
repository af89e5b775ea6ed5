"use client";

import { startTransition, useActionState, useId, useState } from "react";
import type { FormState } from "../forms/form-state";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A staff change that needs a reason (suspend, lift, …): hidden values, the reason, one button.
 * Submitted by hand rather than through the form's action, so a refusal keeps the reason typed
 * (React resets a form after its action); after a success the box is remounted empty.
 */
export function ReasonForm({
  action,
  fields,
  label,
  pendingLabel,
  reasonLabel,
  placeholder,
  variant = "secondary",
  hint,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  reasonLabel: string;
  placeholder?: string;
  variant?: "primary" | "secondary" | "danger";
  hint?: React.ReactNode;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [answered, setAnswered] = useState({ state, successes: 0 });
  if (answered.state !== state) setAnswered({ state, successes: answered.successes + (state?.ok ? 1 : 0) });
  const id = useId();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">{reasonLabel}</label>
        <textarea
          key={answered.successes}
          id={id}
          name="reason"
          rows={2}
          maxLength={500}
          placeholder={placeholder}
          aria-invalid={state?.fieldErrors?.reason ? true : undefined}
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        {state?.fieldErrors?.reason ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.reason.join(" ")}</p> : null}
        {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      </div>
      <FormAlert state={state} />
      <Button type="submit" variant={variant} disabled={isPending}>{isPending ? pendingLabel : label}</Button>
    </form>
  );
}
