"use client";

import { useActionState, useState } from "react";
import { approveDistributionRunAction } from "@/app/_actions/distribution";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";
import { Button } from "../ui/button";

/**
 * ADMIN: approve a calculated run in two steps, the second saying what approval does, because
 * it cannot be undone: the figures become final and the payouts go out.
 */
export function ApproveRunForm({ runId, quarterLabel, paid, payees }: { runId: string; quarterLabel: string; paid: string; payees: number }) {
  const [state, action] = useActionState(approveDistributionRunAction, null);
  const [isConfirming, setConfirming] = useState(false);
  if (state?.ok) return <FormAlert state={state} />;
  if (!isConfirming) {
    return (
      <div className="space-y-3">
        <FormAlert state={state} />
        <Button type="button" onClick={() => setConfirming(true)}>Approve this run…</Button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="approve-confirm">
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="confirm" value="final" />
      <p className="text-sm text-amber-900">
        Approving {quarterLabel} is final. Its figures can never be changed or recalculated again; the quarter&apos;s usage reports are
        locked (later uploads become adjustments for the next run); {paid} is transferred to {payees} payee{payees === 1 ? "" : "s"} through
        Stripe; and every payee is told their statement is ready.
      </p>
      <FormAlert state={state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Approving…">Yes, approve and pay</SubmitButton>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button>
      </div>
    </form>
  );
}
