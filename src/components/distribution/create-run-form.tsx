"use client";

import { useActionState } from "react";
import { requestDistributionRunAction } from "@/app/_actions/distribution";
import { SelectField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/** ADMIN: create the run of a closed quarter that has none; its calculation starts in the background. */
export function CreateRunForm({ quarters }: { quarters: { code: string; label: string }[] }) {
  const [state, action] = useActionState(requestDistributionRunAction, null);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="create-run-form">
      <div className="sm:w-80">
        <SelectField
          label="Closed quarter without a run"
          name="quarter"
          defaultValue={state?.values?.quarter ?? quarters[0]?.code}
          errors={state?.fieldErrors?.quarter}
          options={quarters.map((q) => ({ value: q.code, label: q.label }))}
        />
      </div>
      <SubmitButton pendingLabel="Creating…">Calculate a run</SubmitButton>
      <div className="sm:flex-1"><FormAlert state={state} /></div>
    </form>
  );
}
