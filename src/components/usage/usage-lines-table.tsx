import { Badge } from "../ui/badge";
import { INELIGIBLE_MESSAGES, type IneligibleReason } from "@/lib/usage/eligibility";
import { lineState, PURPOSE_LABEL } from "./usage-labels";

type Line = {
  id: bigint; lineNumber: number; rawIdentifier: string | null; rawTitle: string | null; rawYear: number | null; purpose: string; units: bigint;
  matchStatus: string; eligibility: string; ineligibleReason: string | null; mergedLineCount: number;
  work: { id: number; title: string; publicationYear: number | null; rightsholder: { name: string } } | null;
};

/** A report's lines: what was reported, what it matched, and whether it counts (and why not). */
export function UsageLinesTable({ lines }: { lines: Line[] }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">No lines here.</p>;
  return (
    <div className="-mx-5 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-left text-sm" data-testid="usage-lines">
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <th className="px-5 py-2 font-medium sm:pl-0">Line</th>
            <th className="px-3 py-2 font-medium">Reported</th>
            <th className="px-3 py-2 font-medium">Work</th>
            <th className="px-3 py-2 text-right font-medium">Units</th>
            <th className="px-3 py-2 font-medium">Counts?</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => {
            const state = lineState(l);
            return (
              <tr key={String(l.id)} className="align-top">
                <td className="px-5 py-2 tabular-nums text-slate-500 sm:pl-0">{l.lineNumber}</td>
                <td className="max-w-56 px-3 py-2">
                  <span className="block truncate text-slate-900">{l.rawIdentifier ?? l.rawTitle}{!l.rawIdentifier && l.rawYear ? ` (${l.rawYear})` : ""}</span>
                  <span className="text-xs text-slate-500">{PURPOSE_LABEL[l.purpose]}{l.mergedLineCount > 1 ? ` · ${l.mergedLineCount} lines added up` : ""}</span>
                </td>
                <td className="max-w-64 px-3 py-2">{l.work ? <><span className="block truncate text-slate-900">{l.work.title}</span><span className="text-xs text-slate-500">{l.work.rightsholder.name}</span></> : <span className="text-slate-400">—</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.units.toLocaleString("en-GB")}</td>
                <td className="px-3 py-2">
                  <Badge tone={state.tone}>{state.label}</Badge>
                  {l.ineligibleReason ? <span className="mt-1 block max-w-64 text-xs text-slate-600">{INELIGIBLE_MESSAGES[l.ineligibleReason as IneligibleReason]}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
