import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { DEFAULT_SETTINGS, type SettingKey } from "./defaults";

// The operator settings as staff type them and read them. Values are stored as the defaults are
// (basis points, cents and days as integers, the year end as "MM-DD"); staff type percentages
// ("15.5"), dollars ("250.00") and days, and these functions turn one into the other exactly, with
// no float ever holding a rate or an amount. Shared by the form (hints), the use case and the page.

export type SettingKind = "percent" | "money" | "monthDay" | "days";
export type SettingValue = number | string;

export type SettingDefinition = {
  key: SettingKey;
  label: string;
  kind: SettingKind;
  /** What the setting does, in a sentence. */
  description: string;
  /** How to type it. */
  inputHint: string;
};

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  { key: "distribution.adminFeeBps", label: "Administrative fee", kind: "percent", description: "The operator's share of each grant's recognised revenue per quarter; the rest is distributed as royalties.", inputHint: "A percentage such as 15 or 15.5." },
  { key: "distribution.minimumPayoutCents", label: "Minimum payout", kind: "money", description: "A rightsholder is paid once their balance reaches this amount; a smaller balance is carried to the next quarter.", inputHint: "Dollars and cents, such as 250.00." },
  { key: "distribution.yearEndMinimumPayoutCents", label: "Year-end minimum payout", kind: "money", description: "The lower threshold applied in the last quarter of the financial year.", inputHint: "Dollars and cents, such as 50.00." },
  { key: "distribution.financialYearEnd", label: "Financial year end", kind: "monthDay", description: "The quarter holding this day is the financial year's last: its run applies the year-end minimum payout.", inputHint: "The day as MM-DD, such as 06-30." },
  { key: "distribution.runDayAfterQuarterEnd", label: "Run day after quarter end", kind: "days", description: "The distribution run for a quarter is created and calculated on this day after the quarter ends.", inputHint: "A whole number of days from 1 to 60." },
  { key: "tax.domesticWithholdingBps", label: "Withholding, domestic payees", kind: "percent", description: "Deducted from a domestic payee's payout when no valid tax form is on file.", inputHint: "A percentage such as 24." },
  { key: "tax.foreignWithholdingBps", label: "Withholding, foreign payees", kind: "percent", description: "Deducted from a foreign payee's payout when no valid tax form is on file.", inputHint: "A percentage such as 30." },
];

export const SETTING_KEYS = SETTING_DEFINITIONS.map((d) => d.key) as [SettingKey, ...SettingKey[]];

export function settingDefinition(key: SettingKey): SettingDefinition {
  return SETTING_DEFINITIONS.find((d) => d.key === key)!;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Days per month in a year without 29 February: a year end must exist every year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_MONEY_CENTS = 100_000_000;

export type ParsedSetting = { ok: true; value: SettingValue } | { ok: false; error: string };

/** What staff typed, as the stored value, or the reason it is not one. */
export function parseSettingInput(key: SettingKey, typed: string): ParsedSetting {
  const text = typed.trim();
  switch (settingDefinition(key).kind) {
    case "percent": {
      const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text);
      if (!match) return { ok: false, error: "Enter a percentage such as 15 or 15.5, with at most two decimals." };
      const bps = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
      return bps > 10_000 ? { ok: false, error: "At most 100 %." } : { ok: true, value: bps };
    }
    case "money": {
      const match = /^\$?(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
      if (!match) return { ok: false, error: "Enter an amount in dollars and cents, such as 250.00." };
      const cents = Number(match[1]!.replace(/,/g, "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
      return cents > MAX_MONEY_CENTS ? { ok: false, error: "At most $1,000,000.00." } : { ok: true, value: cents };
    }
    case "monthDay": {
      const match = /^(\d{2})-(\d{2})$/.exec(text);
      if (!match) return { ok: false, error: "Enter the day as MM-DD, such as 06-30." };
      const month = Number(match[1]);
      const day = Number(match[2]);
      if (month < 1 || month > 12) return { ok: false, error: "The month (MM) is 01 to 12." };
      if (month === 2 && day === 29) return { ok: false, error: "29 February is missing in most years: choose 02-28." };
      if (day < 1 || day > MONTH_DAYS[month - 1]!) return { ok: false, error: `${MONTHS[month - 1]} has days 01 to ${MONTH_DAYS[month - 1]}.` };
      return { ok: true, value: text };
    }
    case "days": {
      if (!/^\d{1,3}$/.test(text)) return { ok: false, error: "Enter a whole number of days from 1 to 60." };
      const days = Number(text);
      return days < 1 || days > 60 ? { ok: false, error: "Enter a whole number of days from 1 to 60." } : { ok: true, value: days };
    }
  }
}

/** A stored value as people read it: "15.5 %", "$250.00", "30 June", "15 days". */
export function formatSettingValue(key: SettingKey, value: unknown): string {
  switch (settingDefinition(key).kind) {
    case "percent": {
      const bps = Number(value);
      const decimals = bps % 100 === 0 ? "" : `.${String(bps % 100).padStart(2, "0").replace(/0$/, "")}`;
      return `${Math.floor(bps / 100)}${decimals} %`;
    }
    case "money": {
      const cents = Number(value);
      return `$${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
    }
    case "monthDay": {
      const [month, day] = String(value).split("-").map(Number);
      return `${day} ${MONTHS[(month ?? 1) - 1]}`;
    }
    case "days":
      return `${Number(value)} day${Number(value) === 1 ? "" : "s"}`;
  }
}

/** A stored value as the form's input shows it: "15.5", "250.00", "06-30", "15". */
export function settingInputValue(key: SettingKey, value: unknown): string {
  const kind = settingDefinition(key).kind;
  if (kind === "percent") return formatSettingValue(key, value).replace(" %", "");
  if (kind === "money") return formatSettingValue(key, value).replace(/[$,]/g, "");
  return String(value);
}

/** The value in force for a key when no row says otherwise. */
export function defaultSettingValue(key: SettingKey): SettingValue {
  return DEFAULT_SETTINGS[key];
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const ZAddSettingValueInput = z.object({
  key: z.enum(SETTING_KEYS, { error: "Choose a setting." }),
  /** As typed; parsed per key by parseSettingInput. */
  value: z.string().trim().min(1, "Enter the new value.").max(40, "Enter the new value."),
  effectiveFrom: z
    .string()
    .trim()
    .refine((day) => isoDay.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "Choose the first day the new value applies."),
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TAddSettingValueInput = z.input<typeof ZAddSettingValueInput>;

export const ZWithdrawSettingValueInput = z.object({
  settingId: z.uuid({ error: "That scheduled value was not found." }),
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TWithdrawSettingValueInput = z.input<typeof ZWithdrawSettingValueInput>;

export const ZUpdatePlanInput = z.object({
  planId: z.uuid({ error: "That plan was not found." }),
  name: z.string().trim().min(3, "Give the plan a name of at least 3 characters.").max(100, "At most 100 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  description: z.string().trim().max(1000, "At most 1,000 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TUpdatePlanInput = z.input<typeof ZUpdatePlanInput>;

/** Zod issues as the field errors a form shows. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fieldErrors;
}
