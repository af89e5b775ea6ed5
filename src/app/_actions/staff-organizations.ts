"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { deactivateUserAsStaff } from "@/server/accounts/staff-deactivate-user";
import { reactivateUserAsStaff } from "@/server/accounts/staff-reactivate-user";
import { sendPasswordResetAsStaff } from "@/server/accounts/staff-send-password-reset";
import { getActor } from "@/server/auth/session";
import { formValues, runAction } from "@/server/action-result";
import { changeMemberRoleAsStaff } from "@/server/organizations/staff-change-member-role";

// ADMIN's actions on an organisation's members, from /staff/organizations/[id]. The ids come from
// the form; each use case checks the actor is ADMIN and that the person is a member of that
// organisation, so a forged id is refused there, not here.

/** Runs one use case; its outcome is the message. On a refusal the typed values come back. */
async function handle(formData: FormData, work: (values: Record<string, string>) => Promise<string>): Promise<FormState> {
  const values = formValues(formData);
  const result = await runAction(() => work(values));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/staff/organizations/${values.organizationId ?? ""}`);
  return { ok: true, message: result.data };
}

const person = (v: Record<string, string>) => ({ organizationId: v.organizationId ?? "", userId: v.userId ?? "", reason: v.reason ?? "" });

export async function staffChangeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return handle(formData, async (v) => {
    const { email, role } = await changeMemberRoleAsStaff(actor, {
      organizationId: v.organizationId ?? "", membershipId: v.membershipId ?? "", role: (v.role ?? "") as "OWNER" | "MEMBER", reason: v.reason ?? "",
    });
    return `${email} is now ${role === "OWNER" ? "an owner" : "a member"}; their sessions ended.`;
  });
}

export async function staffDeactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return handle(formData, async (v) => {
    const { email } = await deactivateUserAsStaff(actor, { ...person(v), leaveWithoutActiveOwner: v.leaveWithoutActiveOwner ?? "false" });
    return `${email} is deactivated; every session ended.`;
  });
}

export async function staffReactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return handle(formData, async (v) => {
    const { email } = await reactivateUserAsStaff(actor, person(v));
    return `${email} can sign in again.`;
  });
}

export async function staffSendPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return handle(formData, async (v) => {
    const { email } = await sendPasswordResetAsStaff(actor, person(v));
    return `A reset link went to ${email}; it works for one hour.`;
  });
}
