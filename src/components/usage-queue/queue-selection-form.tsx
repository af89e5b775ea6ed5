"use client";

import { startTransition, useActionState, useState } from "react";
import { rejectUsageLinesAction } from "@/app/_actions/usage-queue";
import { SelectAllOnPage, useCheckboxSelection } from "../forms/checkbox-selection";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";

const INPUT = "block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/**
 * The queue table with a checkbox per group (named "key", rendered by the page) and a toolbar to
 * reject the selected groups at once (ADMIN). Submitted by hand rather than through the form's
 * action, so a refusal (no reason given) keeps what was ticked: React resets a form after its action.
 */
export function QueueSelectionForm({ children }: { children: React.ReactNode }) {
  const [state, action, isPending] = useActionState(rejectUsageLinesAction, null);
  const { formRef, recount, setAll, clear, selected, isAll } = useCheckboxSelection("key");
  // After a rejection the decided rows leave the page: the count starts again from zero and the
  // reason field is remounted empty (keyed by the number of successes).
  const [answered, setAnswered] = useState({ state, successes: 0 });
  if (answered.state !== state) {
    setAnswered({ state, successes: answered.successes + (state?.ok ? 1 : 0) });
    if (state?.ok) clear();
  }

  const errors = state?.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      onChange={recount}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <SelectAllOnPage label="Select every group on this page" selected={selected} isAll={isAll} setAll={setAll} />
      {children}
      <div className="mt-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="reject-reason" className="block text-sm font-medium text-slate-800">Reason for rejecting the selected groups</label>
            <input key={answered.successes} id="reject-reason" name="reason" maxLength={500} placeholder="Not a work of the repertoire: internal documents, public domain, …" aria-invalid={errors.reason ? true : undefined} className={`mt-1 ${INPUT}`} />
          </div>
          <Button type="submit" variant="danger" disabled={isPending || selected === 0}>
            {isPending ? "Rejecting…" : `Reject ${selected === 1 ? "1 group" : `${selected} groups`}`}
          </Button>
        </div>
        {errors.reason ? <p className="mt-1 text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
        {errors.keys ? <p className="mt-1 text-sm text-red-700">{errors.keys.join(" ")}</p> : null}
        <p className="mt-2 text-xs text-slate-500">Rejected lines count toward no royalties; the licensee sees the reason &ldquo;not matched&rdquo;, and later reports with the same identifier or title are rejected too.</p>
        <div className="mt-3"><FormAlert state={state} /></div>
      </div>
    </form>
  );
}
