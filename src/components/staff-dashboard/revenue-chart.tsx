import { formatCents } from "@/lib/pricing/price-license";
import { Card, CardTitle } from "../ui/card";
import { ChartLegend, ColumnChart, type ColumnStyle } from "./column-chart";

type QuarterRevenue = { quarter: string; label: string; recognisedCents: bigint; source: "APPROVED_RUN" | "CALCULATED_RUN" | "ESTIMATE"; isInProgress: boolean };

const STYLE: Record<QuarterRevenue["source"], ColumnStyle> = { APPROVED_RUN: "solid", CALCULATED_RUN: "light", ESTIMATE: "outline" };
const SOURCE: Record<QuarterRevenue["source"], string> = {
  APPROVED_RUN: "from the approved distribution run",
  CALCULATED_RUN: "from the calculated run, not yet approved",
  ESTIMATE: "estimate from today's grants and refunds",
};

/** "$14.4k", "$1.2M": a column's figure in little room, on integers (the exact amount is in its title). */
export function compactCents(cents: bigint): string {
  const dollars = cents / 100n;
  const scaled = (unit: bigint, suffix: string) => `$${dollars / unit}${dollars < unit * 100n ? `.${(dollars % unit) / (unit / 10n)}` : ""}${suffix}`;
  if (dollars >= 1_000_000n) return scaled(1_000_000n, "M");
  if (dollars >= 1_000n) return scaled(1_000n, "k");
  return `$${dollars}`;
}

/** Revenue recognised in each of the last eight quarters, each column saying where its figure comes from. */
export function RevenueChart({ quarters }: { quarters: QuarterRevenue[] }) {
  const columns = quarters.map((q) => ({
    key: q.quarter,
    label: q.quarter,
    value: q.recognisedCents,
    display: compactCents(q.recognisedCents),
    style: STYLE[q.source],
    description: `${q.label}: ${formatCents(q.recognisedCents)} recognised, ${SOURCE[q.source]}${q.isInProgress ? " (quarter in progress)" : ""}`,
  }));
  const used = [...new Set(quarters.map((q) => q.source))];
  return (
    <Card>
      <CardTitle description="License fees recognised day by day over each term. Approved runs are final; other quarters are estimates that later refunds can still lower.">Revenue recognised by quarter</CardTitle>
      <ColumnChart id="revenue-chart" title="Revenue recognised by quarter" caption="Revenue recognised by quarter, and where each figure comes from" columns={columns} />
      <ChartLegend items={used.map((source) => ({ style: STYLE[source], label: source === "APPROVED_RUN" ? "Approved run" : source === "CALCULATED_RUN" ? "Calculated run, awaiting approval" : "Estimate" }))} />
    </Card>
  );
}
