"use client";

import { startTransition, useActionState, useState } from "react";
import { setWorksSuspensionAction } from "@/app/_actions/staff-works";
import { SelectAllOnPage, useCheckboxSelection } from "../forms/checkbox-selection";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";

/**
 * The results table with a checkbox per work (named "workId", rendered by the page) and a toolbar
 * to suspend the ticked works, or lift their suspension, with one reason (ADMIN). Submitted by
 * hand, so a refusal keeps what was ticked and typed.
 */
export function WorksSelectionForm({ children, maxWorks }: { children: React.ReactNode; maxWorks: number }) {
  const [state, action, isPending] = useActionState(setWorksSuspensionAction, null);
  const { formRef, recount, setAll, selected, isAll } = useCheckboxSelection("workId");
  const [intent, setIntent] = useState<"suspend" | "unsuspend">("suspend");
  const [answered, setAnswered] = useState({ state, successes: 0 });
  if (answered.state !== state) setAnswered({ state, successes: answered.successes + (state?.ok ? 1 : 0) });
  const errors = state?.fieldErrors ?? {};
  const works = selected === 1 ? "1 work" : `${selected} works`;

  return (
    <form
      ref={formRef}
      onChange={recount}
      onSubmit={(event) => {
        event.preventDefault();
        // The button pressed says which: its name and value go with the form.
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        setIntent(data.get("intent") === "unsuspend" ? "unsuspend" : "suspend");
        startTransition(() => action(data));
      }}
    >
      <SelectAllOnPage label="Select every work on this page" selected={selected} isAll={isAll} setAll={setAll} />
      {children}
      <div className="mt-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
          <div className="flex-1">
            <label htmlFor="bulk-reason" className="block text-sm font-medium text-slate-800">Reason (kept in each work&apos;s history)</label>
            <input key={answered.successes} id="bulk-reason" name="reason" maxLength={500} placeholder="Rights under review after a takedown request, …" aria-invalid={errors.reason ? true : undefined} className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
          </div>
          <div className="flex gap-2">
            <Button type="submit" name="intent" value="suspend" variant="danger" disabled={isPending || selected === 0}>
              {isPending && intent === "suspend" ? "Suspending…" : `Suspend ${works}`}
            </Button>
            <Button type="submit" name="intent" value="unsuspend" variant="secondary" disabled={isPending || selected === 0}>
              {isPending && intent === "unsuspend" ? "Lifting…" : `Lift suspension of ${works}`}
            </Button>
          </div>
        </div>
        {errors.reason ? <p className="mt-1 text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
        {errors.workIds ? <p className="mt-1 text-sm text-red-700">{errors.workIds.join(" ")}</p> : null}
        <p className="mt-2 text-xs text-slate-500">
          A suspended work is out of the repertoire: licensees are not covered for it and usage reported meanwhile earns no royalties. Up to {maxWorks} works at a time; merged works and works already in that state are left as they are.
        </p>
        <div className="mt-3"><FormAlert state={state} /></div>
      </div>
    </form>
  );
}
