import type { HistoryEntry } from "@/server/works/work-history";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The work's audit trail, newest first: who, how, and each field's before → after. */
export function WorkHistory({ entries, limit }: { entries: HistoryEntry[]; limit: number }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No changes recorded yet.</p>;
  return (
    <>
      <ol className="relative space-y-5 border-l border-slate-200 pl-5" data-testid="work-history">
        {entries.map((entry) => (
          <li key={entry.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.72rem] top-1.5 size-2.5 rounded-full bg-white ring-2 ring-brand-500" />
            <p className="text-sm font-medium text-slate-900">{entry.summary}</p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at.toISOString()}>{when.format(entry.at)} UTC</time> · {entry.who}
              {entry.via ? ` · via ${entry.via}` : null}
            </p>
            {entry.changes.length > 0 ? (
              <dl className="mt-2 space-y-1 text-sm">
                {entry.changes.map((change) => (
                  <div key={change.field} className="grid gap-x-2 sm:grid-cols-[9rem_1fr]">
                    <dt className="text-slate-500">{change.field}</dt>
                    <dd className="min-w-0 break-words text-slate-800">
                      <span className="text-slate-500 line-through decoration-slate-300">{change.before}</span>
                      <span aria-label="changed to" className="px-1.5 text-slate-400">→</span>
                      <span>{change.after}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {entry.notes.map((note) => (
              <p key={note} className="mt-1 break-words text-sm text-slate-700">
                {note}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {entries.length >= limit ? <p className="mt-4 text-xs text-slate-500">Showing the latest {limit} entries. Staff can read the full audit log.</p> : null}
    </>
  );
}
