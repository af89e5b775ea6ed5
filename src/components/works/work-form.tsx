"use client";

import { startTransition, useActionState, useState } from "react";
import { createWorkAction, updateWorkAction } from "@/app/_actions/works";
import { PURPOSES } from "@/lib/works/work-input";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";
import type { WorkFieldValues } from "@/lib/works/work-field-values";
import { WorkFields } from "./work-fields";

export type WorkFormValues = WorkFieldValues & { excludedFrom: string };

export const EMPTY_WORK: WorkFormValues = {
  title: "",
  contributors: [""],
  type: "BOOK",
  language: "",
  publicationYear: "",
  publisher: "",
  purposes: [...PURPOSES],
  identifiers: [""],
  excludedFrom: "",
};

type Props =
  | { mode: "create"; organizationId: string; initial?: WorkFormValues }
  | { mode: "edit"; workId: number; version: string; initial: WorkFormValues };

/** The work form, for enrolling a new work and for editing one. Every field keeps its value on a refusal. */
export function WorkForm(props: Props) {
  const [state, action, isPending] = useActionState(props.mode === "create" ? createWorkAction : updateWorkAction, null);
  const [values, setValues] = useState<WorkFormValues>(props.initial ?? EMPTY_WORK);
  const set = <K extends keyof WorkFormValues>(key: K, value: WorkFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = state?.fieldErrors ?? {};
  const today = new Date().toISOString().slice(0, 10);

  return (
    // Submitted by hand rather than through `action`: React resets a form after its action runs, and
    // a reset puts checkboxes back to how they were first drawn, whatever the person had chosen.
    <form
      className="space-y-8"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      <FormAlert state={state} />
      {props.mode === "create" ? (
        <input type="hidden" name="organizationId" value={props.organizationId} />
      ) : (
        <>
          <input type="hidden" name="workId" value={props.workId} />
          <input type="hidden" name="expectedUpdatedAt" value={props.version} />
        </>
      )}

      <WorkFields values={values} set={set} errors={errors} />

      {props.mode === "create" ? (
        <section className="max-w-xs">
          <TextField
            label="Exclude from (optional)"
            name="excludedFrom"
            type="date"
            min={today}
            value={values.excludedFrom}
            onChange={(e) => set("excludedFrom", e.target.value)}
            hint="Leave empty to offer the work from today. An exclusion can't start in the past."
            errors={errors.excludedFrom}
          />
        </section>
      ) : errors.excludedFrom?.length ? (
        <p className="text-sm text-red-700">{errors.excludedFrom.join(" ")}</p>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-6">
        <Button type="submit" disabled={isPending}>
          {isPending ? (props.mode === "create" ? "Enrolling…" : "Saving…") : props.mode === "create" ? "Enroll work" : "Save changes"}
        </Button>
        {props.mode === "create" ? <p className="text-xs text-slate-500">You can change everything later; the history keeps each change.</p> : null}
      </div>
    </form>
  );
}
