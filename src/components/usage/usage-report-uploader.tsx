"use client";

import { useId, useState } from "react";
import { FileUploader } from "../uploads/file-uploader";

type QuarterOption = { code: string; label: string; current: { submittedOn: string; isLocked: boolean } | null };

const FIELD = "mt-1 block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-500";

/** Choose the quarter, then the CSV file; says what the upload will do to a report already sent. */
export function UsageReportUploader({ quarters, initialQuarter, maxBytes }: { quarters: QuarterOption[]; initialQuarter: string; maxBytes: number }) {
  const [quarter, setQuarter] = useState(initialQuarter);
  const id = useId();
  const chosen = quarters.find((q) => q.code === quarter);
  return (
    <div className="space-y-4">
      <div className="max-w-xs">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">Quarter</label>
        <select id={id} value={quarter} onChange={(e) => setQuarter(e.target.value)} className={FIELD}>
          {quarters.map((q) => <option key={q.code} value={q.code}>{q.label}</option>)}
        </select>
      </div>
      {chosen?.current ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="replace-note">
          {chosen.current.isLocked
            ? `The report you sent on ${chosen.current.submittedOn} is locked: this quarter's royalties are approved. A new upload becomes an adjustment, counted in the next distribution.`
            : `You sent a report for this quarter on ${chosen.current.submittedOn}. Uploading replaces it.`}
        </p>
      ) : null}
      <FileUploader
        endpoint={`/api/usage-reports?quarter=${encodeURIComponent(quarter)}`}
        maxBytes={maxBytes}
        resultKey="report"
        redirectTo="/licensee/usage"
        inputLabel="Usage file"
        accept=".csv,.txt,text/csv,text/plain"
        formats="CSV (UTF-8) with the template's columns"
        wrongKindMessage='is not a CSV file. In Excel, use Save As → "CSV UTF-8", then upload that file.'
        buttonLabel="Upload the report"
        startingText="Uploaded. Starting to read the report…"
      />
    </div>
  );
}
