"use client";

import { ProgressBar } from "../imports/progress-bar";
import { usePolledProgress } from "../uploads/use-polled-progress";

type Progress = { id: string; status: "RECEIVED" | "PROCESSING" | "PROCESSED" | "FAILED" | "REPLACED"; percent: number; errorMessage: string | null };

const isActive = (p: Progress) => p.status === "RECEIVED" || p.status === "PROCESSING";

/** While the job reads the report: its progress; when it ends, the page is drawn again with the outcome. */
export function UsageReportProgress({ initial }: { initial: Progress }) {
  const { progress, isOffline } = usePolledProgress(`/api/usage-reports/${initial.id}`, initial, isActive);
  return (
    <div className="space-y-2" data-testid="usage-progress">
      <p className="text-sm font-medium text-slate-900" aria-live="polite">
        {progress.status === "RECEIVED" ? "Waiting to start: reading begins within a few seconds." : isActive(progress) ? `Reading and matching… ${progress.percent}%` : "Done."}
      </p>
      <ProgressBar percent={progress.percent} label="Report progress" />
      {isOffline ? <p className="text-xs text-amber-700">Can&apos;t reach the server; retrying…</p> : null}
    </div>
  );
}
