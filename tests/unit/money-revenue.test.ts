import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { termFrom } from "@/lib/licensing/term";
import { adminFee, recognisedBy, recognisedInQuarter, refundedBeyondRecognition, type GrantForRevenue } from "@/lib/money/revenue";
import { parseQuarter, quarterOf } from "@/lib/usage/quarters";

const q = (code: string) => parseQuarter(code)!;

/** Every quarter a grant touches, in order. */
function quartersOf(grant: GrantForRevenue) {
  const end = new Date(Date.parse(`${grant.startsOn}T00:00:00Z`) + grant.termDays * 86_400_000).toISOString().slice(0, 10);
  const list = [quarterOf(grant.startsOn)];
  while (list.at(-1)!.endsOn <= end && list.at(-1)!.endsOn !== end) list.push(quarterOf(list.at(-1)!.endsOn));
  return list;
}

describe("revenue recognition", () => {
  // A hand-worked grant: $1,000.00 from 2026-02-15 for 365 days (to 2027-02-15).
  const grant: GrantForRevenue = { feeCents: 100_000n, startsOn: "2026-02-15", termDays: 365, refunds: [] };

  it("recognises floor(F·d_end/D) − floor(F·d_start/D) per quarter, summing to F", () => {
    // 2026Q1: days 0..45 (Feb 15 → Apr 1 is 45 days): floor(100000·45/365) = 12328
    expect(recognisedInQuarter(grant, q("2026Q1"))).toBe(12_328n);
    // 2026Q2: d 45..136 → floor(100000·136/365)=37260 − 12328 = 24932
    expect(recognisedInQuarter(grant, q("2026Q2"))).toBe(24_932n);
    expect(recognisedInQuarter(grant, q("2025Q4"))).toBe(0n);
    expect(recognisedInQuarter(grant, q("2027Q2"))).toBe(0n);
    const total = quartersOf(grant).reduce((s, quarter) => s + recognisedInQuarter(grant, quarter), 0n);
    expect(total).toBe(100_000n);
  });

  it("reduces F from the refund date on, never taking back what was recognised", () => {
    // $400.00 refunded on 2026-08-15 (day 181): recognised by then floor(100000·181/365) = 49589.
    const refunded = { ...grant, refunds: [{ amountCents: 40_000n, effectiveOn: "2026-08-15" }] };
    expect(recognisedBy(refunded, 181)).toBe(49_589n);
    // From there, 100000 − 49589 − 40000 = 10411 over the last 184 days.
    expect(recognisedBy(refunded, 365)).toBe(60_000n);
    expect(recognisedBy(refunded, 273)).toBe(49_589n + (10_411n * 92n) / 184n);
    const total = quartersOf(refunded).reduce((s, quarter) => s + recognisedInQuarter(refunded, quarter), 0n);
    expect(total).toBe(60_000n);
    expect(refundedBeyondRecognition(refunded)).toBe(0n);
  });

  it("a refund of the unused part stops recognition; one beyond it is reported, not clawed back", () => {
    const unused = 100_000n - 49_589n;
    const revoked = { ...grant, refunds: [{ amountCents: unused, effectiveOn: "2026-08-15" }] };
    expect(recognisedBy(revoked, 365)).toBe(49_589n);
    const tooMuch = { ...grant, refunds: [{ amountCents: 100_000n, effectiveOn: "2026-08-15" }] };
    expect(recognisedBy(tooMuch, 365)).toBe(49_589n);
    expect(refundedBeyondRecognition(tooMuch)).toBe(49_589n);
  });

  it("charges the administrative fee per grant and quarter, rounded half up", () => {
    expect(adminFee(12_328n, 1500)).toBe(1_849n); // 1849.2
    expect(adminFee(24_930n, 1500)).toBe(3_740n); // 3739.5 → 3740
  });

  it("for any grant and refunds: quarters sum to F − absorbed refunds, none negative, recognition never decreases (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 800 }), share: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 3 }),
        (fee, startOffset, months, refunds) => {
          const startsOn = new Date(Date.UTC(2025, 0, 1) + startOffset * 86_400_000).toISOString().slice(0, 10);
          const { termDays } = termFrom(startsOn, months);
          const g: GrantForRevenue = {
            feeCents: fee,
            startsOn,
            termDays,
            refunds: refunds.map((r) => ({ amountCents: (fee * BigInt(r.share)) / 20_000n, effectiveOn: new Date(Date.parse(`${startsOn}T00:00:00Z`) + r.day * 86_400_000).toISOString().slice(0, 10) })),
          };
          let previous = 0n;
          for (let d = 0; d <= termDays; d += Math.max(1, Math.floor(termDays / 17))) {
            const c = recognisedBy(g, d);
            expect(c >= previous).toBe(true);
            previous = c;
          }
          const quarters = quartersOf(g).map((quarter) => recognisedInQuarter(g, quarter));
          for (const amount of quarters) expect(amount >= 0n).toBe(true);
          const refunded = g.refunds.reduce((s, r) => s + r.amountCents, 0n);
          expect(quarters.reduce((s, v) => s + v, 0n)).toBe(fee - refunded + refundedBeyondRecognition(g));
          if (g.refunds.length === 0) expect(quarters.reduce((s, v) => s + v, 0n)).toBe(fee);
        },
      ),
      { numRuns: 2_500 },
    );
  });
});
