"use client";

import type { WorkFieldValues } from "@/lib/works/work-field-values";
import { LIMITS, PURPOSES, PURPOSE_LABELS, WORK_TYPES, WORK_TYPE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { SelectField, TextField } from "../forms/fields";
import { ContributorsInput, IdentifiersInput } from "./list-inputs";

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

/**
 * A work's fields, the same for the rightsholder enrolling or editing a work and for staff
 * correcting one: about the work, its identifiers, its permitted purposes. The form around them
 * holds the values and submits them (they are named as `parseWork` reads them).
 */
export function WorkFields({ values, set, errors }: {
  values: WorkFieldValues;
  set: (key: keyof WorkFieldValues, value: WorkFieldValues[keyof WorkFieldValues]) => void;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
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
          <p className="mt-0.5 text-xs text-slate-500">Licensees may use the work only for the purposes ticked. A new work permits all three unless you untick one.</p>
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

    </>
  );
}
