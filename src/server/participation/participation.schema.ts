import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { COUNTRIES } from "@/lib/countries";
import { isValidDate } from "@/lib/works/work-input";
import { TAX_FORM_TYPES } from "@/lib/participation/tax-form";

const COUNTRY_CODES = COUNTRIES.map(([code]) => code) as [string, ...string[]];

export const ZOrganizationOnly = z.object({ organizationId: z.uuid() });

export const ZAcceptAgreementInput = z.object({
  organizationId: z.uuid(),
  /** The version the person read: accepting succeeds only if it is still the current one. */
  agreementId: z.uuid({ message: "Reload the page: the agreement could not be identified." }),
});

export const ZRightsholderProfileInput = z.object({
  organizationId: z.uuid(),
  legalName: z.string().trim().min(2, "Enter the organisation's legal name.").max(200, "At most 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  country: z.enum(COUNTRY_CODES, { message: "Choose the country where the organisation is established." }),
  contactName: z.string().trim().min(2, "Enter a contact person.").max(200, "At most 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
});
export type TRightsholderProfileInput = z.input<typeof ZRightsholderProfileInput>;

export const ZTaxFormInput = z.object({
  organizationId: z.uuid(),
  taxFormType: z.enum(TAX_FORM_TYPES, { message: "Choose the form you signed." }),
  signedOn: z
    .string()
    .trim()
    .refine(isValidDate, "Use a date as YYYY-MM-DD.")
    .refine((d) => d >= "1990-01-01", "That date is too far in the past.")
    .refine((d) => d <= new Date().toISOString().slice(0, 10), "The date signed can't be in the future."),
});
export type TTaxFormInput = z.input<typeof ZTaxFormInput>;

export const ZRejectInput = z.object({
  organizationId: z.uuid(),
  reason: z.string().trim().min(10, "Tell the rightsholder what to fix (at least 10 characters).").max(2000, "At most 2,000 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});

export const RIGHTSHOLDER_STATUSES = ["PENDING_APPROVAL", "DRAFT", "REJECTED", "APPROVED", "SUSPENDED"] as const;
export const ZStatusFilter = z.enum([...RIGHTSHOLDER_STATUSES, "ALL"]).catch("PENDING_APPROVAL");
