// The default operator settings of shared/DOMAIN.md. Staff change them in the admin area as new
// effective-dated rows; these are only the first rows a new database gets.
export const DEFAULT_SETTINGS = {
  /** Administrative fee in basis points of recognised revenue. */
  "distribution.adminFeeBps": 1500,
  /** A rightsholder's balance is paid when it reaches this, in cents. */
  "distribution.minimumPayoutCents": 25000,
  /** The lower threshold in the last quarter of the financial year, in cents. */
  "distribution.yearEndMinimumPayoutCents": 5000,
  /** Financial year end as MM-DD. */
  "distribution.financialYearEnd": "06-30",
  /** The run for a quarter is created this many days after the quarter ends. */
  "distribution.runDayAfterQuarterEnd": 15,
  /** Withholding without a valid tax form, in basis points. */
  "tax.domesticWithholdingBps": 2400,
  "tax.foreignWithholdingBps": 3000,
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;
