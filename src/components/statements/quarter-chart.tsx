import { formatCents } from "@/lib/pricing/price-license";
import { Card, CardTitle } from "../ui/card";

type QuarterBar = { quarter: string; allocatedCents: bigint; paidCents: bigint };

const HEIGHT = 160;
const BAR = 28;
const GAP = 22;
/** Room above the tallest column for its amount. */
const TOP = 16;

/** Height in SVG units of `cents` against the largest value, on integers. */
function heightOf(cents: bigint, max: bigint): number {
  return max <= 0n ? 0 : Number((cents * BigInt(HEIGHT)) / max);
}

/**
 * Royalties allocated per quarter as an SVG column chart (oldest on the left). Each column has a
 * <title> for pointer and screen-reader users, and the same figures are in a visually hidden table.
 */
export function QuarterChart({ quarters }: { quarters: QuarterBar[] }) {
  const max = quarters.reduce((m, q) => (q.allocatedCents > m ? q.allocatedCents : m), 0n);
  const width = quarters.length * (BAR + GAP) + GAP;
  return (
    <Card>
      <CardTitle description="Allocated to you in each of the last eight distribution runs, before tax withholding.">Earnings by quarter</CardTitle>
      {quarters.length === 0 ? (
        <p className="text-sm text-slate-500">No statements yet.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${TOP + HEIGHT + 36}`} className="h-56 w-full max-w-xl" role="img" aria-labelledby="quarter-chart-title">
            <title id="quarter-chart-title">Royalties allocated by quarter</title>
            {quarters.map((q, index) => {
              const h = heightOf(q.allocatedCents, max);
              const x = GAP + index * (BAR + GAP);
              return (
                <g key={q.quarter}>
                  <title>{`${q.quarter}: ${formatCents(q.allocatedCents)} allocated, ${formatCents(q.paidCents)} paid`}</title>
                  <rect x={x} y={TOP + HEIGHT - h + 4} width={BAR} height={Math.max(h, 1)} rx={3} className="fill-brand-600" />
                  <text x={x + BAR / 2} y={TOP + HEIGHT - h - 1} textAnchor="middle" className="fill-slate-700 text-[8px]" aria-hidden="true">{formatCents(q.allocatedCents)}</text>
                  <text x={x + BAR / 2} y={TOP + HEIGHT + 22} textAnchor="middle" className="fill-slate-600 text-[9px]">{q.quarter}</text>
                </g>
              );
            })}
            <line x1={0} x2={width} y1={TOP + HEIGHT + 4} y2={TOP + HEIGHT + 4} className="stroke-slate-300" />
          </svg>
          <table className="sr-only">
            <caption>Royalties by quarter</caption>
            <thead><tr><th scope="col">Quarter</th><th scope="col">Allocated</th><th scope="col">Paid</th></tr></thead>
            <tbody>
              {quarters.map((q) => (
                <tr key={q.quarter}><th scope="row">{q.quarter}</th><td>{formatCents(q.allocatedCents)}</td><td>{formatCents(q.paidCents)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
