"use client";

import { useActionState } from "react";
import { revokeLicenseAction } from "@/app/_actions/staff-licenses";
import { formatDay } from "@/lib/dates";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { useAnsweredKey } from "./answered-key";
import { ReasonField } from "./reason-field";

/** Revoke an active license from today (ADMIN). No money moves; a refund is its own form. */
export function RevokeForm({ grantId, endsOn, today, isRenewing }: { grantId: string; endsOn: string; today: string; isRenewing: boolean }) {
  const [state, action] = useActionState(revokeLicenseAction, null);
  const key = useAnsweredKey(state);
  return <RevokeFields key={key} grantId={grantId} endsOn={endsOn} today={today} isRenewing={isRenewing} state={state} action={action} />;
}

function RevokeFields({ grantId, endsOn, today, isRenewing, state, action }: { grantId: string; endsOn: string; today: string; isRenewing: boolean; state: FormState; action: (formData: FormData) => void }) {
  const kept = state?.ok ? undefined : state?.values;
  return (
    <form action={action} className="space-y-4" data-testid="revoke-form">
      <input type="hidden" name="grantId" value={grantId} />
      <input type="hidden" name="expectedEndsOn" value={endsOn} />
      <p className="text-sm text-slate-700">
        Not covered from today, {formatDay(today)}; what was used before stays licensed. The original end stays on record.
        {isRenewing ? " Its yearly subscription is cancelled, so nothing more is charged." : ""}
      </p>
      <ReasonField defaultValue={kept?.reason} errors={state?.fieldErrors?.reason} placeholder="Why the license ends now (kept in the audit log, and mailed to the licensee)" />
      <FormAlert state={state} />
      <SubmitButton variant="danger" pendingLabel="Revoking…">Revoke the license</SubmitButton>
    </form>
  );
}
