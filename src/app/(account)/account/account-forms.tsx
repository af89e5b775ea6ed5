"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { changePasswordAction, updateProfileAction } from "./actions";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(updateProfileAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField label="Email" name="email-readonly" value={email} readOnly disabled hint="Your sign-in email cannot be changed here." />
      <TextField label="Name" name="name" defaultValue={state?.values?.name ?? name} errors={state?.fieldErrors?.name} autoComplete="name" />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null);
  // The change ends every session, this one included: sign out cleanly after showing the message.
  useEffect(() => {
    if (!state?.ok) return;
    const timer = setTimeout(() => void signOut({ callbackUrl: "/sign-in?reset=1" }), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={state?.fieldErrors?.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." errors={state?.fieldErrors?.newPassword} />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={state?.fieldErrors?.confirmPassword} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
