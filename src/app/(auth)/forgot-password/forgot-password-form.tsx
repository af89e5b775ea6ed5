"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, null);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state?.values?.email} errors={state?.fieldErrors?.email} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
