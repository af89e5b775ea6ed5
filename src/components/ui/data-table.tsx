import { cn } from "./cn";

export type Column = { label: string; className?: string };

/**
 * The card-framed table the lists share: a muted header row and divided body rows. Columns carry
 * their own responsive classes (e.g. "hidden md:table-cell"), repeated on the row cells.
 */
export function DataTable({ columns, children }: { columns: Column[]; children: React.ReactNode }) {
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c.label} className={cn("px-4 py-3 font-medium", c.className)}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
