"use server";

import type { FormState } from "@/components/forms/form-state";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { resetPassword } from "@/server/accounts/reset-password";
import { signUp } from "@/server/accounts/sign-up";
import type { TSignUpInput } from "@/server/accounts/accounts.schema";
import { getActor, requestIp } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { acceptInvitation } from "@/server/organizations/accept-invitation";

// Thin actions: read the form, call one use case, return what the form shows. The use cases check
// the input and the actor.

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ip = await requestIp();
  return handleForm(formData, (values) => signUp(values as unknown as TSignUpInput, { ip }));
}

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ip = await requestIp();
  return handleForm(
    formData,
    (values) => requestPasswordReset({ email: values.email ?? "" }, { ip }),
    "If an account uses this email, a reset link is on its way. It works for one hour.",
  );
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ip = await requestIp();
  return handleForm(formData, (values) =>
    resetPassword(
      { token: values.token ?? "", password: values.password ?? "", confirmPassword: values.confirmPassword ?? "" },
      { ip },
    ),
  );
}

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [actor, ip] = await Promise.all([getActor(), requestIp()]);
  return handleForm(formData, (values) =>
    acceptInvitation(
      actor,
      { token: values.token ?? "", name: values.name || undefined, password: values.password || undefined },
      { ip },
    ),
  );
}
