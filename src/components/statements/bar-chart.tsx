import { formatCents } from "@/lib/pricing/price-license";
import { Card, CardTitle } from "../ui/card";

export type Bar = { key: string; label: string; cents: bigint; detail?: string };

/** A share of the largest value as a CSS width, computed on integers (money never becomes a float). */
export function widthPercent(cents: bigint, max: bigint): string {
  if (max <= 0n || cents <= 0n) return "0%";
  return `${Number((cents * 1000n) / max) / 10}%`;
}

/**
 * Horizontal bars drawn on the server: each bar is a list item whose label and amount are text, so
 * a screen reader reads "Fine-tuning, $1,234.56" and the coloured bar beside it is decoration.
 */
export function BarChart({ title, description, bars, emptyText }: { title: string; description?: string; bars: Bar[]; emptyText: string }) {
  const max = bars.reduce((m, b) => (b.cents > m ? b.cents : m), 0n);
  return (
    <Card>
      <CardTitle description={description}>{title}</CardTitle>
      {bars.length === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="space-y-3" aria-label={title}>
          {bars.map((bar) => (
            <li key={bar.key}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 truncate text-slate-800" title={bar.label}>{bar.label}</span>
                <span className="shrink-0 tabular-nums font-medium text-slate-900">{formatCents(bar.cents)}</span>
              </div>
              {bar.detail ? <p className="truncate text-xs text-slate-500">{bar.detail}</p> : null}
              <div className="mt-1 h-2 w-full rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-2 rounded-full bg-brand-600" style={{ width: widthPercent(bar.cents, max) }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
