"use client";

import { useActionState, useState } from "react";
import { deleteWebhookEndpointAction, rollWebhookSecretAction, sendTestWebhookAction, setWebhookEndpointEnabledAction } from "@/app/_actions/webhooks";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";
import { SecretReveal } from "./secret-reveal";

type Target = { organizationId: string; endpointId: string };

function Hidden({ target, extra = {} }: { target: Target; extra?: Record<string, string> }) {
  return (
    <>
      {Object.entries({ ...target, ...extra }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function SendTestEventButton({ target }: { target: Target }) {
  const [state, action] = useActionState(sendTestWebhookAction, null);
  return (
    <form action={action} className="space-y-2">
      <Hidden target={target} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">Send test event</SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}

export function RollSecretForm({ target }: { target: Target }) {
  const [state, action] = useActionState(rollWebhookSecretAction, null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const revealed = state?.ok ? state.revealed : undefined;
  if (revealed && dismissed !== revealed.secret) return <SecretReveal secret={revealed.secret} isRoll onDone={() => setDismissed(revealed.secret)} />;
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={(e) => {
        if (!confirm("Roll the signing secret? The current one keeps signing beside the new one for 24 hours, then stops.")) e.preventDefault();
      }}
    >
      <Hidden target={target} />
      <SubmitButton variant="secondary" pendingLabel="Rolling…">Roll secret</SubmitButton>
      {state && !state.ok ? <FormAlert state={state} /> : null}
    </form>
  );
}

export function ToggleEndpointButton({ target, isEnabled }: { target: Target; isEnabled: boolean }) {
  const [state, action] = useActionState(setWebhookEndpointEnabledAction, null);
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={(e) => {
        if (isEnabled && !confirm("Disable this endpoint? Nothing more is sent to it; deliveries still waiting are marked failed and can be resent later.")) e.preventDefault();
      }}
    >
      <Hidden target={target} extra={{ isEnabled: String(!isEnabled) }} />
      <SubmitButton variant={isEnabled ? "danger" : "primary"} pendingLabel="Saving…">{isEnabled ? "Disable" : "Enable"}</SubmitButton>
      {state && !state.ok ? <FormAlert state={state} /> : null}
    </form>
  );
}

export function DeleteEndpointButton({ target, area, url }: { target: Target; area: "licensee" | "rightsholder"; url: string }) {
  const [state, action] = useActionState(deleteWebhookEndpointAction, null);
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={(e) => {
        if (!confirm(`Delete the endpoint ${url}? Its delivery history goes with it. This can't be undone.`)) e.preventDefault();
      }}
    >
      <Hidden target={target} extra={{ area }} />
      <SubmitButton variant="danger" pendingLabel="Deleting…">Delete endpoint</SubmitButton>
      {state && !state.ok ? <FormAlert state={state} /> : null}
    </form>
  );
}
