import { cn } from "../ui/cn";

export type ColumnStyle = "solid" | "light" | "outline";
export type Column = { key: string; label: string; value: bigint; display: string; style?: ColumnStyle; description: string };

const HEIGHT = 150;
const BAR = 28;
const GAP = 18;
/** Room above the tallest column for its figure. */
const TOP = 16;

const STYLES: Record<ColumnStyle, string> = {
  solid: "fill-brand-600",
  light: "fill-brand-100 stroke-brand-600",
  outline: "fill-white stroke-brand-500",
};

/** Height in SVG units of `value` against the largest, on integers (money never becomes a float). */
function heightOf(value: bigint, max: bigint): number {
  return max <= 0n || value <= 0n ? 0 : Number((value * BigInt(HEIGHT)) / max);
}

/**
 * Columns drawn on the server as SVG, oldest on the left, in the statements' chart style. Each
 * column has a <title> (pointer and screen-reader users hear the figure and what it is), and the
 * same figures are in a visually hidden table, so nothing depends on seeing the bars.
 */
export function ColumnChart({ id, title, columns, caption }: { id: string; title: string; columns: Column[]; caption: string }) {
  const max = columns.reduce((m, c) => (c.value > m ? c.value : m), 0n);
  const width = columns.length * (BAR + GAP) + GAP;
  return (
    <>
      <svg viewBox={`0 0 ${width} ${TOP + HEIGHT + 30}`} className="h-56 w-full" role="img" aria-labelledby={`${id}-title`} data-testid={id}>
        <title id={`${id}-title`}>{title}</title>
        {columns.map((c, index) => {
          const h = heightOf(c.value, max);
          const x = GAP + index * (BAR + GAP);
          const style = c.style ?? "solid";
          return (
            <g key={c.key}>
              <title>{c.description}</title>
              <rect
                x={x} y={TOP + HEIGHT - h + 4} width={BAR} height={Math.max(h, 1)} rx={3}
                strokeWidth={style === "solid" ? 0 : 1.5} strokeDasharray={style === "outline" ? "4 3" : undefined} className={STYLES[style]}
              />
              <text x={x + BAR / 2} y={TOP + HEIGHT - h - 1} textAnchor="middle" className="fill-slate-700 text-[7px]" aria-hidden="true">{c.display}</text>
              <text x={x + BAR / 2} y={TOP + HEIGHT + 18} textAnchor="middle" className="fill-slate-600 text-[8px]" aria-hidden="true">{c.label}</text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={TOP + HEIGHT + 4} y2={TOP + HEIGHT + 4} className="stroke-slate-300" />
      </svg>
      <table className="sr-only">
        <caption>{caption}</caption>
        <tbody>
          {columns.map((c) => <tr key={c.key}><th scope="row">{c.label}</th><td>{c.description}</td></tr>)}
        </tbody>
      </table>
    </>
  );
}

/** The key to a chart's column styles. */
export function ChartLegend({ items }: { items: { style: ColumnStyle; label: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {items.map((item) => (
        <li key={item.style} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={cn("inline-block h-3 w-3 rounded-sm", item.style === "solid" ? "bg-brand-600" : item.style === "light" ? "bg-brand-100 ring-1 ring-brand-600" : "border border-dashed border-brand-500 bg-white")} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
