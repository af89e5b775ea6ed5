"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";

export async function markNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(formData, (v) => markNotificationsRead(actor, { notificationId: v.notificationId || null }));
  if (state?.ok) revalidatePath("/", "layout");
  return state;
}
