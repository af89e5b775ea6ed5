import { cn } from "../ui/cn";
import { formatCount } from "./import-status";

export type ImportCountsValue = { created: number; updated: number; unchanged: number; rejected: number; disputed: number };

const ITEMS: { key: keyof ImportCountsValue; label: string; hint: string; tone: string }[] = [
  { key: "created", label: "Created", hint: "New works enrolled", tone: "text-emerald-700" },
  { key: "updated", label: "Updated", hint: "Works you already had, changed", tone: "text-brand-700" },
  { key: "unchanged", label: "Unchanged", hint: "Already enrolled as they are", tone: "text-slate-900" },
  { key: "rejected", label: "Rejected", hint: "Lines not imported: see why below", tone: "text-red-700" },
  { key: "disputed", label: "Disputed", hint: "Enrolled; an identifier is another rightsholder's", tone: "text-amber-700" },
];

/** The outcome of an import, as five figures (large on the detail page, compact in lists). */
export function ImportCounts({ counts, compact = false }: { counts: ImportCountsValue; compact?: boolean }) {
  if (compact) {
    return (
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {ITEMS.map((item) => (
          <div key={item.key} className="flex gap-1">
            <dt>{item.label}</dt>
            <dd className={cn("font-semibold tabular-nums", counts[item.key] > 0 ? item.tone : "text-slate-500")}>{formatCount(counts[item.key])}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="import-counts">
      {ITEMS.map((item) => (
        <div key={item.key} className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <dt className="text-xs font-medium text-slate-600">{item.label}</dt>
          <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", counts[item.key] > 0 ? item.tone : "text-slate-400")} data-testid={`count-${item.key}`}>
            {formatCount(counts[item.key])}
          </dd>
          <dd className="mt-0.5 text-xs leading-snug text-slate-500">{item.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
