"use client";

import { usePolledProgress } from "../uploads/use-polled-progress";
import { ImportCounts, type ImportCountsValue } from "./import-counts";
import { ImportStatusBadge, formatCount, formatDuration, type ImportStatusValue } from "./import-status";
import { ProgressBar } from "./progress-bar";

export type ImportProgressValue = {
  id: string;
  status: ImportStatusValue;
  isActive: boolean;
  percent: number;
  processedRows: number;
  counts: ImportCountsValue;
  errorMessage: string | null;
  /** ISO times (JSON), for how long it took. */
  startedAt: string | null;
  finishedAt: string | null;
};

function headline(progress: ImportProgressValue): string {
  const rows = `${formatCount(progress.processedRows)} row${progress.processedRows === 1 ? "" : "s"}`;
  switch (progress.status) {
    case "UPLOADING":
    case "QUEUED":
      return "Waiting to start: the import begins within a few seconds.";
    case "PROCESSING":
      return `Importing… ${progress.percent}% of the file read, ${rows} done.`;
    case "COMPLETED": {
      const took = progress.startedAt && progress.finishedAt ? (Date.parse(progress.finishedAt) - Date.parse(progress.startedAt)) / 1000 : null;
      return `Done: ${rows} read${took === null ? "" : ` in ${formatDuration(took)}`}.`;
    }
    case "FAILED":
      return `Stopped after ${rows}.`;
  }
}

/**
 * The import's progress bar and counts. While the import runs it asks the server every second
 * (the state lives in the database, so a reload or another tab shows the same); when it ends,
 * the page is rendered again with the final outcome and the error list.
 */
export function ImportLiveProgress({ initial }: { initial: ImportProgressValue }) {
  const { progress, isOffline } = usePolledProgress(`/api/works-imports/${initial.id}`, initial, (p) => p.isActive);
  const tone = progress.status === "FAILED" ? "red" : progress.status === "COMPLETED" ? "green" : "brand";
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-900" aria-live="polite" data-testid="import-headline">
            {headline(progress)}
          </p>
          <ImportStatusBadge status={progress.status} />
        </div>
        <ProgressBar percent={progress.percent} label="Import progress" tone={tone} />
        {isOffline ? <p className="text-xs text-amber-700">Can&apos;t reach the server; retrying…</p> : null}
      </div>
      {progress.status === "FAILED" && progress.errorMessage ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" data-testid="import-failure">
          {progress.errorMessage}
        </p>
      ) : null}
      <ImportCounts counts={progress.counts} />
    </div>
  );
}
