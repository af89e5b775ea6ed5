"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";

/** A signing secret, shown once after it is made (like a new API key): copy it now. */
export function SecretReveal({ secret, onDone, isRoll = false }: { secret: string; onDone: () => void; isRoll?: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const region = useRef<HTMLDivElement>(null);
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
    <div ref={region} tabIndex={-1} className="space-y-4 outline-none" data-testid="webhook-secret">
      <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
        <p className="font-semibold">Copy the signing secret now.</p>
        <p className="mt-1">
          It is shown only this once. Your receiver uses it to check that each delivery comes from Clearway. If you lose it, roll
          the secret to get a new one.
          {isRoll ? " The previous secret keeps signing deliveries beside the new one for 24 hours, so you can switch without missing any." : ""}
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-stretch">
        <code data-testid="webhook-secret-value" className="block min-w-0 flex-1 select-all break-all rounded-lg bg-slate-900 px-3 py-2.5 font-mono text-sm text-emerald-300">
          {secret}
        </code>
        <Button type="button" onClick={copy} className="shrink-0">
          {copied === "yes" ? "Copied" : "Copy secret"}
        </Button>
      </div>
      {copied === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          Your browser did not allow copying. Select the secret above and copy it by hand.
        </p>
      ) : null}
      <Button type="button" variant="secondary" onClick={onDone}>
        I have stored it safely
      </Button>
    </div>
  );
}
