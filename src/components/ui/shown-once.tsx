"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "./button";

/**
 * A secret the portal shows exactly once (a new API key, a webhook signing secret): the warning,
 * the value with a copy button, and "I have stored it safely". It replaces the form that made it,
 * so it takes the focus, bringing it into view and to the screen reader's attention.
 */
export function ShownOnce({ secret, noun, heading, testId, onDone, children, hint }: {
  secret: string;
  /** What the secret is called in the buttons and messages: "key", "secret". */
  noun: string;
  heading: React.ReactNode;
  /** `testId` on the whole, `${testId}-value` on the value. */
  testId: string;
  onDone: () => void;
  /** Why it is shown once and what to do if it is lost. */
  children: React.ReactNode;
  /** A line beside the done button. */
  hint?: React.ReactNode;
}) {
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
    <div ref={region} tabIndex={-1} className="space-y-4 outline-none" data-testid={testId}>
      <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
        <p className="font-semibold">{heading}</p>
        <p className="mt-1">{children}</p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-stretch">
        <code data-testid={`${testId}-value`} className="block min-w-0 flex-1 select-all break-all rounded-lg bg-slate-900 px-3 py-2.5 font-mono text-sm text-emerald-300">
          {secret}
        </code>
        <Button type="button" onClick={copy} className="shrink-0">
          {copied === "yes" ? "Copied" : `Copy ${noun}`}
        </Button>
      </div>
      {copied === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          Your browser did not allow copying. Select the {noun} above and copy it by hand.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={onDone}>
          I have stored it safely
        </Button>
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      </div>
    </div>
  );
}
