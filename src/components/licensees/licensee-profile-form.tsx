"use client";

import { useActionState, useId } from "react";
import { SelectField, TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { COUNTRIES } from "@/lib/countries";
import { INDUSTRY_GROUPS, INDUSTRY_LABELS } from "@/lib/pricing/price-license";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export type LicenseeProfileValues = {
  legalName: string | null;
  country: string | null;
  industryGroup: string | null;
  employeeCount: number | null;
  aiSystemsDescription: string | null;
};

/** The owner's form: the details the price is computed from, the AI systems, the attestation. */
export function LicenseeProfileForm({ action, organizationId, profile, attestedOn }: {
  action: Action;
  organizationId: string;
  profile: LicenseeProfileValues;
  /** "by Kim Kestrel on 1 Dec 2026", when an attestation is on file. */
  attestedOn: string | null;
}) {
  const [state, formAction] = useActionState(action, null);
  const value = (name: keyof LicenseeProfileValues) => state?.values?.[name] ?? (profile[name] === null ? "" : String(profile[name]));
  const errors = state?.ok ? {} : (state?.fieldErrors ?? {});
  const descriptionId = useId();
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Legal name" name="legalName" defaultValue={value("legalName")} errors={errors.legalName} hint="As it should appear on the license certificate and invoices." />
        <SelectField
          label="Country"
          name="country"
          defaultValue={value("country")}
          errors={errors.country}
          hint="Where the organisation is established."
          options={[{ value: "", label: "Choose…" }, ...COUNTRIES.map(([code, name]) => ({ value: code, label: name }))]}
        />
        <SelectField
          label="Industry group"
          name="industryGroup"
          defaultValue={value("industryGroup")}
          errors={errors.industryGroup}
          options={[{ value: "", label: "Choose…" }, ...INDUSTRY_GROUPS.map((g) => ({ value: g, label: INDUSTRY_LABELS[g] }))]}
        />
        <TextField label="Employees" name="employeeCount" type="number" min={1} inputMode="numeric" defaultValue={value("employeeCount")} errors={errors.employeeCount} hint="Across the whole organisation, worldwide." />
      </div>
      <div>
        <label htmlFor={descriptionId} className="block text-sm font-medium text-slate-800">Your AI systems and their use outside the organisation</label>
        <textarea
          id={descriptionId}
          name="aiSystemsDescription"
          rows={5}
          defaultValue={value("aiSystemsDescription")}
          aria-invalid={errors.aiSystemsDescription?.length ? true : undefined}
          className={`mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-500 ${errors.aiSystemsDescription?.length ? "ring-red-400" : "ring-slate-300"}`}
          placeholder="For example: a customer-support assistant fine-tuned on product manuals, offered to our clients; a retrieval service over licensed news."
        />
        {errors.aiSystemsDescription?.length ? (
          <p className="mt-1 text-sm text-red-700">{errors.aiSystemsDescription.join(" ")}</p>
        ) : (
          <p className="mt-1 text-xs text-slate-500">Which systems you train, fine-tune or ground, and who uses them outside your organisation.</p>
        )}
      </div>
      <div>
        <label className="flex items-start gap-3 text-sm text-slate-800">
          <input type="checkbox" name="attestsLawfulContent" className="mt-0.5 size-4 rounded border-slate-300" defaultChecked={state?.values?.attestsLawfulContent === "on"} />
          <span>
            I confirm, for the organisation, that the content it uses to train its AI systems is lawfully obtained (licensed, purchased,
            or lawfully accessed), and that this license does not replace the permission of rightsholders whose works are not enrolled.
          </span>
        </label>
        {errors.attestsLawfulContent?.length ? (
          <p className="mt-1 text-sm text-red-700">{errors.attestsLawfulContent.join(" ")}</p>
        ) : attestedOn ? (
          <p className="mt-1 pl-7 text-xs text-slate-500">On file: confirmed {attestedOn}. It is given again with each change to the profile.</p>
        ) : null}
      </div>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
