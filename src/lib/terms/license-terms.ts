// The license's terms in one object, and the machine-readable forms written from it (issue 8,
// decision 016): an RSL 1.0 document, a TDMRep file, and the JSON of GET /api/v1/license-terms.
// The human-readable page renders the same object, so the four always agree.
import { PURPOSES, type PurposeCode } from "../coverage/coverage-rule";
import type { PriceScheduleTerms } from "../pricing/price-license";

export type LicenseTerms = {
  licensor: { name: string; url: string };
  license: {
    code: string;
    name: string;
    description: string;
    termMonths: number;
    /** Who may buy it (DOMAIN.md): organisations training AI systems used outside them. */
    eligibleLicensees: string;
    exclusive: false;
    voluntary: true;
  };
  permittedPurposes: { code: PurposeCode; label: string; rslUsage: "ai-train" | "ai-input" }[];
  price: null | (PriceScheduleTerms & { effectiveFrom: string; minimumFeeCents: bigint });
  urls: { terms: string; pricing: string; signUp: string; repertoire: string; verify: string; rsl: string; tdmrep: string; json: string };
  /** What happens to the fees: the administrative fee, and royalties by reported usage. */
  distribution: { adminFeeBps: number; minimumPayoutCents: bigint };
};

export const PURPOSE_TERMS: Record<PurposeCode, { label: string; rslUsage: "ai-train" | "ai-input" }> = {
  TRAIN: { label: "Pre-training of AI models", rslUsage: "ai-train" },
  FINE_TUNE: { label: "Fine-tuning of AI models", rslUsage: "ai-train" },
  RAG: { label: "Retrieval-augmented generation (content supplied to a model when it answers)", rslUsage: "ai-input" },
};

export const permittedPurposes = () => PURPOSES.map((code) => ({ code, ...PURPOSE_TERMS[code] }));

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const dollars = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;

/** RSL 1.0 (https://rslstandard.org/rsl): the repertoire, its permitted AI usages, the annual fee from its lowest band. */
export function rslDocument(terms: LicenseTerms): string {
  const usages = [...new Set(terms.permittedPurposes.map((p) => p.rslUsage))].join(",");
  const payment = terms.price
    ? `      <payment type="subscription">
        <standard>${xml(terms.urls.pricing)}</standard>
        <amount currency="${xml(terms.price.currency)}">${dollars(terms.price.minimumFeeCents)}</amount>
      </payment>`
    : `      <payment type="subscription">
        <standard>${xml(terms.urls.pricing)}</standard>
      </payment>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsl xmlns="https://rslstandard.org/rsl">
  <content url="${xml(terms.urls.repertoire)}">
    <license>
      <permits type="usage">${usages}</permits>
      <permits type="user">commercial</permits>
${payment}
    </license>
    <copyright type="organization" contactUrl="${xml(terms.licensor.url)}">${xml(terms.licensor.name)}</copyright>
    <terms>${xml(terms.urls.terms)}</terms>
  </content>
</rsl>
`;
}

/** W3C TDMRep: text-and-data-mining rights are reserved for the whole site; the policy says how to license them. */
export function tdmrepDocument(terms: LicenseTerms): { location: string; "tdm-reservation": 1; "tdm-policy": string }[] {
  return [{ location: "/*", "tdm-reservation": 1, "tdm-policy": terms.urls.json }];
}

/** GET /api/v1/license-terms: the same terms as JSON (money as integer cents in strings). */
export function licenseTermsJson(terms: LicenseTerms) {
  const price = terms.price;
  return {
    licensor: terms.licensor,
    license: terms.license,
    permittedPurposes: terms.permittedPurposes,
    price: price && {
      currency: price.currency,
      effectiveFrom: price.effectiveFrom,
      minimumFeeCents: price.minimumFeeCents.toString(),
      smallOrganisations: { maxEmployees: price.smallOrgMaxEmployees, flatFees: price.flatBands.map((b) => ({ maxEmployees: b.maxEmployees, feeCents: b.feeCents.toString() })) },
      perEmployeeRates: price.industryRates.map((r) => ({ industryGroup: r.industryGroup, perEmployeeCents: r.perEmployeeCents.toString() })),
      countryFactors: price.countryFactors.map((c) => ({ country: c.country, factorBps: c.factorBps })),
    },
    distribution: { adminFeeBps: terms.distribution.adminFeeBps, minimumPayoutCents: terms.distribution.minimumPayoutCents.toString() },
    urls: terms.urls,
  };
}
