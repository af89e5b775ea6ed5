"use client";

import { startTransition, useActionState, useState } from "react";
import { staffUpdateWorkAction } from "@/app/_actions/staff-works";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";
import type { WorkFieldValues } from "@/lib/works/work-field-values";
import { WorkFields } from "../works/work-fields";

export type StaffWorkFormValues = WorkFieldValues;

/**
 * Staff correct a work: the rightsholder's fields under the same rules, and a reason for the
 * history. Submitted by hand so that nothing typed is lost on a refusal (React resets a form
 * after its action, checkboxes included).
 */
export function StaffWorkEditForm({ workId, version, initial }: { workId: number; version: string; initial: StaffWorkFormValues }) {
  const [state, action, isPending] = useActionState(staffUpdateWorkAction, null);
  const [values, setValues] = useState(initial);
  const set = <K extends keyof StaffWorkFormValues>(key: K, value: StaffWorkFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = state?.fieldErrors ?? {};
  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      <FormAlert state={state} />
      <input type="hidden" name="workId" value={workId} />
      <input type="hidden" name="expectedUpdatedAt" value={version} />
      <WorkFields values={values} set={set} errors={errors} />
      <TextField label="Reason for the change" name="reason" maxLength={500} errors={errors.reason}
        hint="Kept in the work's history, which the rightsholder reads too." placeholder="Title corrected from the publisher's record" />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
        <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save changes"}</Button>
        <p className="text-xs text-slate-500">The exclusion is the rightsholder&apos;s and stays as it is.</p>
      </div>
    </form>
  );
}
