// Revenue recognition (shared/DOMAIN.md, Money rules; decision 015). A grant with fee F over a term
// of D days has recognised, by the end of its d-th day, C(d) = floor(F·d/D); a quarter recognises
// C(d_end) − C(d_start), d_x being the term days before the quarter's start or end, clamped to
// 0..D, so a grant's quarters sum to exactly F.
// "Refunds reduce F from the refund date on": a refund R effective after r term days leaves
// what C(r) already recognised alone and spreads what is left, F − C(r) − R, over the remaining
// days the same way: C(d) = C(r) + floor((F − C(r) − R)·(d − r)/(D − r)) for d ≥ r. The quarters
// then sum to exactly F − (refunds), nothing recognised is taken back, and nothing is negative. A
// refund larger than what is left to recognise (money already recognised, perhaps distributed)
// recognises nothing more from its date, and the excess is reported for reconciliation.
import { daysBetween } from "../licensing/term";
import type { Quarter } from "../usage/quarters";
import { basisPointsOf } from "./split";

export type GrantForRevenue = {
  feeCents: bigint;
  startsOn: string;
  termDays: number;
  refunds: { amountCents: bigint; effectiveOn: string }[];
};

const clamp = (d: number, max: number) => Math.min(Math.max(d, 0), max);

/** C(d): what the grant has recognised by the end of its first d term days. */
export function recognisedBy(grant: GrantForRevenue, d: number): bigint {
  const D = grant.termDays;
  if (!Number.isInteger(D) || D <= 0) throw new Error("A term has a positive number of days.");
  const day = clamp(d, D);
  const refunds = grant.refunds
    .map((r) => ({ at: clamp(daysBetween(grant.startsOn, r.effectiveOn), D), amount: r.amountCents }))
    .sort((a, b) => a.at - b.at);
  // The piece of the term being recognised: from day `from` (with `base` recognised by then),
  // `toRecognise` spread over the days up to D.
  let from = 0;
  let base = 0n;
  let toRecognise = grant.feeCents;
  const within = (until: number) => base + (toRecognise * BigInt(until - from)) / BigInt(D - from);
  for (const refund of refunds) {
    if (refund.at >= day) break;
    if (refund.at === D) break;
    const reached = within(refund.at);
    const left = toRecognise - (reached - base) - refund.amount;
    from = refund.at;
    base = reached;
    toRecognise = left > 0n ? left : 0n;
  }
  return day === from ? base : within(day);
}

/** What the grant recognises in the quarter. */
export function recognisedInQuarter(grant: GrantForRevenue, quarter: Quarter): bigint {
  const dStart = daysBetween(grant.startsOn, quarter.startsOn);
  const dEnd = daysBetween(grant.startsOn, quarter.endsOn);
  return recognisedBy(grant, dEnd) - recognisedBy(grant, dStart);
}

/** The part of refunds that came after the money was already recognised (0 normally). */
export function refundedBeyondRecognition(grant: GrantForRevenue): bigint {
  const refunded = grant.refunds.reduce((sum, r) => sum + r.amountCents, 0n);
  const recognised = recognisedBy(grant, grant.termDays);
  const excess = refunded - (grant.feeCents - recognised);
  return excess > 0n ? excess : 0n;
}

/** The operator's administrative fee on one grant's recognised revenue for a quarter. */
export function adminFee(recognisedCents: bigint, adminBps: number): bigint {
  return basisPointsOf(recognisedCents, adminBps);
}
