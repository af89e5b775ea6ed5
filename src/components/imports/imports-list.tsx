import Link from "next/link";
import type { WorksImportSummary } from "@/server/imports/imports.queries";
import { EmptyState } from "../ui/empty-state";
import { ImportCounts } from "./import-counts";
import { ImportStatusBadge, formatCount, formatFileSize } from "./import-status";
import { ProgressBar } from "./progress-bar";
import { formatDateTime } from "@/lib/dates";


function ImportRow({ item }: { item: WorksImportSummary }) {
  return (
    <li className="py-4" data-testid="import-row">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/rightsholder/imports/${item.id}`} className="truncate text-sm font-semibold text-brand-700 hover:underline">
              {item.fileName}
            </Link>
            <ImportStatusBadge status={item.status} />
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {item.format === "ONIX" ? "ONIX 3.0" : "CSV"} · {formatFileSize(item.fileSize)} · uploaded {formatDateTime(item.createdAt)}
            {item.createdByName ? ` by ${item.createdByName}` : ""}
          </p>
        </div>
        <p className="shrink-0 text-xs text-slate-600 sm:text-right">
          {item.status === "QUEUED"
            ? "Starts in a moment"
            : `${formatCount(item.processedRows)} row${item.processedRows === 1 ? "" : "s"}${item.isActive ? ` so far · ${item.percent}%` : ""}`}
        </p>
      </div>
      {item.isActive ? <ProgressBar className="mt-3" percent={item.percent} label={`Progress of ${item.fileName}`} /> : null}
      <div className="mt-2">
        <ImportCounts counts={item.counts} compact />
      </div>
      {item.status === "FAILED" && item.errorMessage ? <p className="mt-2 text-xs text-red-700">{item.errorMessage}</p> : null}
    </li>
  );
}

/** The organisation's imports, newest first, each with its progress and outcome. */
export function ImportsList({ imports }: { imports: WorksImportSummary[] }) {
  if (imports.length === 0) {
    return (
      <EmptyState title="No imports yet">
        Upload a CSV or ONIX file above. Not sure about the columns? Start from the template below.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="imports-list">
      {imports.map((item) => (
        <ImportRow key={item.id} item={item} />
      ))}
    </ul>
  );
}
