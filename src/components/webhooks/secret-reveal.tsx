"use client";

import { ShownOnce } from "../ui/shown-once";

/** A signing secret, shown once after it is made (like a new API key): copy it now. */
export function SecretReveal({ secret, onDone, isRoll = false }: { secret: string; onDone: () => void; isRoll?: boolean }) {
  return (
    <ShownOnce secret={secret} noun="secret" heading="Copy the signing secret now." testId="webhook-secret" onDone={onDone}>
      It is shown only this once. Your receiver uses it to check that each delivery comes from Clearway. If you lose it, roll
      the secret to get a new one.
      {isRoll ? " The previous secret keeps signing deliveries beside the new one for 24 hours, so you can switch without missing any." : ""}
    </ShownOnce>
  );
}
