import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INDUSTRY_GROUPS,
  PricingError,
  applyBasisPoints,
  formatCents,
  priceLicense,
  scheduleInForce,
  scheduleProblems,
  type IndustryGroupCode,
  type PriceScheduleTerms,
} from "@/lib/pricing/price-license";

const rate = (cents: number) => BigInt(cents);

/** The demo schedule (prisma/seed.ts): flat fees up to 50 employees, then per employee. */
const SCHEDULE: PriceScheduleTerms = {
  currency: "USD",
  smallOrgMaxEmployees: 50,
  flatBands: [
    { maxEmployees: 50, feeCents: 450_000n },
    { maxEmployees: 10, feeCents: 150_000n },
  ],
  industryRates: INDUSTRY_GROUPS.map((industryGroup) => ({
    industryGroup,
    perEmployeeCents: rate({ TECHNOLOGY: 12_000, EDUCATION_RESEARCH: 4_000, GOVERNMENT_NONPROFIT: 3_000 }[industryGroup as string] ?? 7_000),
  })),
  countryFactors: [
    { country: "*", factorBps: 10_000 },
    { country: "IN", factorBps: 6_000 },
    { country: "BR", factorBps: 7_000 },
  ],
};

describe("priceLicense", () => {
  const CASES: [employees: number, industry: IndustryGroupCode, country: string, feeCents: bigint, how: string][] = [
    [1, "TECHNOLOGY", "US", 150_000n, "smallest band"],
    [10, "TECHNOLOGY", "US", 150_000n, "top of the smallest band"],
    [11, "TECHNOLOGY", "US", 450_000n, "next band"],
    [50, "EDUCATION_RESEARCH", "GB", 450_000n, "top of the small-organisation bands, whatever the industry"],
    [51, "TECHNOLOGY", "US", 612_000n, "51 × $120 per employee"],
    [51, "EDUCATION_RESEARCH", "US", 204_000n, "51 × $40"],
    [120, "TECHNOLOGY", "IN", 864_000n, "120 × $120 × 60 %"],
    [120, "TECHNOLOGY", "in", 864_000n, "country codes in any case"],
    [10, "OTHER", "BR", 105_000n, "flat fee × 70 %"],
    [200, "MEDIA_PUBLISHING", "FR", 1_400_000n, "an unlisted country takes the * factor"],
    [1_000_000, "TECHNOLOGY", "US", 12_000_000_000n, "the largest organisation quoted online"],
  ];
  it.each(CASES)("%i employees, %s, %s → %i cents (%s)", (employeeCount, industryGroup, country, fee) => {
    expect(priceLicense(SCHEDULE, { employeeCount, industryGroup, country }).feeCents).toBe(fee);
  });

  it("explains the quote: the band or the rate, and the factor that applied", () => {
    expect(priceLicense(SCHEDULE, { employeeCount: 11, industryGroup: "TECHNOLOGY", country: "US" })).toEqual({
      currency: "USD",
      feeCents: 450_000n,
      baseCents: 450_000n,
      basis: { kind: "flat", bandMinEmployees: 11, bandMaxEmployees: 50 },
      countryFactorBps: 10_000,
      factorCountry: "*",
    });
    expect(priceLicense(SCHEDULE, { employeeCount: 120, industryGroup: "TECHNOLOGY", country: "IN" })).toMatchObject({
      baseCents: 1_440_000n,
      basis: { kind: "perEmployee", perEmployeeCents: 12_000n, employees: 120 },
      countryFactorBps: 6_000,
      factorCountry: "IN",
    });
  });

  it.each([
    [1n, 5_000, 1n, "0.5 rounds up"],
    [3n, 5_000, 2n, "1.5 rounds up"],
    [1n, 4_999, 0n, "0.4999 rounds down"],
    [150_001n, 3_333, 49_995n, "49,995.33 rounds down"],
    [99_999n, 15_000, 149_999n, "149,998.5 rounds up"],
    [0n, 7_000, 0n, "a free band stays free"],
  ])("rounds %i cents × %i bps half up to %i (%s)", (value, bps, expected) => {
    expect(applyBasisPoints(value, bps)).toBe(expected);
  });

  it("puts everyone on the per-employee rate when there is no small-organisation limit", () => {
    const schedule = { ...SCHEDULE, smallOrgMaxEmployees: 0, flatBands: [] };
    expect(priceLicense(schedule, { employeeCount: 3, industryGroup: "GOVERNMENT_NONPROFIT", country: "US" }).feeCents).toBe(9_000n);
  });

  it.each([
    [0, "TECHNOLOGY", "US", "employeeCount"],
    [-5, "TECHNOLOGY", "US", "employeeCount"],
    [2.5, "TECHNOLOGY", "US", "employeeCount"],
    [Number.NaN, "TECHNOLOGY", "US", "employeeCount"],
    [1_000_001, "TECHNOLOGY", "US", "employeeCount"],
    [10, "TECHNOLOGY", "USA", "country"],
    [10, "TECHNOLOGY", "", "country"],
  ] as const)("refuses %s employees, %s, %j with a message on %s", (employeeCount, industryGroup, country, field) => {
    expect(() => priceLicense(SCHEDULE, { employeeCount, industryGroup, country })).toThrow(PricingError);
    try {
      priceLicense(SCHEDULE, { employeeCount, industryGroup, country });
    } catch (error) {
      expect((error as PricingError).field).toBe(field);
      expect((error as PricingError).message.length).toBeGreaterThan(10);
    }
  });

  it("says what is missing when a schedule can't price the input", () => {
    const noDefault = { ...SCHEDULE, countryFactors: [{ country: "IN", factorBps: 6_000 }] };
    expect(() => priceLicense(noDefault, { employeeCount: 5, industryGroup: "OTHER", country: "US" })).toThrow(/no factor for that country/);
    const noRate = { ...SCHEDULE, industryRates: [] };
    expect(() => priceLicense(noRate, { employeeCount: 500, industryGroup: "OTHER", country: "US" })).toThrow(/industry group/);
    const gap = { ...SCHEDULE, flatBands: [{ maxEmployees: 10, feeCents: 1n }] };
    expect(() => priceLicense(gap, { employeeCount: 20, industryGroup: "OTHER", country: "US" })).toThrow(/No flat fee covers 20/);
  });

  it("is exact for every input: the fee is the rounded product, never negative, and grows with the employees above the bands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 51, max: 1_000_000 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...INDUSTRY_GROUPS),
        fc.constantFrom("US", "IN", "BR", "DE"),
        (employees, more, industryGroup, country) => {
          const quote = priceLicense(SCHEDULE, { employeeCount: employees, industryGroup, country });
          const rateCents = SCHEDULE.industryRates.find((r) => r.industryGroup === industryGroup)!.perEmployeeCents;
          const bps = BigInt(quote.countryFactorBps);
          const exact = rateCents * BigInt(employees) * bps; // × 10⁻⁴ cents
          expect(quote.feeCents * 10_000n <= exact + 5_000n).toBe(true);
          expect(quote.feeCents * 10_000n > exact - 5_000n).toBe(true);
          expect(quote.feeCents >= 0n).toBe(true);
          const larger = priceLicense(SCHEDULE, { employeeCount: Math.min(employees + more, 1_000_000), industryGroup, country });
          expect(larger.feeCents >= quote.feeCents).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("scheduleProblems", () => {
  it("finds none in a complete schedule", () => {
    expect(scheduleProblems(SCHEDULE)).toEqual([]);
  });

  it("names each problem a staff member must fix", () => {
    const problems = scheduleProblems({
      currency: "USD",
      smallOrgMaxEmployees: 50,
      flatBands: [{ maxEmployees: 10, feeCents: -1n }, { maxEmployees: 10, feeCents: 5n }],
      industryRates: [{ industryGroup: "TECHNOLOGY", perEmployeeCents: 1n }],
      countryFactors: [{ country: "in", factorBps: 0 }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "Flat band 1: the fee can't be negative.",
        "Two flat bands end at 10 employees.",
        "The last flat band must end at the small-organisation limit (50 employees).",
        "Financial services has no per-employee rate.",
        '"in" is not a two-letter country code.',
        'Give a default country factor ("*") for every country not listed.',
      ]),
    );
    expect(problems.some((p) => p.startsWith("in: the factor must be"))).toBe(true);
  });
});

describe("scheduleInForce", () => {
  const schedules = [{ effectiveFrom: "2026-01-01", id: "a" }, { effectiveFrom: "2027-01-01", id: "c" }, { effectiveFrom: "2026-07-01", id: "b" }];
  it.each([
    ["2025-12-31", null],
    ["2026-01-01", "a"],
    ["2026-06-30", "a"],
    ["2026-07-01", "b"],
    ["2030-01-01", "c"],
  ])("on %s takes %s", (date, id) => {
    expect(scheduleInForce(schedules, date)?.id ?? null).toBe(id);
  });
});

describe("formatCents", () => {
  it.each([
    [0n, "$0.00"],
    [5n, "$0.05"],
    [150_000n, "$1,500.00"],
    [12_000_000_000n, "$120,000,000.00"],
    [-1_234_567n, "-$12,345.67"],
  ])("%i → %s", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
