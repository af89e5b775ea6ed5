// A rightsholder's quarter (shared/DOMAIN.md, Minimum payout and Tax; decision 015): the balance
// (carried in + allocated) is paid when it reaches the threshold — the lower one in the last
// quarter of the operator's financial year — else carried forward. A payee without a valid tax
// form has withholding deducted from what is paid (round half up, domestic or foreign rate).
// Invariant: carried in + allocated = paid + withheld + carried out.
import type { Quarter } from "../usage/quarters";
import { basisPointsOf } from "./split";

export type PayoutSettings = {
  thresholdCents: bigint;
  yearEndThresholdCents: bigint;
  /** The month (1–12) the financial year ends with; the default year ends 30 June. */
  financialYearEndMonth: number;
  domesticWithholdingBps: number;
  foreignWithholdingBps: number;
};

export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = {
  thresholdCents: 25_000n,
  yearEndThresholdCents: 5_000n,
  financialYearEndMonth: 6,
  domesticWithholdingBps: 2_400,
  foreignWithholdingBps: 3_000,
};

/** Whether the quarter holds the last month of the financial year. */
export function isFinancialYearEnd(quarter: Quarter, financialYearEndMonth: number): boolean {
  return Math.ceil(financialYearEndMonth / 3) === quarter.q;
}

export type PayeeQuarter = { carriedInCents: bigint; allocatedCents: bigint; taxFormValid: boolean; isDomestic: boolean };
export type PayeeOutcome = { balanceCents: bigint; thresholdCents: bigint; paidCents: bigint; withheldCents: bigint; carriedOutCents: bigint };

export function settlePayee(payee: PayeeQuarter, quarter: Quarter, settings: PayoutSettings = DEFAULT_PAYOUT_SETTINGS): PayeeOutcome {
  if (payee.carriedInCents < 0n || payee.allocatedCents < 0n) throw new Error("Balances are 0 or more.");
  const balanceCents = payee.carriedInCents + payee.allocatedCents;
  const thresholdCents = isFinancialYearEnd(quarter, settings.financialYearEndMonth) ? settings.yearEndThresholdCents : settings.thresholdCents;
  if (balanceCents === 0n || balanceCents < thresholdCents) {
    return { balanceCents, thresholdCents, paidCents: 0n, withheldCents: 0n, carriedOutCents: balanceCents };
  }
  const rate = payee.taxFormValid ? 0 : payee.isDomestic ? settings.domesticWithholdingBps : settings.foreignWithholdingBps;
  const withheldCents = basisPointsOf(balanceCents, rate);
  return { balanceCents, thresholdCents, paidCents: balanceCents - withheldCents, withheldCents, carriedOutCents: 0n };
}
