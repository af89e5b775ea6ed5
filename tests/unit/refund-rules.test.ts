import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsToDollarInput, parseDollarsToCents, refundableCents, suggestedRefundCents } from "@/lib/licensing/refund-rules";

const base = { paidCents: 365_000n, refundedCents: 0n, startsOn: "2026-01-01", termDays: 365 };

describe("the suggested refund: the unused part of the term, pro rata by day", () => {
  it.each([
    ["before the term starts: everything", "2025-12-01", 0n, 365_000n],
    ["on the first day: everything", "2026-01-01", 0n, 365_000n],
    ["after 100 days", "2026-04-11", 0n, 265_000n],
    ["on the last day", "2026-12-31", 0n, 1_000n],
    ["at the end: nothing", "2027-01-01", 0n, 0n],
    ["after the end: nothing", "2027-06-01", 0n, 0n],
    ["after 100 days, 65,000 already refunded for a later part", "2026-04-11", 65_000n, 200_000n],
    ["already refunded more than unused: nothing", "2026-12-01", 100_000n, 0n],
  ])("%s", (_label, coverageEndsOn, refundedCents, expected) => {
    expect(suggestedRefundCents({ ...base, coverageEndsOn, refundedCents })).toBe(expected);
  });

  it("floors the used part like revenue recognition, so the unused part gets the odd cent", () => {
    // 100,001 cents over 365 days, 1 day used: floor(100001/365) = 273 earned.
    expect(suggestedRefundCents({ ...base, paidCents: 100_001n, coverageEndsOn: "2026-01-02" })).toBe(99_728n);
  });

  it("never suggests more than is left to refund, nor less than zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 10_000_000n }), fc.integer({ min: -30, max: 400 }), (paid, refunded, day) => {
        const coverageEndsOn = new Date(Date.parse("2026-01-01T00:00:00Z") + day * 86_400_000).toISOString().slice(0, 10);
        const suggested = suggestedRefundCents({ ...base, paidCents: paid, refundedCents: refunded, coverageEndsOn });
        expect(suggested >= 0n).toBe(true);
        expect(suggested <= refundableCents({ paidCents: paid, refundedCents: refunded })).toBe(true);
      }),
    );
  });
});

describe("amounts typed by staff", () => {
  it.each([
    ["1250", 125_000n],
    ["1250.5", 125_050n],
    ["$1,250.05", 125_005n],
    [" 0.01 ", 1n],
    ["0.00", 0n],
  ])("%s is %s cents", (input, cents) => {
    expect(parseDollarsToCents(input)).toEqual({ ok: true, cents });
  });

  it.each(["", "abc", "12.345", "-5", "1e3", "1.", "$"])("refuses %j", (input) => {
    expect(parseDollarsToCents(input).ok).toBe(false);
  });

  it("writes cents back as the form's plain input", () => {
    expect(centsToDollarInput(125_005n)).toBe("1250.05");
    expect(centsToDollarInput(7n)).toBe("0.07");
  });
});
