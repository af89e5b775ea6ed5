"use client";

import { useActionState, useId } from "react";
import { updatePlanDetailsAction } from "@/app/_actions/staff-operations";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

const INPUT = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/** ADMIN edits a plan's name and description, with a reason (code, term and prices stay). */
export function PlanForm({ plan }: { plan: { id: string; name: string; description: string } }) {
  const [state, action] = useActionState(updatePlanDetailsAction, null);
  const id = useId();
  const kept = state?.ok ? undefined : state?.values;
  const errors = state?.fieldErrors ?? {};
  const error = (field: string) => (errors[field] ? <p className="mt-1 text-sm text-red-700">{errors[field].join(" ")}</p> : null);
  return (
    <details className="mt-3 text-sm" open={state !== null && !state.ok}>
      <summary className="cursor-pointer select-none font-medium text-brand-700 hover:underline">Edit name and description</summary>
      <form action={action} className="mt-3 space-y-3" data-testid="plan-form">
        <input type="hidden" name="planId" value={plan.id} />
        <div>
          <label htmlFor={`${id}-name`} className="block font-medium text-slate-800">Name</label>
          <input id={`${id}-name`} name="name" defaultValue={kept?.name ?? plan.name} className={INPUT} />
          {error("name")}
        </div>
        <div>
          <label htmlFor={`${id}-description`} className="block font-medium text-slate-800">Description</label>
          <textarea id={`${id}-description`} name="description" rows={3} defaultValue={kept?.description ?? plan.description} className={INPUT} />
          {error("description") ?? <p className="mt-1 text-xs text-slate-500">Shown on the license terms page; left empty, the terms page uses a standard sentence.</p>}
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium text-slate-800">Reason</label>
          <textarea id={`${id}-reason`} name="reason" rows={1} defaultValue={kept?.reason ?? ""} className={INPUT} />
          {error("reason")}
        </div>
        <FormAlert state={state} />
        <SubmitButton pendingLabel="Saving…">Save the plan</SubmitButton>
      </form>
    </details>
  );
}
