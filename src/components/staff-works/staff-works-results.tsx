import Link from "next/link";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS, type WorkTypeCode } from "@/lib/works/work-input";
import type { StaffWorkHit } from "@/server/repertoire/staff-work-search";
import { staffWorkQueryString, type StaffWorkQuery } from "@/server/repertoire/staff-work-search.schema";
import { Badge } from "../ui/badge";
import { DataTable, type Column } from "../ui/data-table";
import { displayIdentifier, PurposeChips } from "../works/work-badges";
import { Highlighted } from "./highlighted";
import { MatchedBy, StaffWorkStatus } from "./staff-work-badges";

const COLUMNS: Column[] = [
  { label: "Work" },
  { label: "Identifiers", className: "hidden md:table-cell" },
  { label: "Rightsholder", className: "hidden sm:table-cell" },
  { label: "Status" },
  { label: "Purposes", className: "hidden lg:table-cell" },
];

function HitRow({ hit, query, isSelectable }: { hit: StaffWorkHit; query: StaffWorkQuery; isSelectable: boolean }) {
  const byRightsholder = `/staff/works?${staffWorkQueryString({ ...query, rightsholderId: hit.rightsholder.id, page: 1, after: undefined })}`;
  return (
    <tr className="align-top hover:bg-slate-50" data-testid="staff-work-row">
      {isSelectable ? (
        <td className="w-10 px-4 py-3">
          <input type="checkbox" name="workId" value={hit.id} aria-label={`Select work #${hit.id}`} />
        </td>
      ) : null}
      <td className="min-w-64 px-4 py-3">
        <Link href={`/staff/works/${hit.id}`} className="block font-medium text-brand-700 hover:underline" data-testid="staff-work-title">
          <Highlighted segments={hit.titleSegments} />
        </Link>
        <span className="block text-xs text-slate-600">
          #{hit.id} · {WORK_TYPE_LABELS[hit.type as WorkTypeCode] ?? hit.type}{hit.publicationYear ? ` · ${hit.publicationYear}` : ""}
          {hit.contributors.length > 0 ? " · " : ""}
          {hit.contributors.map((c, i) => <span key={i}>{i > 0 ? "; " : ""}<Highlighted segments={c} /></span>)}
        </span>
        {hit.publisher ? <span className="block text-xs text-slate-500"><Highlighted segments={hit.publisher} /></span> : null}
        <span className="mt-1 flex gap-1"><MatchedBy matchedBy={hit.matchedBy} /></span>
      </td>
      <td className="hidden px-4 py-3 md:table-cell">
        <ul className="space-y-0.5 text-xs">
          {hit.identifiers.slice(0, 3).map((i) => (
            <li key={`${i.type}:${i.value}`} className="break-all"><span className="text-slate-500">{IDENTIFIER_LABELS[i.type]}</span> <span className="font-mono">{displayIdentifier(i)}</span></li>
          ))}
          {hit.identifiers.length > 3 ? <li className="text-slate-500">+{hit.identifiers.length - 3} more</li> : null}
        </ul>
      </td>
      <td className="hidden px-4 py-3 sm:table-cell">
        <Link href={byRightsholder} className="text-slate-800 hover:underline" title="Only this rightsholder's works">{hit.rightsholder.name}</Link>
        {hit.rightsholder.isSuspended ? <span className="mt-0.5 block"><Badge tone="red">Suspended</Badge></span> : null}
      </td>
      <td className="px-4 py-3"><StaffWorkStatus status={hit.status} mergedIntoId={hit.mergedIntoId} /></td>
      <td className="hidden px-4 py-3 lg:table-cell"><PurposeChips purposes={hit.purposes} /></td>
    </tr>
  );
}

/** The results table; ADMIN gets a checkbox per work for the bulk actions. */
export function StaffWorksResults({ hits, query, isSelectable }: { hits: StaffWorkHit[]; query: StaffWorkQuery; isSelectable: boolean }) {
  return (
    <DataTable columns={isSelectable ? [{ label: "Select", className: "w-10" }, ...COLUMNS] : COLUMNS}>
      {hits.map((hit) => <HitRow key={hit.id} hit={hit} query={query} isSelectable={isSelectable} />)}
    </DataTable>
  );
}
