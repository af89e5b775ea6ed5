"use client";

import { useActionState } from "react";
import type { FormState } from "../forms/form-state";
import { FormAlert } from "../forms/form-alert";
import { SelectField, TextField } from "../forms/fields";
import { SubmitButton } from "../forms/submit-button";
import { COUNTRIES } from "@/lib/countries";
import { TAX_FORM_LABELS, TAX_FORM_TYPES } from "@/lib/participation/tax-form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function RightsholderProfileForm({
  action,
  organizationId,
  profile,
}: {
  action: Action;
  organizationId: string;
  profile: { legalName: string | null; country: string | null; contactName: string | null; contactEmail: string | null };
}) {
  const [state, formAction] = useActionState(action, null);
  const value = (name: keyof typeof profile) => state?.values?.[name] ?? profile[name] ?? "";
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Legal name" name="legalName" defaultValue={value("legalName")} errors={errors.legalName} hint="As on your contracts and tax form." />
        <SelectField
          label="Country"
          name="country"
          defaultValue={value("country")}
          errors={errors.country}
          options={[{ value: "", label: "Choose…" }, ...COUNTRIES.map(([code, name]) => ({ value: code, label: name }))]}
        />
        <TextField label="Contact name" name="contactName" defaultValue={value("contactName")} errors={errors.contactName} />
        <TextField label="Contact email" name="contactEmail" type="email" defaultValue={value("contactEmail")} errors={errors.contactEmail} hint="Staff write here about approval, disputes and payouts." />
      </div>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}

export function TaxFormForm({ action, organizationId, current }: { action: Action; organizationId: string; current: { type: string | null; signedOn: string | null } }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Form"
          name="taxFormType"
          defaultValue={state?.values?.taxFormType ?? current.type ?? ""}
          errors={errors.taxFormType}
          options={[{ value: "", label: "Choose…" }, ...TAX_FORM_TYPES.map((t) => ({ value: t, label: TAX_FORM_LABELS[t] }))]}
        />
        <TextField label="Date signed" name="signedOn" type="date" defaultValue={state?.values?.signedOn ?? current.signedOn ?? ""} errors={errors.signedOn} />
      </div>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Saving…">Record tax form</SubmitButton>
    </form>
  );
}

export function RejectForm({ action, organizationId }: { action: Action; organizationId: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="organizationId" value={organizationId} />
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">What must change</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          defaultValue={state?.values?.reason ?? ""}
          placeholder="The owners receive this by mail and see it in the portal."
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        {state?.fieldErrors?.reason ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.reason.join(" ")}</p> : null}
      </div>
      <FormAlert state={state} />
      <SubmitButton variant="danger" pendingLabel="Sending…">Send back for changes</SubmitButton>
    </form>
  );
}
