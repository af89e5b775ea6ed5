import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateQuarter, splitOverCoOwners, type LicenseeQuarter } from "@/lib/money/allocate";
import { DEFAULT_PAYOUT_SETTINGS, isFinancialYearEnd, settlePayee } from "@/lib/money/payouts";
import { adminFee } from "@/lib/money/revenue";
import { parseQuarter } from "@/lib/usage/quarters";

const q = (code: string) => parseQuarter(code)!;
const byWork = (allocations: { workId: number; cents: bigint }[]) => {
  const out: Record<number, bigint> = {};
  for (const a of allocations) out[a.workId] = (out[a.workId] ?? 0n) + a.cents;
  return out;
};

describe("follow the money", () => {
  it("gives each licensee's net revenue to the works it used, by units", () => {
    const result = allocateQuarter([
      { licenseeId: "L1", netCents: 1_000n, usage: [{ workId: 1, units: 1n }, { workId: 2, units: 2n }] },
      { licenseeId: "L2", netCents: 500n, usage: [{ workId: 2, units: 5n }] },
    ], 0n);
    // L1: 333.33 / 666.67 → 333 + 667 (the larger remainder); L2: all 500 to work 2.
    expect(result.allocations).toEqual([
      { workId: 1, cents: 333n, source: "LICENSEE", licenseeId: "L1" },
      { workId: 2, cents: 667n, source: "LICENSEE", licenseeId: "L1" },
      { workId: 2, cents: 500n, source: "LICENSEE", licenseeId: "L2" },
    ]);
    expect(result).toMatchObject({ poolCents: 0n, heldOutCents: 0n });
  });

  it("puts a licensee without usage into the general pool, shared by everyone's usage", () => {
    const result = allocateQuarter([
      { licenseeId: "A", netCents: 900n, usage: [{ workId: 7, units: 1n }] },
      { licenseeId: "B", netCents: 300n, usage: [] },
      { licenseeId: "C", netCents: 0n, usage: [{ workId: 8, units: 2n }] },
    ], 0n);
    // Pool 300 over units 7:1, 8:2 → 100 / 200.
    expect(byWork(result.allocations)).toEqual({ 7: 1_000n, 8: 200n });
    expect(result).toMatchObject({ poolCents: 300n, heldOutCents: 0n });
  });

  it("holds the pool when nobody has eligible usage, and spends it with the next quarter's pool", () => {
    const first = allocateQuarter([{ licenseeId: "A", netCents: 1_275n, usage: [] }], 25n);
    expect(first).toEqual({ allocations: [], poolCents: 1_300n, heldOutCents: 1_300n });
    const next = allocateQuarter([{ licenseeId: "A", netCents: 100n, usage: [{ workId: 3, units: 4n }] }], first.heldOutCents);
    expect(byWork(next.allocations)).toEqual({ 3: 1_400n });
  });

  it("splits a co-owned work by basis points, ties to the lower id", () => {
    expect(Object.fromEntries(splitOverCoOwners(101n, [{ id: "b", shareBps: 5_000 }, { id: "a", shareBps: 5_000 }]))).toEqual({ a: 51n, b: 50n });
    expect(Object.fromEntries(splitOverCoOwners(1_000n, [{ id: 1, shareBps: 3_333 }, { id: 2, shareBps: 3_333 }, { id: 3, shareBps: 3_334 }]))).toEqual({ 1: 333n, 2: 333n, 3: 334n });
  });

  it("keeps recognised = admin fees + allocations + held for any quarter (property)", () => {
    const licensee = fc.record({
      recognised: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      usage: fc.uniqueArray(fc.record({ workId: fc.integer({ min: 1, max: 50 }), units: fc.bigInt({ min: 0n, max: 10n ** 9n }) }), { maxLength: 8, selector: (u) => u.workId }),
    });
    fc.assert(
      fc.property(fc.array(licensee, { maxLength: 12 }), fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.integer({ min: 0, max: 5_000 }), (rows, heldIn, bps) => {
        const licensees: LicenseeQuarter[] = rows.map((r, i) => ({ licenseeId: `L${String(i).padStart(3, "0")}`, netCents: r.recognised - adminFee(r.recognised, bps), usage: r.usage }));
        const fees = rows.reduce((s, r) => s + adminFee(r.recognised, bps), 0n);
        const recognised = rows.reduce((s, r) => s + r.recognised, 0n);
        const result = allocateQuarter(licensees, heldIn);
        const allocated = result.allocations.reduce((s, a) => s + a.cents, 0n);
        for (const a of result.allocations) expect(a.cents > 0n).toBe(true);
        expect(recognised + heldIn).toBe(fees + allocated + result.heldOutCents);
        const hasUsage = rows.some((r) => r.usage.some((u) => u.units > 0n));
        expect(result.heldOutCents === 0n || !hasUsage).toBe(true);
      }),
      { numRuns: 2_500 },
    );
  });
});

describe("payouts: threshold, carry-forward, withholding", () => {
  it("carries a balance under the threshold forward, and pays once it is crossed over two quarters", () => {
    const first = settlePayee({ carriedInCents: 0n, allocatedCents: 15_000n, taxFormValid: true, isDomestic: true }, q("2026Q3"));
    expect(first).toEqual({ balanceCents: 15_000n, thresholdCents: 25_000n, paidCents: 0n, withheldCents: 0n, carriedOutCents: 15_000n });
    const second = settlePayee({ carriedInCents: first.carriedOutCents, allocatedCents: 12_000n, taxFormValid: true, isDomestic: true }, q("2026Q4"));
    expect(second).toEqual({ balanceCents: 27_000n, thresholdCents: 25_000n, paidCents: 27_000n, withheldCents: 0n, carriedOutCents: 0n });
  });

  it("uses the lower threshold in the last quarter of the financial year (ending 30 June)", () => {
    expect(isFinancialYearEnd(q("2026Q2"), 6)).toBe(true);
    expect(isFinancialYearEnd(q("2026Q4"), 12)).toBe(true);
    expect(isFinancialYearEnd(q("2026Q3"), 6)).toBe(false);
    expect(settlePayee({ carriedInCents: 4_000n, allocatedCents: 1_000n, taxFormValid: true, isDomestic: true }, q("2026Q2"))).toMatchObject({ thresholdCents: 5_000n, paidCents: 5_000n });
  });

  it("withholds from a payee without a valid tax form: 24 % domestic, 30 % foreign, rounded half up", () => {
    expect(settlePayee({ carriedInCents: 0n, allocatedCents: 30_001n, taxFormValid: false, isDomestic: true }, q("2026Q3"))).toMatchObject({ withheldCents: 7_200n, paidCents: 22_801n });
    // 30 % of 25,005 = 7,501.5 → 7,502.
    expect(settlePayee({ carriedInCents: 5n, allocatedCents: 25_000n, taxFormValid: false, isDomestic: false }, q("2026Q3"))).toMatchObject({ withheldCents: 7_502n, paidCents: 17_503n });
  });

  it("keeps carried in + allocated = paid + withheld + carried out, nothing negative (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.boolean(), fc.boolean(), fc.constantFrom("2026Q1", "2026Q2", "2026Q3", "2026Q4"), (carriedIn, allocated, taxFormValid, isDomestic, quarter) => {
        const o = settlePayee({ carriedInCents: carriedIn, allocatedCents: allocated, taxFormValid, isDomestic }, q(quarter), DEFAULT_PAYOUT_SETTINGS);
        expect(carriedIn + allocated).toBe(o.paidCents + o.withheldCents + o.carriedOutCents);
        for (const v of [o.paidCents, o.withheldCents, o.carriedOutCents]) expect(v >= 0n).toBe(true);
        expect(o.paidCents === 0n || o.carriedOutCents === 0n).toBe(true);
      }),
      { numRuns: 2_500 },
    );
  });
});
