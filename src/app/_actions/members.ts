"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import type { TInviteMemberInput } from "@/server/organizations/members.schema";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { changeMemberRole } from "@/server/organizations/change-member-role";
import { inviteMember } from "@/server/organizations/invite-member";
import { removeMember } from "@/server/organizations/remove-member";
import { revokeInvitation } from "@/server/organizations/revoke-invitation";

// The organisation id comes from the form, and every use case checks that the actor owns it:
// posting another organisation's id is refused there, not here.

async function afterChange(state: FormState): Promise<FormState> {
  if (state?.ok) revalidatePath("/", "layout");
  return state;
}

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) => inviteMember(actor, v as unknown as TInviteMemberInput), "Invitation sent. The link works for 7 days."),
  );
}

export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) => revokeInvitation(actor, { organizationId: v.organizationId ?? "", invitationId: v.invitationId ?? "" })),
  );
}

export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) =>
      changeMemberRole(actor, {
        organizationId: v.organizationId ?? "",
        membershipId: v.membershipId ?? "",
        role: (v.role ?? "") as "OWNER" | "MEMBER",
      }),
    ),
  );
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) => removeMember(actor, { organizationId: v.organizationId ?? "", membershipId: v.membershipId ?? "" })),
  );
}
