"use client";

import { useActionState } from "react";
import { resendWebhookDeliveryAction } from "@/app/_actions/webhooks";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

/** Sends the same event (same id, same body) to the endpoint again, as a new delivery. */
export function ResendDeliveryButton({ organizationId, deliveryId }: { organizationId: string; deliveryId: string }) {
  const [state, action] = useActionState(resendWebhookDeliveryAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingLabel="Resending…">Resend</SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}
