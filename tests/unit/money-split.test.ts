import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basisPointsOf, splitLargestRemainder, SplitError } from "@/lib/money/split";

describe("largest-remainder splits", () => {
  it.each([
    // total, weights by id, expected
    [100n, { a: 1n, b: 1n, c: 1n }, { a: 34n, b: 33n, c: 33n }], // remainders tie: ascending id gets the cent
    [100n, { c: 1n, b: 1n, a: 1n }, { a: 34n, b: 33n, c: 33n }], // order of input does not matter
    [10n, { x: 3n, y: 7n }, { x: 3n, y: 7n }],
    [1n, { x: 3n, y: 7n }, { x: 0n, y: 1n }], // 0.3 vs 0.7: the larger remainder
    [5n, { a: 1n, b: 2n, c: 0n }, { a: 2n, b: 3n, c: 0n }], // 1.67 → 1 (+1 by remainder .67), 3.33 → 3; weight 0 gets 0
    [0n, { a: 5n }, { a: 0n }],
    [999_999_999_999n, { a: 1n, b: 2n, c: 3n }, { a: 166_666_666_667n, b: 333_333_333_333n, c: 499_999_999_999n }],
  ])("splits %s over %o as %o", (total, weights, expected) => {
    const parts = Object.entries(weights).map(([id, weight]) => ({ id, weight }));
    expect(Object.fromEntries(splitLargestRemainder(total, parts))).toEqual(expected);
  });

  it("breaks remainder ties by ascending numeric id", () => {
    expect(Object.fromEntries(splitLargestRemainder(2n, [{ id: 30, weight: 1n }, { id: 4, weight: 1n }, { id: 200, weight: 1n }]))).toEqual({ 4: 1n, 30: 1n, 200: 0n });
  });

  it("refuses what has no meaning", () => {
    expect(() => splitLargestRemainder(10n, [{ id: "a", weight: 0n }])).toThrow(SplitError);
    expect(() => splitLargestRemainder(-1n, [{ id: "a", weight: 1n }])).toThrow(SplitError);
    expect(() => splitLargestRemainder(1n, [{ id: "a", weight: 1n }, { id: "a", weight: 2n }])).toThrow(/twice/);
  });

  it("always sums exactly, gives nothing negative, and gives each part its floor or one more (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 10_000 }), weight: fc.bigInt({ min: 0n, max: 10n ** 12n }) }), { minLength: 1, maxLength: 40, selector: (p) => p.id }),
        (total, parts) => {
          fc.pre(parts.some((p) => p.weight > 0n));
          const split = splitLargestRemainder(total, parts);
          const weightSum = parts.reduce((s, p) => s + p.weight, 0n);
          expect([...split.values()].reduce((s, v) => s + v, 0n)).toBe(total);
          for (const p of parts) {
            const share = split.get(p.id)!;
            const floor = (total * p.weight) / weightSum;
            expect(share === floor || share === floor + 1n).toBe(true);
            expect(share >= 0n).toBe(true);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe("basis points, rounded half up", () => {
  it.each([
    [10_000n, 1500, 1_500n],
    [333n, 1500, 50n], // 49.95 → 50
    [3n, 1500, 0n], // 0.45 → 0
    [10n, 1500, 2n], // 1.5 → 2 (half up)
    [0n, 2400, 0n],
  ])("%s × %s bps = %s", (amount, bps, expected) => {
    expect(basisPointsOf(amount, bps)).toBe(expected);
  });
});
