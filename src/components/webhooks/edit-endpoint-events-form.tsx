"use client";

import { useActionState } from "react";
import { updateWebhookEndpointAction } from "@/app/_actions/webhooks";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";
import { EventCheckboxes } from "./event-checkboxes";
import type { EventOption } from "./webhook-labels";

/** Which events an endpoint receives, and its description (the URL stays: a new URL is a new endpoint). */
export function EditEndpointEventsForm({ organizationId, endpointId, options, events, description }: { organizationId: string; endpointId: string; options: EventOption[]; events: string[]; description: string }) {
  const [state, action] = useActionState(updateWebhookEndpointAction, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <TextField label="Description" name="description" maxLength={200} defaultValue={state?.values?.description ?? description} errors={state?.fieldErrors?.description} />
      <EventCheckboxes options={options} chosen={events} errors={state?.fieldErrors?.events} />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
