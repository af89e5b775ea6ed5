import Link from "next/link";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS, type WorkTypeCode } from "@/lib/works/work-input";
import type { WorkListItem } from "@/server/works/works.queries";
import { PurposeChips, WorkStatusBadge, displayIdentifier } from "./work-badges";

function FirstIdentifier({ work }: { work: WorkListItem }) {
  const first = work.identifiers[0];
  if (!first) return <span className="text-slate-400">none attached</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-1 whitespace-nowrap" title={work.identifiers.map((i) => `${IDENTIFIER_LABELS[i.type]} ${displayIdentifier(i)}`).join("\n")}>
      <span className="text-slate-500">{IDENTIFIER_LABELS[first.type]}</span>
      <span className="min-w-0 truncate font-mono text-xs">{displayIdentifier(first)}</span>
      {work.identifiers.length > 1 ? <span className="text-slate-500">+{work.identifiers.length - 1}</span> : null}
    </span>
  );
}

const contributorsOf = (work: WorkListItem) =>
  work.contributors.length === 0 ? null : work.contributors.length > 3 ? `${work.contributors.slice(0, 3).join(", ")} and others` : work.contributors.join(", ");

/** The works of one page: a table on wide screens, cards on a phone. */
export function WorksResults({ works, today }: { works: WorkListItem[]; today: string }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full table-fixed text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">Title</th>
              <th scope="col" className="w-48 px-4 py-3 font-medium">Identifier</th>
              <th scope="col" className="w-20 px-4 py-3 text-right font-medium">Year</th>
              <th scope="col" className="hidden w-48 px-4 py-3 font-medium xl:table-cell">Purposes</th>
              <th scope="col" className="w-44 px-4 py-3 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {works.map((work) => (
              <tr key={work.id} className="align-top hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/rightsholder/works/${work.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                    {work.title}
                  </Link>
                  <span className="block truncate text-slate-600">
                    {WORK_TYPE_LABELS[work.type as WorkTypeCode] ?? work.type}
                    {contributorsOf(work) ? ` · ${contributorsOf(work)}` : null}
                  </span>
                </td>
                <td className="truncate px-4 py-3"><FirstIdentifier work={work} /></td>
                <td className="px-4 py-3 text-right tabular-nums text-slate-700">{work.publicationYear ?? "—"}</td>
                <td className="hidden px-4 py-3 xl:table-cell"><PurposeChips purposes={work.purposes} /></td>
                <td className="px-4 py-3"><WorkStatusBadge status={work.status} excludedFrom={work.excludedFrom} today={today} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden">
        {works.map((work) => (
          <li key={work.id}>
            <Link href={`/rightsholder/works/${work.id}`} className="block rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 active:bg-slate-50">
              <div className="flex items-start justify-between gap-3">
                <p className="min-w-0 font-medium text-brand-700">{work.title}</p>
                <WorkStatusBadge status={work.status} excludedFrom={work.excludedFrom} today={today} />
              </div>
              {contributorsOf(work) ? <p className="mt-0.5 text-sm text-slate-600">{contributorsOf(work)}</p> : null}
              <p className="mt-2 text-xs text-slate-600">
                {WORK_TYPE_LABELS[work.type as WorkTypeCode] ?? work.type}
                {work.publicationYear ? ` · ${work.publicationYear}` : ""}
              </p>
              <p className="mt-1 text-xs"><FirstIdentifier work={work} /></p>
              <p className="mt-2"><PurposeChips purposes={work.purposes} /></p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
