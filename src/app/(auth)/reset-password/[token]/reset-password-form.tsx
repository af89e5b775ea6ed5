"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, action] = useActionState(resetPasswordAction, null);
  useEffect(() => {
    if (state?.ok) router.replace("/sign-in?reset=1");
  }, [state, router]);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." errors={state?.fieldErrors?.password} />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={state?.fieldErrors?.confirmPassword} />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Save new password
      </SubmitButton>
    </form>
  );
}
