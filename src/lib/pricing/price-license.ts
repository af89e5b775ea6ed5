// The price of an annual license, as a pure function of the price schedule in force and what the
// licensee tells us (shared/DOMAIN.md, "Plans"): organisations up to `smallOrgMaxEmployees` pay
// the flat fee of the smallest band that holds them; larger ones pay a per-employee rate for their
// industry group. Either amount is multiplied by the country factor (basis points, "*" for every
// country not listed) and rounded half up to the cent. Money is bigint cents throughout.

export const INDUSTRY_GROUPS = [
  "TECHNOLOGY",
  "FINANCIAL_SERVICES",
  "HEALTHCARE_LIFE_SCIENCES",
  "MEDIA_PUBLISHING",
  "PROFESSIONAL_SERVICES",
  "EDUCATION_RESEARCH",
  "GOVERNMENT_NONPROFIT",
  "OTHER",
] as const;
export type IndustryGroupCode = (typeof INDUSTRY_GROUPS)[number];

export const INDUSTRY_LABELS: Record<IndustryGroupCode, string> = {
  TECHNOLOGY: "Technology and software",
  FINANCIAL_SERVICES: "Financial services",
  HEALTHCARE_LIFE_SCIENCES: "Healthcare and life sciences",
  MEDIA_PUBLISHING: "Media and publishing",
  PROFESSIONAL_SERVICES: "Professional services",
  EDUCATION_RESEARCH: "Education and research",
  GOVERNMENT_NONPROFIT: "Government and non-profit",
  OTHER: "Other industries",
};

/** Every country not listed in a schedule's factors takes the "*" factor. */
export const ANY_COUNTRY = "*";

/** Organisations larger than this are quoted by staff, not online. */
export const MAX_ONLINE_EMPLOYEES = 1_000_000;

export type PriceScheduleTerms = {
  currency: string;
  smallOrgMaxEmployees: number;
  /** Flat fees: a band holds organisations up to its `maxEmployees` (and above the band below). */
  flatBands: { maxEmployees: number; feeCents: bigint }[];
  industryRates: { industryGroup: IndustryGroupCode; perEmployeeCents: bigint }[];
  countryFactors: { country: string; factorBps: number }[];
};

export type PriceInput = { employeeCount: number; industryGroup: IndustryGroupCode; country: string };

export type Quote = {
  currency: string;
  feeCents: bigint;
  /** The amount before the country factor. */
  baseCents: bigint;
  basis:
    | { kind: "flat"; bandMinEmployees: number; bandMaxEmployees: number }
    | { kind: "perEmployee"; perEmployeeCents: bigint; employees: number };
  countryFactorBps: number;
  /** The country whose factor applied, or "*". */
  factorCountry: string;
};

export class PricingError extends Error {
  constructor(
    message: string,
    readonly field: "employeeCount" | "industryGroup" | "country" | "schedule",
  ) {
    super(message);
    this.name = "PricingError";
  }
}

/** round_half_up(value × bps / 10000) for value ≥ 0 and bps ≥ 0, exactly. */
export function applyBasisPoints(value: bigint, bps: number): bigint {
  return (value * BigInt(bps) + 5_000n) / 10_000n;
}

export function priceLicense(schedule: PriceScheduleTerms, input: PriceInput): Quote {
  const { employeeCount, industryGroup } = input;
  if (!Number.isSafeInteger(employeeCount) || employeeCount < 1) {
    throw new PricingError("Enter the number of employees as a whole number, 1 or more.", "employeeCount");
  }
  if (employeeCount > MAX_ONLINE_EMPLOYEES) {
    throw new PricingError(`For more than ${MAX_ONLINE_EMPLOYEES.toLocaleString("en-US")} employees, contact us for a quote.`, "employeeCount");
  }
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new PricingError("Choose the country where the organisation is established.", "country");

  let baseCents: bigint;
  let basis: Quote["basis"];
  if (employeeCount <= schedule.smallOrgMaxEmployees) {
    const bands = [...schedule.flatBands].sort((a, b) => a.maxEmployees - b.maxEmployees);
    const index = bands.findIndex((band) => employeeCount <= band.maxEmployees);
    if (index === -1) throw new PricingError(`No flat fee covers ${employeeCount} employees in this price schedule.`, "schedule");
    const band = bands[index]!;
    baseCents = band.feeCents;
    basis = { kind: "flat", bandMinEmployees: index === 0 ? 1 : bands[index - 1]!.maxEmployees + 1, bandMaxEmployees: band.maxEmployees };
  } else {
    const rate = schedule.industryRates.find((r) => r.industryGroup === industryGroup);
    if (!rate) throw new PricingError("Choose the organisation's industry group.", "industryGroup");
    baseCents = rate.perEmployeeCents * BigInt(employeeCount);
    basis = { kind: "perEmployee", perEmployeeCents: rate.perEmployeeCents, employees: employeeCount };
  }

  const factor = schedule.countryFactors.find((f) => f.country === country) ?? schedule.countryFactors.find((f) => f.country === ANY_COUNTRY);
  if (!factor) throw new PricingError("This price schedule has no factor for that country.", "schedule");
  return {
    currency: schedule.currency,
    feeCents: applyBasisPoints(baseCents, factor.factorBps),
    baseCents,
    basis,
    countryFactorBps: factor.factorBps,
    factorCountry: factor.country,
  };
}

/**
 * What makes a schedule usable for every organisation: bands rising and reaching the small-
 * organisation limit, a rate for every industry group, a "*" factor, no negative amounts.
 * Staff can't save a schedule with any of these problems.
 */
export function scheduleProblems(schedule: PriceScheduleTerms): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(schedule.smallOrgMaxEmployees) || schedule.smallOrgMaxEmployees < 0) {
    problems.push("The small-organisation limit must be a whole number of employees, 0 or more.");
  }
  const bands = [...schedule.flatBands].sort((a, b) => a.maxEmployees - b.maxEmployees);
  bands.forEach((band, i) => {
    if (!Number.isSafeInteger(band.maxEmployees) || band.maxEmployees < 1) problems.push(`Flat band ${i + 1}: the employee limit must be 1 or more.`);
    if (band.feeCents < 0n) problems.push(`Flat band ${i + 1}: the fee can't be negative.`);
    if (i > 0 && band.maxEmployees === bands[i - 1]!.maxEmployees) problems.push(`Two flat bands end at ${band.maxEmployees} employees.`);
  });
  if (schedule.smallOrgMaxEmployees > 0) {
    const last = bands.at(-1);
    if (!last || last.maxEmployees !== schedule.smallOrgMaxEmployees) {
      problems.push(`The last flat band must end at the small-organisation limit (${schedule.smallOrgMaxEmployees} employees).`);
    }
  } else if (bands.length > 0) {
    problems.push("Flat bands need a small-organisation limit above 0.");
  }
  for (const group of INDUSTRY_GROUPS) {
    const rates = schedule.industryRates.filter((r) => r.industryGroup === group);
    if (rates.length === 0) problems.push(`${INDUSTRY_LABELS[group]} has no per-employee rate.`);
    if (rates.some((r) => r.perEmployeeCents < 0n)) problems.push(`${INDUSTRY_LABELS[group]}: the rate can't be negative.`);
  }
  const countries = new Set<string>();
  for (const factor of schedule.countryFactors) {
    if (factor.country !== ANY_COUNTRY && !/^[A-Z]{2}$/.test(factor.country)) problems.push(`"${factor.country}" is not a two-letter country code.`);
    if (countries.has(factor.country)) problems.push(`${factor.country} has two country factors.`);
    countries.add(factor.country);
    if (!Number.isSafeInteger(factor.factorBps) || factor.factorBps < 1 || factor.factorBps > 100_000) {
      problems.push(`${factor.country === ANY_COUNTRY ? "The default factor" : factor.country}: the factor must be between 0.01% and 1000% (1 to 100,000 basis points).`);
    }
  }
  if (!countries.has(ANY_COUNTRY)) problems.push('Give a default country factor ("*") for every country not listed.');
  return problems;
}

/** The schedule in force on `date` (YYYY-MM-DD): the latest whose effectiveFrom is on or before it. */
export function scheduleInForce<T extends { effectiveFrom: string }>(schedules: T[], date: string): T | null {
  let best: T | null = null;
  for (const schedule of schedules) {
    if (schedule.effectiveFrom <= date && (!best || schedule.effectiveFrom > best.effectiveFrom)) best = schedule;
  }
  return best;
}

/** "$4,500.00" from cents, exactly (no floats). */
export function formatCents(cents: bigint, currency = "USD"): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const rest = (abs % 100n).toString().padStart(2, "0");
  const symbol = currency === "USD" ? "$" : `${currency} `;
  return `${negative ? "-" : ""}${symbol}${dollars}.${rest}`;
}
