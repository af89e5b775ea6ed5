"use client";

import { useActionState, useState } from "react";
import { extendLicenseAction } from "@/app/_actions/staff-licenses";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { useAnsweredKey } from "./answered-key";
import { ReasonField } from "./reason-field";

type Props = { grantId: string; endsOn: string; isRenewing: boolean };

const INPUT = "mt-1 block rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Extend an active license (ADMIN): a later end, at no charge; the fee and its revenue stay as sold. */
export function ExtendForm(props: Props) {
  const [state, action] = useActionState(extendLicenseAction, null);
  const key = useAnsweredKey(state);
  return <ExtendFields key={key} {...props} state={state} action={action} />;
}

function ExtendFields({ grantId, endsOn, isRenewing, state, action }: Props & { state: FormState; action: (formData: FormData) => void }) {
  const kept = state?.ok ? undefined : state?.values;
  const errors = state?.fieldErrors ?? {};
  const [mode, setMode] = useState(kept?.mode ?? "DAYS");
  const [days, setDays] = useState(kept?.days ?? "30");
  const [date, setDate] = useState(kept?.endsOn ?? "");
  const newEnd = mode === "DAYS" ? (/^\d{1,3}$/.test(days) && Number(days) > 0 ? addDays(endsOn, Number(days)) : null) : /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  const radio = (value: string, label: string) => (
    <label className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ${mode === value ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300"}`}>
      <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} /> {label}
    </label>
  );
  return (
    <form action={action} className="space-y-4" data-testid="extend-form">
      <input type="hidden" name="grantId" value={grantId} />
      <input type="hidden" name="expectedEndsOn" value={endsOn} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Extend</legend>
        <div className="mt-2 flex flex-wrap gap-2">{radio("DAYS", "By a number of days")}{radio("DATE", "To a date")}</div>
      </fieldset>
      {mode === "DAYS" ? (
        <div>
          <label htmlFor="extend-days" className="block text-sm font-medium text-slate-800">Days to add</label>
          <input id="extend-days" name="days" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={errors.days ? true : undefined} className={`${INPUT} w-28 text-right`} />
          {errors.days ? <p className="mt-1 text-sm text-red-700">{errors.days.join(" ")}</p> : null}
        </div>
      ) : (
        <div>
          <label htmlFor="extend-date" className="block text-sm font-medium text-slate-800">New end (the first day no longer covered)</label>
          <input id="extend-date" name="endsOn" type="date" min={addDays(endsOn, 1)} value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.endsOn ? true : undefined} className={INPUT} />
          {errors.endsOn ? <p className="mt-1 text-sm text-red-700">{errors.endsOn.join(" ")}</p> : null}
        </div>
      )}
      <p className="text-sm text-slate-700" aria-live="polite">
        {newEnd && newEnd > endsOn ? `Covered until ${formatDay(lastDayOf({ endsOn: newEnd }))} instead of ${formatDay(lastDayOf({ endsOn }))}.` : `Now covered until ${formatDay(lastDayOf({ endsOn }))}.`}
        {" "}The fee stays as sold, so revenue and royalties do not change.{isRenewing ? " Its yearly subscription is cancelled; the licensee can turn auto-renewal on again." : ""}
      </p>
      <ReasonField defaultValue={kept?.reason} errors={errors.reason} placeholder="Why the license runs longer (kept in the audit log, and mailed to the licensee)" />
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Extending…">Extend the license</SubmitButton>
    </form>
  );
}
