"use client";

import { useActionState, useState } from "react";
import { createApiKeyAction } from "@/app/_actions/api-keys";
import { FormAlert } from "../forms/form-alert";
import { SelectField, TextField } from "../forms/fields";
import { SubmitButton } from "../forms/submit-button";
import { NewKeyReveal } from "./new-key-reveal";

export type ScopeOption = { value: string; label: string; description: string };

const EXPIRY_OPTIONS = [
  { value: "never", label: "Never (until revoked)" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

export function CreateApiKeyForm({ organizationId, scopes }: { organizationId: string; scopes: ScopeOption[] }) {
  const [state, action] = useActionState(createApiKeyAction, null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state?.ok ? state.createdKey : undefined;
  if (created && dismissed !== created.id) {
    return <NewKeyReveal name={created.name} secret={created.secret} onDone={() => setDismissed(created.id)} />;
  }
  const chosen = state?.values?.scopes?.split(",") ?? null;
  return (
    // The key is keyed by the last result, so a fresh form (empty name) follows each created key.
    <form key={created?.id ?? "new"} action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert state={state} /> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <TextField
          label="Name"
          name="name"
          placeholder="e.g. Catalogue sync"
          maxLength={80}
          autoComplete="off"
          defaultValue={state?.ok ? "" : state?.values?.name}
          errors={state?.fieldErrors?.name}
          hint="The system that will use it, so you can tell keys apart."
        />
        <SelectField label="Expires" name="expiresIn" defaultValue={state?.values?.expiresIn ?? "never"} errors={state?.fieldErrors?.expiresIn} options={EXPIRY_OPTIONS} />
      </div>
      <fieldset aria-describedby={state?.fieldErrors?.scopes ? "scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Permissions</legend>
        <p className="mt-0.5 text-xs text-slate-500">Give a key only what its system needs.</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {scopes.map((scope) => (
            <label
              key={scope.value}
              className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500/50"
            >
              <input
                type="checkbox"
                name="scopes"
                value={scope.value}
                defaultChecked={chosen ? chosen.includes(scope.value) : false}
                className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">{scope.label}</span>
                <code className="text-xs text-slate-500">{scope.value}</code>
                <span className="mt-0.5 block text-xs text-slate-600">{scope.description}</span>
              </span>
            </label>
          ))}
        </div>
        {state?.fieldErrors?.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.scopes.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
    </form>
  );
}
