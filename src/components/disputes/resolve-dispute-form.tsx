"use client";

import { useActionState, useState } from "react";
import { resolveDisputeAction } from "@/app/_actions/disputes";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

const CHOICES = [
  { value: "ASSIGN_HOLDER", label: "Keep with the holder", help: (h: string) => `The identifier stays on ${h}'s work; the claim ends.` },
  { value: "ASSIGN_CLAIMANT", label: "Assign to the claimant", help: (_h: string, c: string) => `The identifier moves to ${c}'s work.` },
  { value: "CO_OWNERS", label: "Make co-owners", help: (h: string, c: string) => `${c}'s work is merged into ${h}'s, and ${c} receives the share you set.` },
  { value: "REJECT", label: "Reject the claim", help: () => "The claim is unsupported; nothing changes for the holder's work." },
] as const;

export function ResolveDisputeForm({ disputeId, holderName, claimantName }: { disputeId: string; holderName: string; claimantName: string }) {
  const [state, action] = useActionState(resolveDisputeAction, null);
  const [choice, setChoice] = useState<string>(state?.values?.resolution ?? "");
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="disputeId" value={disputeId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {CHOICES.map((c) => (
            <label
              key={c.value}
              className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${choice === c.value ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300 hover:bg-slate-50"}`}
            >
              <input type="radio" name="resolution" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="mt-0.5" />
              <span>
                <span className="block font-medium text-slate-900">{c.label}</span>
                <span className="block text-slate-600">{c.help(holderName, claimantName)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.resolution ? <p className="mt-1 text-sm text-red-700">{errors.resolution.join(" ")}</p> : null}
      </fieldset>
      {choice === "CO_OWNERS" ? (
        <div className="max-w-xs">
          <label htmlFor="claimantSharePercent" className="block text-sm font-medium text-slate-800">
            {claimantName}&apos;s share
          </label>
          <div className="mt-1 flex items-center gap-2">
            <input
              id="claimantSharePercent"
              name="claimantSharePercent"
              inputMode="decimal"
              defaultValue={state?.values?.claimantSharePercent ?? "50"}
              aria-invalid={errors.claimantSharePercent ? true : undefined}
              className="block w-28 rounded-lg border-0 px-3 py-2 text-right text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
            />
            <span className="text-sm text-slate-600">%</span>
          </div>
          {errors.claimantSharePercent ? (
            <p className="mt-1 text-sm text-red-700">{errors.claimantSharePercent.join(" ")}</p>
          ) : (
            <p className="mt-1 text-xs text-slate-500">Taken proportionally from the work&apos;s current owners; up to two decimals.</p>
          )}
        </div>
      ) : null}
      <div>
        <label htmlFor="note" className="block text-sm font-medium text-slate-800">
          Note to both sides
        </label>
        <textarea
          id="note"
          name="note"
          rows={3}
          defaultValue={state?.values?.note ?? ""}
          aria-invalid={errors.note ? true : undefined}
          placeholder="What the decision rests on (the evidence seen, the agreement, …)"
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        {errors.note ? <p className="mt-1 text-sm text-red-700">{errors.note.join(" ")}</p> : <p className="mt-1 text-xs text-slate-500">Both organisations receive it by mail.</p>}
      </div>
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Resolving…">Resolve dispute</SubmitButton>
    </form>
  );
}
