"use client";

import { useId } from "react";
import { cn } from "../ui/cn";
import { checkIdentifier } from "./identifier-check";

export const INPUT =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500";

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="shrink-0 rounded-lg px-2.5 py-2 text-slate-500 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 hover:text-red-700"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

function AddButton({ children, onClick, disabled }: { children: React.ReactNode; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} className="mt-2 text-sm font-medium text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline">
      + {children}
    </button>
  );
}

/** Contributors as a list of names: one input each, add and remove. */
export function ContributorsInput({ values, onChange, errors, max }: { values: string[]; onChange: (next: string[]) => void; errors?: string[]; max: number }) {
  const id = useId();
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="block text-sm font-medium text-slate-800">Contributors</legend>
      <p className="mt-0.5 text-xs text-slate-500">Authors, editors, translators: one name per line, in the order they are credited.</p>
      <ul className="mt-2 space-y-2">
        {values.map((value, index) => (
          <li key={index} className="flex gap-2">
            <input
              name="contributors"
              value={value}
              aria-label={`Contributor ${index + 1}`}
              placeholder="Name"
              maxLength={200}
              className={cn(INPUT, errors?.length ? "ring-red-400" : undefined)}
              onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
            />
            {values.length > 1 ? <RemoveButton label={`Remove contributor ${index + 1}`} onClick={() => onChange(values.filter((_, i) => i !== index))} /> : null}
          </li>
        ))}
      </ul>
      <AddButton onClick={() => onChange([...values, ""])} disabled={values.length >= max}>
        Add a contributor
      </AddButton>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/** Identifiers with live validation: each shows its normal form, or what is wrong with it. */
export function IdentifiersInput({ values, onChange, errors, max }: { values: string[]; onChange: (next: string[]) => void; errors?: string[]; max: number }) {
  const id = useId();
  const checks = values.map(checkIdentifier);
  const normals = checks.map((c) => (c.state === "ok" ? `${c.label}:${c.value}` : null));
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="block text-sm font-medium text-slate-800">Identifiers</legend>
      <p className="mt-0.5 text-xs text-slate-500">
        ISBN (ISBN-10 is converted to ISBN-13), ISSN, DOI or web address. At least one; hyphens and spaces don&apos;t matter.
      </p>
      <ul className="mt-2 space-y-3">
        {values.map((value, index) => {
          const check = checks[index]!;
          const isRepeat = normals[index] !== null && normals.indexOf(normals[index]!) < index;
          return (
            <li key={index}>
              <div className="flex gap-2">
                <input
                  name="identifiers"
                  value={value}
                  aria-label={`Identifier ${index + 1}`}
                  aria-describedby={`${id}-check-${index}`}
                  placeholder="978-… · 0317-8471 · 10.1000/xyz · https://…"
                  autoComplete="off"
                  spellCheck={false}
                  className={cn(INPUT, "font-mono", check.state === "error" ? "ring-red-400" : check.state === "ok" ? "ring-emerald-400" : undefined)}
                  onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
                />
                {values.length > 1 ? <RemoveButton label={`Remove identifier ${index + 1}`} onClick={() => onChange(values.filter((_, i) => i !== index))} /> : null}
              </div>
              <p id={`${id}-check-${index}`} data-testid={`identifier-check-${index}`} aria-live="polite" className="mt-1 min-h-5 text-xs">
                {check.state === "ok" ? (
                  <span className="text-emerald-700">
                    <span aria-hidden="true">✓ </span>
                    {check.label} <span className="font-mono">{check.value}</span>
                    {check.note ? ` · ${check.note}` : null}
                    {isRepeat ? <span className="text-amber-700"> · listed twice; kept once</span> : null}
                  </span>
                ) : check.state === "error" ? (
                  <span className="text-red-700">{check.message}</span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
      <AddButton onClick={() => onChange([...values, ""])} disabled={values.length >= max}>
        Add an identifier
      </AddButton>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
