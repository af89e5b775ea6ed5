"use client";

import { startTransition, useActionState, useState } from "react";
import { createWorkAction, updateWorkAction } from "@/app/_actions/works";
import { LIMITS, PURPOSES, PURPOSE_LABELS, WORK_TYPES, WORK_TYPE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { SelectField, TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";
import { ContributorsInput, IdentifiersInput } from "./list-inputs";

export type WorkFormValues = {
  title: string;
  contributors: string[];
  type: string;
  language: string;
  publicationYear: string;
  publisher: string;
  purposes: PurposeCode[];
  identifiers: string[];
  excludedFrom: string;
};

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

const PURPOSE_HINTS: Record<PurposeCode, string> = {
  TRAIN: "Building a model's general abilities from large collections of text.",
  FINE_TUNE: "Adapting an existing model to a task, domain or style.",
  RAG: "Looking the work up when answering a question, and drawing on it in the answer.",
};

const LANGUAGES = [
  ["en", "English"], ["fr", "French"], ["de", "German"], ["es", "Spanish"], ["it", "Italian"], ["pt", "Portuguese"],
  ["pt-br", "Portuguese (Brazil)"], ["nl", "Dutch"], ["sv", "Swedish"], ["da", "Danish"], ["no", "Norwegian"], ["fi", "Finnish"],
  ["pl", "Polish"], ["cs", "Czech"], ["el", "Greek"], ["tr", "Turkish"], ["ar", "Arabic"], ["he", "Hebrew"], ["hi", "Hindi"],
  ["ja", "Japanese"], ["ko", "Korean"], ["zh", "Chinese"], ["ru", "Russian"], ["uk", "Ukrainian"],
] as const;

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

      <section className="space-y-4">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">About the work</h3>
        <TextField label="Title" name="title" value={values.title} onChange={(e) => set("title", e.target.value)} maxLength={LIMITS.title} errors={errors.title} required />
        <ContributorsInput values={values.contributors} onChange={(next) => set("contributors", next)} errors={errors.contributors} max={LIMITS.contributors} />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Type"
            name="type"
            value={values.type}
            onChange={(e) => set("type", e.target.value)}
            errors={errors.type}
            options={WORK_TYPES.map((t) => ({ value: t, label: WORK_TYPE_LABELS[t] }))}
          />
          <TextField
            label="Language"
            name="language"
            value={values.language}
            onChange={(e) => set("language", e.target.value)}
            list="work-languages"
            placeholder="en"
            hint="A code such as en, fr or pt-br."
            errors={errors.language}
          />
          <TextField
            label="Publication year"
            name="publicationYear"
            value={values.publicationYear}
            onChange={(e) => set("publicationYear", e.target.value)}
            inputMode="numeric"
            maxLength={4}
            placeholder="2024"
            errors={errors.publicationYear}
          />
        </div>
        <datalist id="work-languages">
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </datalist>
        <TextField label="Publisher" name="publisher" value={values.publisher} onChange={(e) => set("publisher", e.target.value)} maxLength={LIMITS.publisher} errors={errors.publisher} />
      </section>

      <section>
        <IdentifiersInput values={values.identifiers} onChange={(next) => set("identifiers", next)} errors={errors.identifiers} max={LIMITS.identifiers} />
      </section>

      <section>
        <fieldset aria-describedby={errors.purposes?.length ? "purposes-error" : undefined}>
          <legend className="block text-sm font-medium text-slate-800">Permitted purposes</legend>
          <p className="mt-0.5 text-xs text-slate-500">Licensees may use the work only for the purposes you tick. All three are the default.</p>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {PURPOSES.map((purpose) => (
              <label key={purpose} className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500">
                <input
                  type="checkbox"
                  name="purposes"
                  value={purpose}
                  checked={values.purposes.includes(purpose)}
                  onChange={(e) => set("purposes", e.target.checked ? PURPOSES.filter((p) => p === purpose || values.purposes.includes(p)) : values.purposes.filter((p) => p !== purpose))}
                  className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{PURPOSE_LABELS[purpose]}</span>
                  <span className="block text-xs text-slate-600">{PURPOSE_HINTS[purpose]}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.purposes?.length ? (
            <p id="purposes-error" className="mt-1 text-sm text-red-700">
              {errors.purposes.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </section>

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
