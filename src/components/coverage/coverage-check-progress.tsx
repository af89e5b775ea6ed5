"use client";

import { formatCount, formatDuration } from "../imports/import-status";
import { ProgressBar } from "../imports/progress-bar";
import { Badge } from "../ui/badge";
import { buttonClasses } from "../ui/button";
import { usePolledProgress } from "../uploads/use-polled-progress";
import { REASON_LABEL, REASON_TONE, type ReasonCode } from "./coverage-labels";

/** What GET /api/coverage-checks/[id] answers (coverageCheckJson). */
export type CoverageCheckProgressValue = {
  id: string;
  status: "QUEUED" | "PROCESSING" | "COMPLETED" | "FAILED";
  percent: number;
  lineCount: number | null;
  counts: { covered: number; notCovered: number; invalid: number };
  reasons: Partial<Record<ReasonCode, number>>;
  errorMessage: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  links: { self: string; result?: string };
};

const STATUS = {
  QUEUED: { tone: "neutral", label: "Waiting to start" },
  PROCESSING: { tone: "brand", label: "Checking" },
  COMPLETED: { tone: "green", label: "Done" },
  FAILED: { tone: "red", label: "Stopped" },
} as const;

const isActive = (p: CoverageCheckProgressValue) => p.status === "QUEUED" || p.status === "PROCESSING";

function headline(p: CoverageCheckProgressValue): string {
  switch (p.status) {
    case "QUEUED":
      return "Waiting to start: the check begins within a few seconds.";
    case "PROCESSING":
      return p.percent < 60 ? `Reading the file… ${p.percent}%` : `Answering… ${p.percent}%`;
    case "COMPLETED": {
      const took = p.startedAt && p.finishedAt ? (Date.parse(p.finishedAt) - Date.parse(p.startedAt)) / 1000 : null;
      return `Done: ${formatCount(p.lineCount ?? 0)} identifier${p.lineCount === 1 ? "" : "s"} checked${took === null ? "" : ` in ${formatDuration(took)}`}.`;
    }
    case "FAILED":
      return "The check stopped.";
  }
}

/** The check's progress while it runs, then its answers: counts per reason and the result file. */
export function CoverageCheckProgress({ initial }: { initial: CoverageCheckProgressValue }) {
  const { progress, isOffline } = usePolledProgress(`/api/coverage-checks/${initial.id}`, initial, isActive);
  const { status } = progress;
  const total = progress.lineCount ?? 0;
  const reasons = (Object.entries(progress.reasons) as [ReasonCode, number][]).sort((a, b) => b[1] - a[1]);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-900" aria-live="polite" data-testid="coverage-check-headline">{headline(progress)}</p>
          <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
        </div>
        <ProgressBar percent={progress.percent} label="Check progress" tone={status === "FAILED" ? "red" : status === "COMPLETED" ? "green" : "brand"} />
        {isOffline ? <p className="text-xs text-amber-700">Can&apos;t reach the server; retrying…</p> : null}
      </div>
      {status === "FAILED" && progress.errorMessage ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{progress.errorMessage}</p>
      ) : null}
      {status === "COMPLETED" ? (
        <>
          <dl className="grid gap-3 sm:grid-cols-3" data-testid="coverage-check-counts">
            {[
              { label: "Covered", value: progress.counts.covered, tone: "text-emerald-700" },
              { label: "Not covered", value: progress.counts.notCovered, tone: "text-red-700" },
              { label: "Unreadable lines", value: progress.counts.invalid, tone: "text-slate-700" },
            ].map((c) => (
              <div key={c.label} className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{c.label}</dt>
                <dd className={`mt-1 text-2xl font-semibold tabular-nums ${c.tone}`}>{formatCount(c.value)}</dd>
              </div>
            ))}
          </dl>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">By reason</h3>
            <ul className="mt-3 space-y-2.5">
              {reasons.map(([reason, count]) => (
                <li key={reason} className="grid grid-cols-[11rem_minmax(0,1fr)_5rem] items-center gap-3 text-sm">
                  <span className="justify-self-start"><Badge tone={REASON_TONE[reason]}>{REASON_LABEL[reason]}</Badge></span>
                  <ProgressBar percent={total > 0 ? (count * 100) / total : 0} label={`${REASON_LABEL[reason]} share`} tone={reason === "COVERED" ? "green" : reason === "INVALID" ? "brand" : "red"} />
                  <span className="text-right tabular-nums text-slate-700">{formatCount(count)}</span>
                </li>
              ))}
            </ul>
          </div>
          {progress.links.result ? (
            <a href={progress.links.result} className={buttonClasses("primary")} download>Download the answers (CSV)</a>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
