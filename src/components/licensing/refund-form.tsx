"use client";

import { useActionState, useState } from "react";
import { refundLicenseAction } from "@/app/_actions/licensing";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { centsToDollarInput, refundableCents, suggestedRefundCents } from "@/lib/licensing/refund-rules";
import { formatCents } from "@/lib/pricing/price-license";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

type Props = {
  grantId: string;
  /** One per page shown: Stripe's idempotency key for this refund, so a retried submit never refunds twice. */
  requestKey: string;
  startsOn: string;
  endsOn: string;
  termDays: number;
  paidCents: string;
  refundedCents: string;
  currency: string;
  today: string;
};

const INPUT = "mt-1 block rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/**
 * The refund form (ADMIN). The amount suggested is the unused part of the term from the day the
 * license stops covering (today, or the new end), pro rata by day (src/lib/licensing/refund-rules),
 * recomputed as the choice changes until staff type their own.
 */
export function RefundForm(props: Props) {
  const [state, action] = useActionState(refundLicenseAction, null);
  // React resets a form's inputs after its action; the fields are remounted on every answer so
  // what they show and what they hold stay the same (blank after a refund, as typed after a refusal).
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return <RefundFields key={answered.count} {...props} state={state} action={action} />;
}

function RefundFields({ state, action, ...props }: Props & { state: FormState; action: (formData: FormData) => void }) {
  const errors = state?.fieldErrors ?? {};
  const kept = state?.ok ? undefined : state?.values;
  const [effect, setEffect] = useState(kept?.effect ?? "REVOKE");
  const [endsOn, setEndsOn] = useState(kept?.endsOn ?? "");
  const [typedAmount, setTypedAmount] = useState<string | null>(kept?.amount ?? null);
  const basis = { paidCents: BigInt(props.paidCents), refundedCents: BigInt(props.refundedCents), startsOn: props.startsOn, termDays: props.termDays };
  const coverageEndsOn = effect === "SHORTEN" && /^\d{4}-\d{2}-\d{2}$/.test(endsOn) ? endsOn : props.today;
  const suggested = suggestedRefundCents({ ...basis, coverageEndsOn });
  const max = refundableCents(basis);
  const minEnd = props.startsOn > props.today ? props.startsOn : props.today;
  return (
    <form action={action} className="space-y-4" data-testid="refund-form">
      <input type="hidden" name="grantId" value={props.grantId} />
      <input type="hidden" name="requestKey" value={kept?.requestKey ?? props.requestKey} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What happens to the license</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${effect === "REVOKE" ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300"}`}>
            <input type="radio" name="effect" value="REVOKE" checked={effect === "REVOKE"} onChange={() => setEffect("REVOKE")} className="mt-0.5" />
            <span><span className="block font-medium text-slate-900">Revoke now</span><span className="block text-slate-600">Not covered from today, {formatDay(props.today)}. The original end stays on record.</span></span>
          </label>
          <label className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${effect === "SHORTEN" ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300"}`}>
            <input type="radio" name="effect" value="SHORTEN" checked={effect === "SHORTEN"} onChange={() => setEffect("SHORTEN")} className="mt-0.5" />
            <span><span className="block font-medium text-slate-900">Shorten the term</span><span className="block text-slate-600">Covered until the day before the new end; now it ends {formatDay(props.endsOn)}.</span></span>
          </label>
        </div>
        {errors.effect ? <p className="mt-1 text-sm text-red-700">{errors.effect.join(" ")}</p> : null}
      </fieldset>
      {effect === "SHORTEN" ? (
        <div>
          <label htmlFor="endsOn" className="block text-sm font-medium text-slate-800">New end (the first day no longer covered)</label>
          <input id="endsOn" name="endsOn" type="date" min={minEnd} max={props.endsOn} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} aria-invalid={errors.endsOn ? true : undefined} className={INPUT} />
          {errors.endsOn ? <p className="mt-1 text-sm text-red-700">{errors.endsOn.join(" ")}</p>
            : <p className="mt-1 text-xs text-slate-500">{/^\d{4}-\d{2}-\d{2}$/.test(endsOn) ? `Last covered day: ${formatDay(lastDayOf({ endsOn }))}.` : `From ${formatDay(minEnd)} on.`}</p>}
        </div>
      ) : null}
      <div>
        <label htmlFor="amount" className="block text-sm font-medium text-slate-800">Amount to refund ({props.currency})</label>
        <input
          id="amount" name="amount" inputMode="decimal" value={typedAmount ?? centsToDollarInput(suggested)} onChange={(e) => setTypedAmount(e.target.value)}
          aria-invalid={errors.amount ? true : undefined} className={`${INPUT} w-40 text-right`}
        />
        {errors.amount ? <p className="mt-1 text-sm text-red-700">{errors.amount.join(" ")}</p> : (
          <p className="mt-1 text-xs text-slate-500">
            Suggested: {formatCents(suggested, props.currency)}, the unused part of the term, pro rata by day. At most {formatCents(max, props.currency)}.
            Enter 0.00 to change the term without refunding (after a refund made in Stripe).
            {typedAmount !== null ? <> <button type="button" className="text-brand-700 underline" onClick={() => setTypedAmount(null)}>Use the suggestion</button></> : null}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">Reason</label>
        <textarea id="reason" name="reason" rows={2} defaultValue={kept?.reason ?? ""} aria-invalid={errors.reason ? true : undefined} placeholder="Why the money goes back (kept with the refund, and mailed to the licensee)" className={`${INPUT} w-full`} />
        {errors.reason ? <p className="mt-1 text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
      </div>
      <FormAlert state={state} />
      <SubmitButton variant="danger" pendingLabel="Refunding…">Refund and {effect === "SHORTEN" ? "shorten the term" : "revoke the license"}</SubmitButton>
    </form>
  );
}
