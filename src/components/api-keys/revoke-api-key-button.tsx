"use client";

import { useActionState } from "react";
import { revokeApiKeyAction } from "@/app/_actions/api-keys";
import { SubmitButton } from "../forms/submit-button";

export function RevokeApiKeyButton({ organizationId, apiKeyId, name }: { organizationId: string; apiKeyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, null);
  return (
    <form
      action={action}
      className="flex flex-col items-start sm:items-end"
      onSubmit={(e) => {
        if (!confirm(`Revoke the key "${name}"? Systems using it stop working at once. This can't be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <SubmitButton variant="danger" className="px-3 py-1 text-xs" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
