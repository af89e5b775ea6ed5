import { countryName } from "@/lib/countries";
import { formatCents, INDUSTRY_LABELS, type PriceScheduleTerms } from "@/lib/pricing/price-license";
import { percent } from "./quote-summary";

const number = new Intl.NumberFormat("en-US");

function Table({ caption, head, rows }: { caption: string; head: [string, string]; rows: [string, string][] }) {
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left text-sm font-semibold text-slate-900">{caption}</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="py-1.5 font-medium">{head[0]}</th>
          <th className="py-1.5 text-right font-medium">{head[1]}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([a, b]) => (
          <tr key={a}>
            <td className="py-1.5 text-slate-700">{a}</td>
            <td className="py-1.5 text-right tabular-nums text-slate-900">{b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A schedule as three small tables: flat fees, per-employee rates, country factors. */
export function PriceTable({ schedule }: { schedule: PriceScheduleTerms }) {
  const bands = [...schedule.flatBands].sort((a, b) => a.maxEmployees - b.maxEmployees);
  const factors = [...schedule.countryFactors].sort((a, b) => (a.country === "*" ? 1 : b.country === "*" ? -1 : countryName(a.country).localeCompare(countryName(b.country))));
  return (
    <div className="space-y-6">
      {bands.length > 0 ? (
        <Table
          caption={`Organisations of up to ${number.format(schedule.smallOrgMaxEmployees)} employees: a flat fee`}
          head={["Employees", "Per year"]}
          rows={bands.map((band, i) => [
            `${number.format(i === 0 ? 1 : bands[i - 1]!.maxEmployees + 1)}–${number.format(band.maxEmployees)}`,
            formatCents(band.feeCents),
          ])}
        />
      ) : null}
      <Table
        caption={bands.length > 0 ? `Larger organisations: per employee, by industry` : "Per employee, by industry"}
        head={["Industry group", "Per employee per year"]}
        rows={schedule.industryRates.map((r) => [INDUSTRY_LABELS[r.industryGroup], formatCents(r.perEmployeeCents)])}
      />
      <Table
        caption="Country factor, applied to either"
        head={["Country", "Factor"]}
        rows={factors.map((f) => [f.country === "*" ? "Every other country" : countryName(f.country), percent(f.factorBps)])}
      />
    </div>
  );
}
