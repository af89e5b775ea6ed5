"use client";

import { useId } from "react";

/** The reason every staff change to a license carries: kept in the audit row and told to the licensee. */
export function ReasonField({ name = "reason", label = "Reason", defaultValue, errors, placeholder }: { name?: string; label?: string; defaultValue?: string; errors?: string[]; placeholder: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <textarea
        id={id} name={name} rows={2} maxLength={500} defaultValue={defaultValue ?? ""} placeholder={placeholder}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
      />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
