"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { acceptInvitationAction } from "../../actions";

export function AcceptInvitationForm({ token, needsAccount, email }: { token: string; needsAccount: boolean; email: string }) {
  const router = useRouter();
  const [state, action] = useActionState(acceptInvitationAction, null);
  const password = useRef<string | null>(null);

  useEffect(() => {
    if (!state?.ok) return;
    const typed = password.current;
    password.current = null;
    const done = () => {
      router.replace("/home");
      router.refresh();
    };
    if (typed) void signIn("credentials", { redirect: false, email, password: typed }).then(done);
    else done();
  }, [state, router, email]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        password.current = String(new FormData(event.currentTarget).get("password") ?? "") || null;
      }}
      className="mt-6 space-y-4"
      noValidate
    >
      <FormAlert state={state?.ok ? { ok: true, message: "Welcome aboard. Taking you in…" } : state} />
      <input type="hidden" name="token" value={token} />
      {needsAccount ? (
        <>
          <TextField label="Your name" name="name" autoComplete="name" defaultValue={state?.values?.name} errors={state?.fieldErrors?.name} />
          <TextField label="Choose a password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." errors={state?.fieldErrors?.password} />
        </>
      ) : null}
      <SubmitButton className="w-full" pendingLabel="Joining…">
        {needsAccount ? "Create account and join" : "Accept invitation"}
      </SubmitButton>
    </form>
  );
}
