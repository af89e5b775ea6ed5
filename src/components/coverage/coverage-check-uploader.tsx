"use client";

import { useId, useState } from "react";
import { FileUploader } from "../uploads/file-uploader";
import { PURPOSE_OPTIONS } from "./coverage-labels";

const FIELD = "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-500";

/** A file of identifiers, with the purpose and date its lines are checked for unless they say. */
export function CoverageCheckUploader({ maxBytes, today }: { maxBytes: number; today: string }) {
  const [purpose, setPurpose] = useState("TRAIN");
  const [date, setDate] = useState(today);
  const purposeId = useId();
  const dateId = useId();
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={purposeId} className="block text-sm font-medium text-slate-800">Purpose</label>
          <select id={purposeId} value={purpose} onChange={(e) => setPurpose(e.target.value)} className={`mt-1 ${FIELD}`}>
            {PURPOSE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={dateId} className="block text-sm font-medium text-slate-800">On</label>
          <input id={dateId} type="date" value={date} onChange={(e) => setDate(e.target.value)} className={`mt-1 ${FIELD}`} />
        </div>
      </div>
      <FileUploader
        endpoint={`/api/coverage-checks?purpose=${encodeURIComponent(purpose)}&date=${encodeURIComponent(date)}`}
        maxBytes={maxBytes}
        resultKey="check"
        redirectTo="/licensee/coverage/checks"
        inputLabel="Identifiers file"
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        formats="CSV or text, one identifier per line, up to 1,000,000 lines"
        wrongKindMessage='is not a CSV or text file. In Excel, use Save As → "CSV UTF-8", then upload that file.'
        buttonLabel="Upload and check"
        startingText="Uploaded. Starting the check…"
      />
    </div>
  );
}
