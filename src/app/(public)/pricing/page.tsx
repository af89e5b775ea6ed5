import type { Metadata } from "next";
import Link from "next/link";
import { SelectField, TextField } from "@/components/forms/fields";
import { PriceTable } from "@/components/pricing/price-table";
import { QuoteSummary } from "@/components/pricing/quote-summary";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { COUNTRIES } from "@/lib/countries";
import { INDUSTRY_GROUPS, INDUSTRY_LABELS, type IndustryGroupCode } from "@/lib/pricing/price-license";
import { getActor } from "@/server/auth/session";
import { isAppError, type FieldErrors } from "@/server/errors";
import { publicPriceList, quoteLicense, type LicenseQuote } from "@/server/pricing/price-schedules.queries";
import { formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Pricing" };


type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The public price list and calculator: anyone may see what the license costs (no account). */
export default async function PricingPage({ searchParams }: { searchParams: Promise<Params> }) {
  const [actor, params, list] = await Promise.all([getActor(), searchParams, publicPriceList()]);
  const asked = { employeeCount: one(params.employees), industryGroup: one(params.industry), country: one(params.country) };
  const isAsking = Object.values(asked).some((v) => v !== "");
  let result: LicenseQuote | null = null;
  let fieldErrors: FieldErrors = {};
  let message: string | null = null;
  if (isAsking) {
    try {
      result = await quoteLicense(asked);
    } catch (error) {
      if (!isAppError(error)) throw error;
      fieldErrors = error.fieldErrors ?? {};
      message = error.message;
    }
  }

  return (
    <div className="min-h-screen bg-slate-50">
      <div className="bg-white">
        <PublicHeader isSignedIn={actor !== null} />
      </div>
      <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Pricing</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          {list.plan.name}: one annual fee covers the whole enrolled repertoire for the AI purposes each work permits, for a 12-month
          term starting the day payment clears. The fee depends on the organisation&apos;s size, its industry and the country where it is
          established.
        </p>

        <div className="mt-8 grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
          <Card>
            <CardTitle description="Enter your organisation's details; nothing is saved.">Price calculator</CardTitle>
            <form method="get" action="/pricing" className="grid gap-4 sm:grid-cols-3">
              <TextField
                label="Employees"
                name="employees"
                type="number"
                min={1}
                inputMode="numeric"
                defaultValue={asked.employeeCount}
                errors={fieldErrors.employeeCount}
                hint="Across the whole organisation."
                required
              />
              <SelectField
                label="Industry"
                name="industry"
                defaultValue={asked.industryGroup}
                errors={fieldErrors.industryGroup}
                options={[{ value: "", label: "Choose…" }, ...INDUSTRY_GROUPS.map((g) => ({ value: g, label: INDUSTRY_LABELS[g] }))]}
                required
              />
              <SelectField
                label="Country"
                name="country"
                defaultValue={asked.country}
                errors={fieldErrors.country}
                options={[{ value: "", label: "Choose…" }, ...COUNTRIES.map(([code, name]) => ({ value: code, label: name }))]}
                required
              />
              <div className="sm:col-span-3">
                <button type="submit" className={buttonClasses("primary")}>Calculate the price</button>
              </div>
            </form>

            {message && !result ? (
              <p role="alert" className="mt-5 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{message}</p>
            ) : null}
            {result ? (
              <div className="mt-6 border-t border-slate-100 pt-6">
                <QuoteSummary quote={result.quote} industryGroup={asked.industryGroup as IndustryGroupCode} country={asked.country.toUpperCase()} />
                <div className="mt-6 flex flex-wrap items-center gap-3">
                  <Link href="/sign-up?kind=LICENSEE" className={buttonClasses("primary")}>Get licensed</Link>
                  <p className="text-sm text-slate-600">Create an account, complete your organisation profile and pay by card.</p>
                </div>
              </div>
            ) : null}
          </Card>

          <Card>
            <CardTitle
              description={list.schedule ? `Prices in US dollars, in force since ${formatDay(list.schedule.effectiveFrom)}.` : undefined}
            >
              The price list
            </CardTitle>
            {list.schedule ? (
              <PriceTable schedule={list.schedule} />
            ) : (
              <p className="text-sm text-slate-600">The license is not on sale yet. Contact us for a quote.</p>
            )}
            {list.next ? (
              <p className="mt-5 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
                New prices apply from {formatDay(list.next.effectiveFrom)}. A license bought before then keeps its price for its whole term.
              </p>
            ) : null}
          </Card>
        </div>

        <section className="mt-10 grid gap-6 text-sm text-slate-600 sm:grid-cols-3">
          <div>
            <h2 className="font-semibold text-slate-900">Who needs it</h2>
            <p className="mt-1">Organisations that train, fine-tune or ground AI systems used outside the organisation: products, customer-facing assistants, models for third parties.</p>
          </div>
          <div>
            <h2 className="font-semibold text-slate-900">What it covers</h2>
            <p className="mt-1">Every enrolled work, for the purposes its rightsholder permits (pre-training, fine-tuning, retrieval), on the days it is in the repertoire.</p>
          </div>
          <div>
            <h2 className="font-semibold text-slate-900">Where the money goes</h2>
            <p className="mt-1">After an administrative fee, your fee is paid to the rightsholders of the works you report using, every quarter, to the cent.</p>
          </div>
        </section>
      </main>
      <PublicFooter />
    </div>
  );
}
