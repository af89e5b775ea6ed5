import "server-only";
import { z } from "zod";
import { INDUSTRY_GROUPS } from "@/lib/pricing/price-license";
import { ZDay, ZDecimalString, ZPurpose } from "./common.response";

// What GET /api/v1/license-terms answers: licenseTermsJson in src/lib/terms/license-terms.ts.

export const ZLicenseTerms = z.strictObject({
  licensor: z.strictObject({ name: z.string(), url: z.string() }),
  license: z.strictObject({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    termMonths: z.int(),
    eligibleLicensees: z.string().describe("Who may buy it."),
    exclusive: z.literal(false),
    voluntary: z.literal(true),
  }),
  permittedPurposes: z.array(
    z.strictObject({
      code: ZPurpose,
      label: z.string(),
      rslUsage: z.enum(["ai-train", "ai-input"]).describe("The purpose's usage term in RSL 1.0."),
    }),
  ),
  price: z
    .strictObject({
      currency: z.string().describe("ISO 4217; every amount is in its minor unit (cents)."),
      effectiveFrom: ZDay,
      minimumFeeCents: ZDecimalString.describe("The lowest annual fee."),
      smallOrganisations: z.strictObject({
        maxEmployees: z.int().describe("Organisations up to this size pay a flat fee."),
        flatFees: z.array(z.strictObject({ maxEmployees: z.int(), feeCents: ZDecimalString })),
      }),
      perEmployeeRates: z.array(z.strictObject({ industryGroup: z.enum(INDUSTRY_GROUPS), perEmployeeCents: ZDecimalString })),
      countryFactors: z.array(z.strictObject({ country: z.string().describe("ISO 3166 alpha-2, or * for everywhere else."), factorBps: z.int() })),
    })
    .nullable()
    .describe("The price schedule in force; null while none is published."),
  distribution: z.strictObject({
    adminFeeBps: z.int().describe("The operator's administrative fee, in basis points of recognised revenue."),
    minimumPayoutCents: ZDecimalString.describe("Balances below it are carried to the next quarter."),
  }),
  urls: z.strictObject({
    terms: z.string(),
    pricing: z.string(),
    signUp: z.string(),
    repertoire: z.string(),
    verify: z.string(),
    rsl: z.string(),
    tdmrep: z.string(),
    json: z.string(),
  }),
});
