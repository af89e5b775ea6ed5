// Tax forms on file and whether they still count. Royalties to a payee without a valid form are
// withheld (DOMAIN.md money rules); this is the one rule for "valid". Pure: pages and use cases share it.

export const TAX_FORM_TYPES = ["W9", "W8BEN", "W8BEN_E", "OTHER"] as const;
export type TaxFormTypeCode = (typeof TAX_FORM_TYPES)[number];
export const TAX_FORM_LABELS: Record<TaxFormTypeCode, string> = {
  W9: "W-9 (US person)",
  W8BEN: "W-8BEN (foreign individual)",
  W8BEN_E: "W-8BEN-E (foreign entity)",
  OTHER: "Other (reviewed by staff)",
};

export type TaxFormState =
  | { state: "MISSING" }
  | { state: "VALID"; expiresOn: string | null }
  | { state: "EXPIRED"; expiredOn: string }
  | { state: "AWAITING_REVIEW" };

/**
 * W-9: valid until replaced. W-8BEN and W-8BEN-E: valid through 31 December of the third year after
 * the year signed (IRS rule). OTHER: valid only once staff have checked it (`staffValidated`).
 */
export function taxFormState(type: TaxFormTypeCode | null, signedOn: string | null, staffValidated: boolean, today: string): TaxFormState {
  if (!type || !signedOn) return { state: "MISSING" };
  if (type === "W9") return { state: "VALID", expiresOn: null };
  if (type === "OTHER") return staffValidated ? { state: "VALID", expiresOn: null } : { state: "AWAITING_REVIEW" };
  const lastDay = `${Number(signedOn.slice(0, 4)) + 3}-12-31`;
  return today <= lastDay ? { state: "VALID", expiresOn: lastDay } : { state: "EXPIRED", expiredOn: lastDay };
}

/** Whether the stored flag should say valid, from the rule above (OTHER keeps what staff decided). */
export function isTaxFormValid(type: TaxFormTypeCode | null, signedOn: string | null, staffValidated: boolean, today: string): boolean {
  return taxFormState(type, signedOn, staffValidated, today).state === "VALID";
}
