"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { matchUsageLines } from "@/server/usage/match-usage-lines";
import { rejectUsageLines } from "@/server/usage/reject-usage-lines";

// The staff queue's decisions. A form posts one or many keys (one checkbox or hidden field
// named "key" per group); FormData keeps them all, where the plain values keep only the last.

function keysOf(formData: FormData): string[] {
  return formData.getAll("key").filter((k): k is string => typeof k === "string");
}

function revalidateQueue() {
  revalidatePath("/staff/usage");
  revalidatePath("/staff/usage/match");
}

/** Staff (ADMIN) match the lines of one or more groups to a work. */
export async function matchUsageLinesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  let message = "";
  const state = await handleForm(formData, async (values) => {
    message = (await matchUsageLines(actor, { keys: keysOf(formData), workId: values.workId ?? "" })).message;
  });
  if (!state?.ok) return state;
  revalidateQueue();
  return { ok: true, message };
}

/** Staff (ADMIN) reject the lines of one or more groups: no work of the repertoire. */
export async function rejectUsageLinesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  let message = "";
  const state = await handleForm(formData, async (values) => {
    message = (await rejectUsageLines(actor, { keys: keysOf(formData), reason: values.reason ?? "" })).message;
  });
  if (!state?.ok) return state;
  revalidateQueue();
  return { ok: true, message };
}
