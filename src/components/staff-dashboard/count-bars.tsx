import { Card, CardTitle } from "../ui/card";

export type CountBar = { key: string; label: string; count: number };

const number = new Intl.NumberFormat("en-US");

/**
 * Horizontal bars of counts drawn on the server: each bar is a list item whose label and figure
 * are text, so a screen reader reads "Technology and software, 12"; the bar beside it is decoration.
 */
export function CountBars({ title, description, bars, emptyText }: { title: string; description?: string; bars: CountBar[]; emptyText: string }) {
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0);
  return (
    <Card>
      <CardTitle description={description}>{title}</CardTitle>
      {max === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="space-y-3" aria-label={title}>
          {bars.map((bar) => (
            <li key={bar.key}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 truncate text-slate-800">{bar.label}</span>
                <span className="shrink-0 font-medium tabular-nums text-slate-900">{number.format(bar.count)}</span>
              </div>
              <div className="mt-1 h-2 w-full rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-2 rounded-full bg-brand-600" style={{ width: `${Math.round((bar.count * 1000) / max) / 10}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
