import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { COUNTRIES } from "@/lib/countries";
import { INDUSTRY_GROUPS, MAX_ONLINE_EMPLOYEES } from "@/lib/pricing/price-license";

const COUNTRY_CODES = COUNTRIES.map(([code]) => code) as [string, ...string[]];

/**
 * What a licensee tells the operator before buying: who it is, how big, in which industry and
 * country (these set the price), what AI systems it trains and how they are used outside the
 * organisation (the license is for external use), and that its training content is lawfully obtained.
 */
export const ZLicenseeProfileInput = z.object({
  organizationId: z.uuid(),
  legalName: z.string().trim().min(2, "Enter the organisation's legal name.").max(200, "At most 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  country: z.enum(COUNTRY_CODES, { message: "Choose the country where the organisation is established." }),
  industryGroup: z.enum(INDUSTRY_GROUPS, { message: "Choose the organisation's industry group." }),
  employeeCount: z.coerce
    .number({ error: "Enter the number of employees." })
    .int("Enter a whole number of employees.")
    .min(1, "Enter 1 or more employees.")
    .max(MAX_ONLINE_EMPLOYEES, `For more than ${MAX_ONLINE_EMPLOYEES.toLocaleString("en-US")} employees, contact us for a quote.`),
  aiSystemsDescription: z
    .string()
    .trim()
    .min(40, "Describe the AI systems and how they are used outside your organisation (at least 40 characters).")
    .max(4000, "At most 4,000 characters.")
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  attestsLawfulContent: z.literal("on", { error: "Confirm that your training content is lawfully obtained." }),
});
export type TLicenseeProfileInput = z.input<typeof ZLicenseeProfileInput>;
