import type { WorkForMatch } from "@/server/usage/works-for-match";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS, type WorkTypeCode } from "@/lib/works/work-input";
import type { IdentifierKind } from "@/lib/identifiers";
import { displayIdentifier, PurposeChips } from "../works/work-badges";

/** One work staff may match lines to: title, year, people, identifiers, rightsholder; the button beside it. */
export function WorkForMatchRow({ work, action }: { work: WorkForMatch; action?: React.ReactNode }) {
  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="work-for-match">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          {work.title}
          {work.publicationYear ? <span className="font-normal text-slate-500"> · {work.publicationYear}</span> : null}
        </p>
        <p className="text-sm text-slate-600">
          {WORK_TYPE_LABELS[work.type as WorkTypeCode] ?? work.type}
          {work.contributors.length > 0 ? ` · ${work.contributors.join(", ")}` : ""} · {work.rightsholderName}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          {work.identifiers.map((i) => (
            <span key={`${i.type}:${i.value}`}>
              <span className="text-slate-500">{IDENTIFIER_LABELS[i.type as IdentifierKind] ?? i.type}</span> <span className="font-mono">{displayIdentifier(i)}</span>
            </span>
          ))}
          <PurposeChips purposes={work.purposes} />
          {work.excludedFrom ? <span className="text-amber-800">Excluded from {work.excludedFrom}</span> : null}
        </p>
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </li>
  );
}
