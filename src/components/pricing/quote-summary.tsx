import { formatCents, INDUSTRY_LABELS, type IndustryGroupCode, type Quote } from "@/lib/pricing/price-license";
import { countryName } from "@/lib/countries";

const number = new Intl.NumberFormat("en-US");

export const percent = (bps: number) => `${number.format(bps / 100)} %`;

/** How a fee was reached, line by line, and the fee itself. */
export function QuoteSummary({ quote, industryGroup, country }: { quote: Quote; industryGroup: IndustryGroupCode; country: string }) {
  const { basis } = quote;
  return (
    <div data-testid="quote">
      <p className="text-sm text-slate-600">Annual license fee</p>
      <p className="mt-1 text-4xl font-semibold tracking-tight text-slate-900">
        {formatCents(quote.feeCents, quote.currency)}
        <span className="ml-2 text-base font-normal text-slate-500">per year, {quote.currency}</span>
      </p>
      <dl className="mt-5 divide-y divide-slate-100 text-sm">
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-slate-600">
            {basis.kind === "flat"
              ? `Flat fee for organisations of ${number.format(basis.bandMinEmployees)}–${number.format(basis.bandMaxEmployees)} employees`
              : `${number.format(basis.employees)} employees × ${formatCents(basis.perEmployeeCents)} (${INDUSTRY_LABELS[industryGroup].toLowerCase()})`}
          </dt>
          <dd className="shrink-0 font-medium tabular-nums text-slate-900">{formatCents(quote.baseCents)}</dd>
        </div>
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-slate-600">
            Country factor for {countryName(country)}
            {quote.factorCountry === "*" ? " (the standard rate)" : ""}
          </dt>
          <dd className="shrink-0 font-medium tabular-nums text-slate-900">× {percent(quote.countryFactorBps)}</dd>
        </div>
        <div className="flex justify-between gap-4 py-2">
          <dt className="font-medium text-slate-900">Fee for a 12-month term</dt>
          <dd className="shrink-0 font-semibold tabular-nums text-slate-900">{formatCents(quote.feeCents)}</dd>
        </div>
      </dl>
    </div>
  );
}
