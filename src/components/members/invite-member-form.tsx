"use client";

import { useActionState } from "react";
import { inviteMemberAction } from "@/app/_actions/members";
import { FormAlert } from "../forms/form-alert";
import { SelectField, TextField } from "../forms/fields";
import { SubmitButton } from "../forms/submit-button";

export function InviteMemberForm({ organizationId }: { organizationId: string }) {
  const [state, action] = useActionState(inviteMemberAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField label="Email" name="email" type="email" placeholder="colleague@example.com" defaultValue={state?.values?.email} errors={state?.fieldErrors?.email} />
        <SelectField
          label="Role"
          name="role"
          defaultValue={state?.values?.role ?? "MEMBER"}
          errors={state?.fieldErrors?.role}
          options={[
            { value: "MEMBER", label: "Member" },
            { value: "OWNER", label: "Owner" },
          ]}
        />
      </div>
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
