"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";

/** The new key, shown once: copy it now, because the portal keeps only its fingerprint. */
export function NewKeyReveal({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const region = useRef<HTMLDivElement>(null);
  // The key replaces the form: bring it into view and to the screen reader's attention.
  useEffect(() => region.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div ref={region} tabIndex={-1} className="space-y-4 outline-none" data-testid="new-api-key">
      <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
        <p className="font-semibold">Copy your new key “{name}” now.</p>
        <p className="mt-1">
          This is the only time it is shown. We store only a fingerprint of it, so nobody, not even staff, can show it
          to you again. If you lose it, revoke it and create another.
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-stretch">
        <code
          data-testid="new-api-key-value"
          className="block min-w-0 flex-1 select-all break-all rounded-lg bg-slate-900 px-3 py-2.5 font-mono text-sm text-emerald-300"
        >
          {secret}
        </code>
        <Button type="button" onClick={copy} className="shrink-0">
          {copied === "yes" ? "Copied" : "Copy key"}
        </Button>
      </div>
      {copied === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          Your browser did not allow copying. Select the key above and copy it by hand.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={onDone}>
          I have stored it safely
        </Button>
        <p className="text-xs text-slate-500">Keep it in a secret store or environment variable, never in code or chat.</p>
      </div>
    </div>
  );
}
