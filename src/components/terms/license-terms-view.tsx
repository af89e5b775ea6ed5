import { formatCents, INDUSTRY_LABELS } from "@/lib/pricing/price-license";
import type { LicenseTerms } from "@/lib/terms/license-terms";

const percent = (bps: number) => `${(bps / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })} %`;
const A = ({ href, children }: { href: string; children: React.ReactNode }) => <a className="text-brand-700 underline" href={href}>{children}</a>;

/** The terms a person reads; rendered from the same object as the machine-readable forms. */
export function LicenseTermsView({ terms }: { terms: LicenseTerms }) {
  const price = terms.price;
  return (
    <div className="space-y-8 text-sm leading-6 text-slate-700" data-testid="license-terms">
      <section>
        <h2 className="text-lg font-semibold text-slate-900">What the license is</h2>
        <p className="mt-2">{terms.license.description}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li><strong>Who may buy it:</strong> {terms.license.eligibleLicensees}</li>
          <li><strong>Term:</strong> {terms.license.termMonths} months from the day payment clears; renewable, automatically if you choose.</li>
          <li><strong>Voluntary and non-exclusive:</strong> rightsholders choose to enroll their works, and may license them elsewhere too.</li>
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">What it permits</h2>
        <p className="mt-2">Use of the works in the <A href={terms.urls.repertoire}>repertoire</A>, for the purposes each work&apos;s rightsholder permits, while the license is in force:</p>
        <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="terms-purposes">
          {terms.permittedPurposes.map((p) => <li key={p.code}>{p.label} <span className="text-slate-500">({p.code})</span></li>)}
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">The price</h2>
        {price ? (
          <div className="mt-2 space-y-3" data-testid="terms-price">
            <p>Prices in {price.currency}, in force from {price.effectiveFrom}. Organisations with up to {price.smallOrgMaxEmployees.toLocaleString("en-GB")} employees pay a flat fee:</p>
            <ul className="list-disc pl-5">{price.flatBands.map((b) => <li key={b.maxEmployees}>up to {b.maxEmployees.toLocaleString("en-GB")} employees: {formatCents(b.feeCents, price.currency)} a year</li>)}</ul>
            <p>Larger organisations pay per employee, by industry group:</p>
            <ul className="list-disc pl-5">{price.industryRates.map((r) => <li key={r.industryGroup}>{INDUSTRY_LABELS[r.industryGroup]}: {formatCents(r.perEmployeeCents, price.currency)} per employee</li>)}</ul>
            <p>Then a country factor applies: {price.countryFactors.map((c) => `${c.country === "*" ? "everywhere else" : c.country} ${percent(c.factorBps)}`).join(", ")}.</p>
          </div>
        ) : <p className="mt-2">Prices are being published; see the <A href={terms.urls.pricing}>pricing page</A>.</p>}
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">Where the fees go</h2>
        <p className="mt-2">
          The operator keeps an administrative fee of {percent(terms.distribution.adminFeeBps)}; the rest is paid each quarter to the rightsholders of the works licensees report using, in proportion to use.
          Balances under {formatCents(terms.distribution.minimumPayoutCents)} are carried to the next quarter.
        </p>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">How to acquire it</h2>
        <p className="mt-2"><A href={terms.urls.pricing}>Price it</A>, then <A href={terms.urls.signUp}>create a licensee account</A> and pay by card or bank transfer. Every license has a certificate anyone can verify.</p>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">Machine-readable</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li><A href={terms.urls.rsl}>RSL document</A> (Really Simple Licensing 1.0), announced in robots.txt</li>
          <li><A href={terms.urls.tdmrep}>TDMRep</A> (text and data mining rights reserved; this license is the policy)</li>
          <li><A href={terms.urls.json}>JSON</A> (<code className="font-mono text-xs">GET /api/v1/license-terms</code>)</li>
        </ul>
      </section>
    </div>
  );
}
