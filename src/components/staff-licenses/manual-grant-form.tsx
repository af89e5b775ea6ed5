"use client";

import { useActionState, useState } from "react";
import { grantLicenseManuallyAction } from "@/app/_actions/staff-licenses";
import { formatDay } from "@/lib/dates";
import { lastDayOf, termFrom } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { useAnsweredKey } from "./answered-key";
import { ReasonField } from "./reason-field";

type Props = {
  organizationId: string;
  /** The fee by the price schedule in force today, in cents, or null when it gives none. */
  scheduleFeeCents: string | null;
  currency: string;
  startDays: { value: string; label: string }[];
  defaultTermMonths: number;
  maxTermMonths: number;
};

const INPUT = "mt-1 block rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

function FieldError({ messages }: { messages?: string[] }) {
  return messages?.length ? <p className="mt-1 text-sm text-red-700">{messages.join(" ")}</p> : null;
}

/** The form of a license granted by hand (ADMIN); on success the action opens the new license. */
export function ManualGrantForm(props: Props) {
  const [state, action] = useActionState(grantLicenseManuallyAction, null);
  const key = useAnsweredKey(state);
  return <ManualGrantFields key={key} {...props} state={state} action={action} />;
}

function ManualGrantFields({ state, action, ...props }: Props & { state: FormState; action: (formData: FormData) => void }) {
  const kept = state?.values;
  const errors = state?.fieldErrors ?? {};
  const [startsOn, setStartsOn] = useState(kept?.startsOn ?? props.startDays[0]!.value);
  const [months, setMonths] = useState(kept?.termMonths ?? String(props.defaultTermMonths));
  const [override, setOverride] = useState(kept?.feeOverride ?? "");
  const monthCount = Number(months);
  const term = Number.isInteger(monthCount) && monthCount >= 1 && monthCount <= props.maxTermMonths ? termFrom(startsOn, monthCount) : null;
  const scheduleFee = props.scheduleFeeCents === null ? null : BigInt(props.scheduleFeeCents);
  return (
    <form action={action} className="space-y-5" data-testid="manual-grant-form">
      <input type="hidden" name="organizationId" value={props.organizationId} />
      <input type="hidden" name="quotedFeeCents" value={props.scheduleFeeCents ?? "0"} />
      <FieldError messages={errors.organizationId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Start</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {props.startDays.map((d) => (
            <label key={d.value} className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ${startsOn === d.value ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300"}`}>
              <input type="radio" name="startsOn" value={d.value} checked={startsOn === d.value} onChange={() => setStartsOn(d.value)} /> {d.label}
            </label>
          ))}
        </div>
        <FieldError messages={errors.startsOn} />
      </fieldset>
      <div>
        <label htmlFor="termMonths" className="block text-sm font-medium text-slate-800">Term in months</label>
        <input id="termMonths" name="termMonths" inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} aria-invalid={errors.termMonths ? true : undefined} className={`${INPUT} w-24 text-right`} />
        {errors.termMonths ? <FieldError messages={errors.termMonths} /> : (
          <p className="mt-1 text-xs text-slate-500">{term ? `Covered ${formatDay(term.startsOn)} – ${formatDay(lastDayOf(term))} (${term.termDays} days).` : `1 to ${props.maxTermMonths} months; the plan sells ${props.defaultTermMonths}.`}</p>
        )}
      </div>
      <div className="rounded-lg bg-slate-50 p-3 text-sm">
        <p className="text-slate-700">
          Fee by the price schedule in force today: <span className="font-semibold tabular-nums text-slate-900">{scheduleFee === null ? "none for this organisation" : formatCents(scheduleFee, props.currency)}</span>
          {scheduleFee !== null ? ` for ${props.defaultTermMonths} months; for another term, type the agreed fee.` : "; type the agreed fee."}
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="feeOverride" className="block text-sm font-medium text-slate-800">Agreed fee ({props.currency}){scheduleFee === null ? "" : ", if different"}</label>
            <input id="feeOverride" name="feeOverride" inputMode="decimal" value={override} onChange={(e) => setOverride(e.target.value)} placeholder={scheduleFee === null ? "e.g. 25000.00" : "Leave empty for the schedule's fee"} aria-invalid={errors.feeOverride ? true : undefined} className={`${INPUT} w-full text-right`} />
            <FieldError messages={errors.feeOverride} />
          </div>
          {override.trim() !== "" || errors.feeOverrideReason ? (
            <ReasonField name="feeOverrideReason" label="Why the fee differs" defaultValue={kept?.feeOverrideReason} errors={errors.feeOverrideReason} placeholder="The contract's negotiated price, a multi-year discount, …" />
          ) : null}
        </div>
      </div>
      <div>
        <label htmlFor="invoiceReference" className="block text-sm font-medium text-slate-800">Invoice number</label>
        <input id="invoiceReference" name="invoiceReference" maxLength={100} defaultValue={kept?.invoiceReference ?? ""} placeholder="INV-2026-0042" aria-invalid={errors.invoiceReference ? true : undefined} className={`${INPUT} w-64`} />
        {errors.invoiceReference ? <FieldError messages={errors.invoiceReference} /> : <p className="mt-1 text-xs text-slate-500">The invoice the customer paid: grant once its payment has arrived.</p>}
      </div>
      <ReasonField defaultValue={kept?.reason} errors={errors.reason} placeholder="Why this license is granted by hand (kept in the audit log)" />
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Granting…">Grant the license</SubmitButton>
    </form>
  );
}
