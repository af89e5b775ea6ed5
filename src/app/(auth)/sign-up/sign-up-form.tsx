"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { signUpAction } from "../actions";

const KINDS = [
  {
    value: "LICENSEE",
    title: "We train AI systems",
    text: "Buy and renew the license, check coverage, report usage.",
  },
  {
    value: "RIGHTSHOLDER",
    title: "We hold rights in works",
    text: "Enroll works, choose permitted uses, receive royalties.",
  },
] as const;

export function SignUpForm({ defaultKind }: { defaultKind?: "LICENSEE" | "RIGHTSHOLDER" }) {
  const router = useRouter();
  const [state, action] = useActionState(signUpAction, null);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  // After the account exists, sign in with what was just typed and go to the new home page.
  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { redirect: false, email, password }).then(() => {
      router.replace("/home");
      router.refresh();
    });
  }, [state, router]);

  const values = state?.values ?? {};
  const kind = values.organizationKind ?? defaultKind;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
      }}
      className="mt-6 space-y-4"
      noValidate
    >
      <FormAlert state={state?.ok ? { ok: true, message: "Account created. Signing you in…" } : state} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Your organisation</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label
              key={k.value}
              className="flex cursor-pointer gap-2 rounded-lg p-3 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500"
            >
              <input type="radio" name="organizationKind" value={k.value} defaultChecked={kind === k.value} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{k.title}</span>
                <span className="block text-xs text-slate-600">{k.text}</span>
              </span>
            </label>
          ))}
        </div>
        {state?.fieldErrors?.organizationKind ? (
          <p className="mt-1 text-sm text-red-700">{state.fieldErrors.organizationKind.join(" ")}</p>
        ) : null}
      </fieldset>
      <TextField label="Organisation name" name="organizationName" defaultValue={values.organizationName} errors={state?.fieldErrors?.organizationName} autoComplete="organization" />
      <TextField label="Your name" name="name" defaultValue={values.name} errors={state?.fieldErrors?.name} autoComplete="name" />
      <TextField label="Work email" name="email" type="email" defaultValue={values.email} errors={state?.fieldErrors?.email} autoComplete="email" />
      <TextField
        label="Password"
        name="password"
        type="password"
        errors={state?.fieldErrors?.password}
        autoComplete="new-password"
        hint="At least 10 characters."
      />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
