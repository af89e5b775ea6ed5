import { z } from "zod";
import { INDUSTRY_GROUPS, MAX_ONLINE_EMPLOYEES } from "@/lib/pricing/price-license";

// What a quote is asked with (the public calculator, the licensee's quote) and what a staff
// member sends to publish a new price schedule. Amounts arrive as dollars-and-cents text and are
// turned into integer cents here; no float ever holds money.

export const ZQuoteInput = z.object({
  employeeCount: z.coerce
    .number({ error: "Enter the number of employees." })
    .int("Enter a whole number of employees.")
    .min(1, "Enter 1 or more employees.")
    .max(MAX_ONLINE_EMPLOYEES, `For more than ${MAX_ONLINE_EMPLOYEES.toLocaleString("en-US")} employees, contact us for a quote.`),
  industryGroup: z.enum(INDUSTRY_GROUPS, { error: "Choose the organisation's industry group." }),
  country: z.string({ error: "Choose the country where the organisation is established." }).trim().toUpperCase().regex(/^[A-Z]{2}$/, "Choose the country where the organisation is established."),
});
export type TQuoteInput = z.input<typeof ZQuoteInput>;

/** "1,500.00", "1500", "$1,500.5" → 150050n cents; null when it is not an amount. */
export function parseDollars(text: string): bigint | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

/** "60", "60.5", "100" (percent) → basis points; null when it is not a percentage with up to two decimals. */
export function parsePercentToBps(text: string): number | null {
  const match = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, "").trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** A new schedule as the staff form sends it: every amount still as typed. */
export type TScheduleDraft = {
  effectiveFrom: string;
  smallOrgMaxEmployees: string;
  bands: { maxEmployees: string; fee: string }[];
  rates: Partial<Record<(typeof INDUSTRY_GROUPS)[number], string>>;
  factors: { country: string; percent: string }[];
};

/** Form field names, shared by the form and the field errors the use case returns. */
export const scheduleFieldNames = {
  bandMax: (i: number) => `band-${i}-max`,
  bandFee: (i: number) => `band-${i}-fee`,
  rate: (group: string) => `rate-${group}`,
  factorCountry: (i: number) => `factor-${i}-country`,
  factorPercent: (i: number) => `factor-${i}-percent`,
};

/** The flat form values back into a draft; rows left wholly blank are dropped. */
export function readScheduleForm(values: Record<string, string>): TScheduleDraft {
  const rows = (prefix: string) =>
    [...new Set(Object.keys(values).map((k) => new RegExp(`^${prefix}-(\\d+)-`).exec(k)?.[1]).filter((i): i is string => i !== undefined))]
      .map(Number)
      .sort((a, b) => a - b);
  return {
    effectiveFrom: values.effectiveFrom ?? "",
    smallOrgMaxEmployees: values.smallOrgMaxEmployees ?? "",
    bands: rows("band")
      .map((i) => ({ maxEmployees: values[scheduleFieldNames.bandMax(i)] ?? "", fee: values[scheduleFieldNames.bandFee(i)] ?? "" }))
      .filter((b) => b.maxEmployees.trim() !== "" || b.fee.trim() !== ""),
    rates: Object.fromEntries(INDUSTRY_GROUPS.map((g) => [g, values[scheduleFieldNames.rate(g)] ?? ""])),
    factors: rows("factor")
      .map((i) => ({ country: values[scheduleFieldNames.factorCountry(i)] ?? "", percent: values[scheduleFieldNames.factorPercent(i)] ?? "" }))
      .filter((f) => f.country.trim() !== "" || f.percent.trim() !== ""),
  };
}

export const ZScheduleId = z.object({ scheduleId: z.uuid({ error: "That price schedule was not found." }) });
