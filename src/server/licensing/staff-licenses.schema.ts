import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { parseDollarsToCents } from "@/lib/licensing/refund-rules";
import type { FieldErrors } from "../errors";

// The staff's own changes to licenses (ADMIN): a grant made by hand for an invoiced customer, a
// revocation, an extension. Every one carries a reason, kept in the audit row and told to the
// licensee. Dates are calendar days, YYYY-MM-DD; a term's end is exclusive (src/lib/licensing/term.ts).

/** A real calendar day written YYYY-MM-DD (31 February is refused, not rolled over). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
}

const day = (message: string) => z.string().trim().refine(isCalendarDay, { message });
const reason = z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
const grantId = z.uuid({ message: "Unknown license." });

/** Longest term staff may grant by hand, in months (the plan sells 12). */
export const MAX_TERM_MONTHS = 36;
/** An extension adds at most this many days to the current end. */
export const MAX_EXTENSION_DAYS = 366;

export const ZGrantLicenseManuallyInput = z
  .object({
    organizationId: z.uuid({ message: "Choose the licensee organisation." }),
    startsOn: day("Choose the day the license starts."),
    termMonths: z.coerce.number({ message: "Enter the term in whole months." }).int("Enter the term in whole months.")
      .min(1, "At least 1 month.").max(MAX_TERM_MONTHS, `At most ${MAX_TERM_MONTHS} months.`),
    /** The fee the form showed from the price schedule, in cents: a price that changed since is not charged unseen. */
    quotedFeeCents: z.string().trim().regex(/^\d{1,15}$/, "Reload the page and try again.").transform((v) => BigInt(v)),
    /** Dollars and cents as typed; empty means the schedule's fee. */
    feeOverride: z.string().trim().optional().default("").transform((value, ctx) => {
      if (value === "") return null;
      const parsed = parseDollarsToCents(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      if (parsed.cents <= 0n) {
        ctx.addIssue({ code: "custom", message: "An invoiced license has a fee above $0.00." });
        return z.NEVER;
      }
      return parsed.cents;
    }),
    feeOverrideReason: z.string().trim().max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().default(""),
    invoiceReference: z.string().trim().min(1, "Enter the invoice number the customer was sent.").max(100, "At most 100 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
    reason,
  })
  .superRefine((input, ctx) => {
    if (input.feeOverride !== null && input.feeOverrideReason.length < 5) {
      ctx.addIssue({ code: "custom", path: ["feeOverrideReason"], message: "Say why the fee differs from the price schedule (at least 5 characters)." });
    }
  });
export type TGrantLicenseManuallyInput = z.input<typeof ZGrantLicenseManuallyInput>;

export const ZRevokeLicenseInput = z.object({
  grantId,
  /** The end the page showed: the revocation applies only to the license as staff saw it. */
  expectedEndsOn: day("Reload the page and try again."),
  reason,
});
export type TRevokeLicenseInput = z.input<typeof ZRevokeLicenseInput>;

export const EXTEND_MODES = ["DAYS", "DATE"] as const;

export const ZExtendLicenseInput = z
  .object({
    grantId,
    expectedEndsOn: day("Reload the page and try again."),
    mode: z.enum(EXTEND_MODES, { message: "Choose how to extend: by days, or to a date." }),
    days: z.string().trim().optional().default(""),
    /** DATE only: the new (exclusive) end. */
    endsOn: z.string().trim().optional().default(""),
    reason,
  })
  .superRefine((input, ctx) => {
    if (input.mode === "DAYS") {
      const days = Number(input.days);
      if (!/^\d+$/.test(input.days) || days < 1 || days > MAX_EXTENSION_DAYS) ctx.addIssue({ code: "custom", path: ["days"], message: `Enter a whole number of days, 1 to ${MAX_EXTENSION_DAYS}.` });
    } else if (!isCalendarDay(input.endsOn)) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Choose the new end." });
    }
  });
export type TExtendLicenseInput = z.input<typeof ZExtendLicenseInput>;

/** zod's issues as the form's field errors (the first path segment names the field). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}

export const ZLicenseeSearch = z.object({ q: z.string().trim().max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined) });
