"use client";

import { useActionState, useId, useState } from "react";
import { addSettingValueAction } from "@/app/_actions/staff-operations";
import type { SettingKey } from "@/server/settings/defaults";
import { formatSettingValue, parseSettingInput } from "@/server/settings/settings.schema";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

const INPUT = "mt-1 block rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/**
 * ADMIN's form for a new value of one setting, from a day (today at the earliest). What is typed
 * is read back as it will be stored ("15.5" → 15.5 %), with the same parser the use case runs.
 */
export function SettingValueForm({ settingKey, current, inputHint, today }: { settingKey: SettingKey; current: string; inputHint: string; today: string }) {
  const [state, action] = useActionState(addSettingValueAction, null);
  // Remounted on every answer so the inputs show what the answer says (blank after a save).
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return <Fields key={answered.count} {...{ settingKey, current, inputHint, today, state, action }} />;
}

function Fields({ settingKey, current, inputHint, today, state, action }: { settingKey: SettingKey; current: string; inputHint: string; today: string; state: FormState; action: (formData: FormData) => void }) {
  const id = useId();
  const kept = state?.ok ? undefined : state?.values;
  const errors = state?.fieldErrors ?? {};
  const [typed, setTyped] = useState(kept?.value ?? "");
  const parsed = typed.trim() === "" ? null : parseSettingInput(settingKey, typed);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[10rem_11rem_1fr] sm:items-start" data-testid={`setting-form-${settingKey}`}>
      <input type="hidden" name="key" value={settingKey} />
      <div>
        <label htmlFor={`${id}-value`} className="block text-sm font-medium text-slate-800">New value</label>
        <input id={`${id}-value`} name="value" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={current} aria-invalid={errors.value ? true : undefined} className={`${INPUT} w-full`} />
        {errors.value ? <p className="mt-1 text-sm text-red-700">{errors.value.join(" ")}</p>
          : <p className="mt-1 text-xs text-slate-500">{parsed ? (parsed.ok ? `Reads as ${formatSettingValue(settingKey, parsed.value)}.` : parsed.error) : inputHint}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-800">From</label>
        <input id={`${id}-from`} name="effectiveFrom" type="date" min={today} defaultValue={kept?.effectiveFrom ?? today} aria-invalid={errors.effectiveFrom ? true : undefined} className={`${INPUT} w-full`} />
        {errors.effectiveFrom ? <p className="mt-1 text-sm text-red-700">{errors.effectiveFrom.join(" ")}</p> : <p className="mt-1 text-xs text-slate-500">Today or later.</p>}
      </div>
      <div>
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">Reason</label>
        <textarea id={`${id}-reason`} name="reason" rows={1} defaultValue={kept?.reason ?? ""} placeholder="Why it changes (kept with the value)" aria-invalid={errors.reason ? true : undefined} className={`${INPUT} w-full`} />
        {errors.reason ? <p className="mt-1 text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
      </div>
      <div className="sm:col-span-3 space-y-2">
        <FormAlert state={state} />
        <SubmitButton pendingLabel="Saving…">Add this value</SubmitButton>
      </div>
    </form>
  );
}
