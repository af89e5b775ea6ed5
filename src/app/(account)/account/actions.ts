"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { changePassword } from "@/server/accounts/change-password";
import { updateProfile } from "@/server/accounts/update-profile";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";

export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => updateProfile(actor, { name: v.name ?? "" }), "Your name was saved.");
  if (state?.ok) revalidatePath("/", "layout");
  return state;
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return handleForm(
    formData,
    (v) =>
      changePassword(actor, {
        currentPassword: v.currentPassword ?? "",
        newPassword: v.newPassword ?? "",
        confirmPassword: v.confirmPassword ?? "",
      }),
    "Password changed. Other devices are signed out; sign in again here with the new password.",
  );
}
