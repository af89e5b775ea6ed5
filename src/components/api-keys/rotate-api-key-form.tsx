"use client";

import { useActionState, useState } from "react";
import { rotateApiKeyAction } from "@/app/_actions/api-keys";
import { SubmitButton } from "../forms/submit-button";
import { NewKeyReveal } from "./new-key-reveal";

const GRACE = [
  { value: "24", label: "old key works 24 h more" },
  { value: "1", label: "old key works 1 h more" },
  { value: "168", label: "old key works 7 days more" },
  { value: "0", label: "old key stops now" },
];

/** Rotate: a new secret with the same name and permissions; the old one stops after the grace chosen. */
export function RotateApiKeyForm({ organizationId, apiKeyId, name }: { organizationId: string; apiKeyId: string; name: string }) {
  const [state, action] = useActionState(rotateApiKeyAction, null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state?.ok ? state.createdKey : undefined;
  if (created && dismissed !== created.id) {
    return (
      <div className="w-full sm:w-[28rem]">
        <NewKeyReveal name={created.name} secret={created.secret} onDone={() => setDismissed(created.id)} />
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col items-start gap-1 sm:items-end" aria-label={`Rotate ${name}`}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <div className="flex items-center gap-2">
        <select name="graceHours" aria-label="When the old key stops" defaultValue="24" className="rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300">
          {GRACE.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select>
        <SubmitButton variant="secondary" className="px-3 py-1 text-xs" pendingLabel="Rotating…">Rotate</SubmitButton>
      </div>
      {state && !state.ok ? <p role="alert" className="text-xs text-red-700">{state.message}</p> : null}
    </form>
  );
}
