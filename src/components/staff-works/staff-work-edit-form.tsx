"use client";

import { startTransition, useActionState, useState } from "react";
import { staffUpdateWorkAction } from "@/app/_actions/staff-works";
import { LIMITS, PURPOSES, PURPOSE_LABELS, WORK_TYPES, WORK_TYPE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { SelectField, TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";
import { ContributorsInput, IdentifiersInput } from "../works/list-inputs";

export type StaffWorkFormValues = {
  title: string;
  contributors: string[];
  type: string;
  language: string;
  publicationYear: string;
  publisher: string;
  purposes: PurposeCode[];
  identifiers: string[];
};

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
      <TextField label="Title" name="title" value={values.title} onChange={(e) => set("title", e.target.value)} maxLength={LIMITS.title} errors={errors.title} />
      <ContributorsInput values={values.contributors} onChange={(next) => set("contributors", next)} errors={errors.contributors} max={LIMITS.contributors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Type" name="type" value={values.type} onChange={(e) => set("type", e.target.value)} errors={errors.type}
          options={WORK_TYPES.map((t) => ({ value: t, label: WORK_TYPE_LABELS[t] }))} />
        <TextField label="Language" name="language" value={values.language} onChange={(e) => set("language", e.target.value)} placeholder="en" errors={errors.language} />
        <TextField label="Publication year" name="publicationYear" value={values.publicationYear} onChange={(e) => set("publicationYear", e.target.value)} inputMode="numeric" maxLength={4} errors={errors.publicationYear} />
      </div>
      <TextField label="Publisher" name="publisher" value={values.publisher} onChange={(e) => set("publisher", e.target.value)} maxLength={LIMITS.publisher} errors={errors.publisher} />
      <IdentifiersInput values={values.identifiers} onChange={(next) => set("identifiers", next)} errors={errors.identifiers} max={LIMITS.identifiers} />
      <fieldset>
        <legend className="block text-sm font-medium text-slate-800">Permitted purposes</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {PURPOSES.map((purpose) => (
            <label key={purpose} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="purposes"
                value={purpose}
                checked={values.purposes.includes(purpose)}
                onChange={(e) => set("purposes", e.target.checked ? PURPOSES.filter((p) => p === purpose || values.purposes.includes(p)) : values.purposes.filter((p) => p !== purpose))}
              />
              {PURPOSE_LABELS[purpose]}
            </label>
          ))}
        </div>
        {errors.purposes?.length ? <p className="mt-1 text-sm text-red-700">{errors.purposes.join(" ")}</p> : null}
      </fieldset>
      <TextField label="Reason for the change" name="reason" maxLength={500} errors={errors.reason}
        hint="Kept in the work's history, which the rightsholder reads too." placeholder="Title corrected from the publisher's record" />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
        <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save changes"}</Button>
        <p className="text-xs text-slate-500">The exclusion is the rightsholder&apos;s and stays as it is.</p>
      </div>
    </form>
  );
}
