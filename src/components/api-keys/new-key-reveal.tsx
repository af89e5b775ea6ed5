"use client";

import { ShownOnce } from "../ui/shown-once";

/** The new key, shown once: copy it now, because the portal keeps only its fingerprint. */
export function NewKeyReveal({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <ShownOnce
      secret={secret}
      noun="key"
      heading={<>Copy your new key “{name}” now.</>}
      testId="new-api-key"
      onDone={onDone}
      hint="Keep it in a secret store or environment variable, never in code or chat."
    >
      This is the only time it is shown. We store only a fingerprint of it, so nobody, not even staff, can show it to you again.
      If you lose it, revoke it and create another.
    </ShownOnce>
  );
}
