"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { cn } from "../ui/cn";
import { INDUSTRY_GROUPS, INDUSTRY_LABELS, type IndustryGroupCode } from "@/lib/pricing/price-license";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export type ScheduleFormValues = {
  effectiveFrom: string;
  smallOrgMaxEmployees: string;
  bands: { maxEmployees: string; fee: string }[];
  rates: Record<IndustryGroupCode, string>;
  factors: { country: string; percent: string }[];
};

const INPUT = "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-500";

function Cell({ name, label, value, onChange, errors, prefix, suffix, className }: {
  name: string; label: string; value: string; onChange: (v: string) => void; errors?: string[]; prefix?: string; suffix?: string; className?: string;
}) {
  return (
    <div className={cn("shrink-0", className)}>
      <div className="relative">
        {prefix ? <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500">{prefix}</span> : null}
        <input
          name={name}
          aria-label={label}
          aria-invalid={errors?.length ? true : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={cn(INPUT, prefix && "pl-7", suffix && "pr-8", (errors?.length ?? 0) > 0 && "ring-red-400")}
          inputMode="decimal"
        />
        {suffix ? <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-500">{suffix}</span> : null}
      </div>
      {errors?.length ? <p className="mt-1 text-xs text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}

function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" onClick={onClick} aria-label={label} className="h-9 w-9 shrink-0 rounded-lg text-slate-500 ring-1 ring-slate-200 hover:bg-slate-50 hover:text-slate-800">
      ×
    </button>
  );
}

/**
 * Publishes a new price schedule, starting from the one in force: the first day it applies, the
 * flat-fee bands for small organisations, a rate per employee for each industry group, and the
 * country factors ("*" for every other country). The server checks every rule again.
 */
export function ScheduleForm({ action, initial, earliestDay }: { action: Action; initial: ScheduleFormValues; earliestDay: string }) {
  const [state, formAction] = useActionState(action, null);
  const [values, setValues] = useState(initial);
  const errors = state?.ok ? {} : (state?.fieldErrors ?? {});
  const set = (patch: Partial<ScheduleFormValues>) => setValues((v) => ({ ...v, ...patch }));

  return (
    <form action={formAction} className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="effectiveFrom" className="block text-sm font-medium text-slate-800">First day of the new prices</label>
          <input id="effectiveFrom" name="effectiveFrom" type="date" min={earliestDay} required value={values.effectiveFrom} onChange={(e) => set({ effectiveFrom: e.target.value })} className={cn(INPUT, "mt-1", (errors.effectiveFrom?.length ?? 0) > 0 && "ring-red-400")} />
          {errors.effectiveFrom?.length ? <p className="mt-1 text-sm text-red-700">{errors.effectiveFrom.join(" ")}</p> : <p className="mt-1 text-xs text-slate-500">Today at the earliest: prices never change for the past.</p>}
        </div>
        <div>
          <label htmlFor="smallOrgMaxEmployees" className="block text-sm font-medium text-slate-800">Flat fees up to (employees)</label>
          <input id="smallOrgMaxEmployees" name="smallOrgMaxEmployees" inputMode="numeric" value={values.smallOrgMaxEmployees} onChange={(e) => set({ smallOrgMaxEmployees: e.target.value })} className={cn(INPUT, "mt-1", (errors.smallOrgMaxEmployees?.length ?? 0) > 0 && "ring-red-400")} />
          {errors.smallOrgMaxEmployees?.length ? <p className="mt-1 text-sm text-red-700">{errors.smallOrgMaxEmployees.join(" ")}</p> : <p className="mt-1 text-xs text-slate-500">Larger organisations pay per employee. 0: everyone pays per employee.</p>}
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Flat fees</legend>
        <p className="text-xs text-slate-500">Each band holds organisations up to its number of employees; the last one must end at the limit above.</p>
        <div className="mt-2 space-y-2">
          {values.bands.map((band, i) => (
            <div key={i} className="flex items-start gap-2">
              <Cell className="w-40" name={`band-${i}-max`} label={`Band ${i + 1}: up to employees`} value={band.maxEmployees} suffix="emp." errors={errors[`band-${i}-max`]}
                onChange={(v) => set({ bands: values.bands.map((b, j) => (j === i ? { ...b, maxEmployees: v } : b)) })} />
              <Cell className="w-48" name={`band-${i}-fee`} label={`Band ${i + 1}: fee per year`} value={band.fee} prefix="$" errors={errors[`band-${i}-fee`]}
                onChange={(v) => set({ bands: values.bands.map((b, j) => (j === i ? { ...b, fee: v } : b)) })} />
              <RemoveButton label={`Remove band ${i + 1}`} onClick={() => set({ bands: values.bands.filter((_, j) => j !== i) })} />
            </div>
          ))}
        </div>
        <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={() => set({ bands: [...values.bands, { maxEmployees: "", fee: "" }] })}>
          + Add a band
        </button>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Per employee, by industry</legend>
        <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {INDUSTRY_GROUPS.map((group) => (
            <div key={group} className="flex items-start justify-between gap-3">
              <span className="pt-2 text-sm text-slate-700">{INDUSTRY_LABELS[group]}</span>
              <Cell className="w-36" name={`rate-${group}`} label={`Rate per employee: ${INDUSTRY_LABELS[group]}`} value={values.rates[group]} prefix="$" errors={errors[`rate-${group}`]}
                onChange={(v) => set({ rates: { ...values.rates, [group]: v } })} />
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Country factors</legend>
        <p className="text-xs text-slate-500">A percentage of the fee, by two-letter country code; &quot;*&quot; is every country not listed.</p>
        <div className="mt-2 space-y-2">
          {values.factors.map((factor, i) => (
            <div key={i} className="flex items-start gap-2">
              <Cell className="w-28" name={`factor-${i}-country`} label={`Factor ${i + 1}: country`} value={factor.country} errors={errors[`factor-${i}-country`]}
                onChange={(v) => set({ factors: values.factors.map((f, j) => (j === i ? { ...f, country: v } : f)) })} />
              <Cell className="w-36" name={`factor-${i}-percent`} label={`Factor ${i + 1}: percent`} value={factor.percent} suffix="%" errors={errors[`factor-${i}-percent`]}
                onChange={(v) => set({ factors: values.factors.map((f, j) => (j === i ? { ...f, percent: v } : f)) })} />
              <RemoveButton label={`Remove factor ${i + 1}`} onClick={() => set({ factors: values.factors.filter((_, j) => j !== i) })} />
            </div>
          ))}
        </div>
        <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={() => set({ factors: [...values.factors, { country: "", percent: "100" }] })}>
          + Add a country
        </button>
      </fieldset>

      <FormAlert state={state} />
      <SubmitButton pendingLabel="Publishing…">Publish the new prices</SubmitButton>
    </form>
  );
}
