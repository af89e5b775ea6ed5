import { Card, CardTitle } from "../ui/card";
import { ColumnChart } from "./column-chart";

const number = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Works enrolled in each of the last twelve months. */
export function WorksChart({ months, isEstimate }: { months: { month: string; label: string; count: number }[]; isEstimate: boolean }) {
  // "Jan", with the year where it starts and on the first column: "Dec 2025" … "Jan 2026".
  const columns = months.map((m, index) => ({
    key: m.month,
    label: index === 0 || m.month.endsWith("-01") ? m.label : m.label.split(" ")[0]!,
    value: BigInt(m.count),
    display: compact.format(m.count),
    style: isEstimate ? ("outline" as const) : ("solid" as const),
    description: `${m.label}: ${isEstimate ? "about " : ""}${number.format(m.count)} works enrolled`,
  }));
  return (
    <Card>
      <CardTitle description={isEstimate ? "Estimates from the database's statistics (a repertoire this large is not counted on every view)." : "Works added to the repertoire each month, by every rightsholder, whatever their status now."}>Works enrolled by month</CardTitle>
      <ColumnChart id="works-chart" title="Works enrolled by month" caption="Works enrolled by month" columns={columns} />
    </Card>
  );
}
