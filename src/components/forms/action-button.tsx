"use client";

import { useActionState } from "react";
import { FormAlert } from "./form-alert";
import type { FormState } from "./form-state";
import { SubmitButton } from "./submit-button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A button that runs one action with a few hidden values (accept, submit, approve, connect…). */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert state={state} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}
