// Refund rules, pure and in integer cents (shared/DOMAIN.md, Money rules). The suggested refund is
// the unused part of the term, pro rata by day, computed the way revenue recognition counts the
// used part: floor(P * d / D) is what the days before the refund's effect have earned, so the
// refund plus what revenue recognition keeps sums exactly to what was paid, cent for cent.
import { daysBetween } from "./term";

export type RefundBasis = {
  /** What the licensee paid for the grant, in cents. */
  paidCents: bigint;
  /** Already refunded for the grant, in cents. */
  refundedCents: bigint;
  startsOn: string;
  /** The term's length in days as issued (a shortened grant keeps its original termDays). */
  termDays: number;
  /** The day the grant stops covering: today for a revocation, the new end for a shortened term. */
  coverageEndsOn: string;
};

/** The most that may still be refunded: paid minus already refunded, never below zero. */
export function refundableCents(basis: Pick<RefundBasis, "paidCents" | "refundedCents">): bigint {
  const left = basis.paidCents - basis.refundedCents;
  return left > 0n ? left : 0n;
}

/**
 * The unused part of the term from `coverageEndsOn`, less what was already refunded (an earlier
 * refund for a later part of the term counts against it), within 0..refundable.
 */
export function suggestedRefundCents(basis: RefundBasis): bigint {
  const days = BigInt(basis.termDays);
  if (days <= 0n) return refundableCents(basis);
  const used = BigInt(Math.min(Math.max(daysBetween(basis.startsOn, basis.coverageEndsOn), 0), basis.termDays));
  const unused = basis.paidCents - (basis.paidCents * used) / days - basis.refundedCents;
  const max = refundableCents(basis);
  if (unused < 0n) return 0n;
  return unused > max ? max : unused;
}

export type ParsedAmount = { ok: true; cents: bigint } | { ok: false; error: string };

/** "1,234.5" or "$1234.50" → 123450n; dollars and at most two decimals, zero or more. */
export function parseDollarsToCents(input: string): ParsedAmount {
  const cleaned = input.trim().replace(/^\$/, "").replace(/,/g, "");
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, error: "Enter an amount in dollars and cents, e.g. 1250.00." };
  return { ok: true, cents: BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0")) };
}

/** 123450n → "1234.50", the form's plain input format (no symbol, no separators). */
export function centsToDollarInput(cents: bigint): string {
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}
