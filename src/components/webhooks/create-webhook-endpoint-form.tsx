"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { createWebhookEndpointAction } from "@/app/_actions/webhooks";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretReveal } from "./secret-reveal";
import type { EventOption } from "./webhook-labels";

export function CreateWebhookEndpointForm({ organizationId, events, basePath }: { organizationId: string; events: EventOption[]; basePath: string }) {
  const [state, action] = useActionState(createWebhookEndpointAction, null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const revealed = state?.ok ? state.revealed : undefined;
  if (revealed && dismissed !== revealed.endpointId) {
    return (
      <div className="space-y-3">
        <SecretReveal secret={revealed.secret} onDone={() => setDismissed(revealed.endpointId)} />
        <p className="text-sm text-slate-600">
          Next: <Link className="font-medium text-brand-700 underline" href={`${basePath}/${revealed.endpointId}`}>open the endpoint</Link> and send it a test event.
        </p>
      </div>
    );
  }
  const chosen = state?.values?.events?.split(",") ?? events.map((e) => e.value);
  return (
    <form key={revealed?.endpointId ?? "new"} action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert state={state} /> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        placeholder="https://example.com/clearway/webhooks"
        autoComplete="off"
        maxLength={2048}
        defaultValue={state?.ok ? "" : state?.values?.url}
        errors={state?.fieldErrors?.url}
        hint="Clearway sends a POST with a JSON body to this address. It must use https."
      />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={200}
        defaultValue={state?.ok ? "" : state?.values?.description}
        errors={state?.fieldErrors?.description}
        hint="What receives these events, so you can tell endpoints apart."
      />
      <EventCheckboxes options={events} chosen={chosen} errors={state?.fieldErrors?.events} />
      <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
    </form>
  );
}
