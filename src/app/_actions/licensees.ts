"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { updateLicenseeProfile } from "@/server/licensees/update-licensee-profile";

export async function updateLicenseeProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(
    formData,
    (v) =>
      updateLicenseeProfile(actor, {
        organizationId: v.organizationId ?? "",
        legalName: v.legalName ?? "",
        country: v.country ?? "",
        industryGroup: (v.industryGroup ?? "") as "OTHER",
        employeeCount: v.employeeCount ?? "",
        aiSystemsDescription: v.aiSystemsDescription ?? "",
        attestsLawfulContent: (v.attestsLawfulContent ?? "") as "on",
      }),
    "Profile saved.",
  );
  if (state?.ok) {
    revalidatePath("/licensee");
    revalidatePath("/licensee/profile");
  }
  return state;
}
