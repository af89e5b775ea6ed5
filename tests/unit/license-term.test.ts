import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, lastDayOf, termFrom } from "@/lib/licensing/term";

describe("license terms", () => {
  it.each([
    ["2026-12-01", "2027-12-01", 365, "2027-11-30"],
    ["2027-03-01", "2028-03-01", 366, "2028-02-29"],
    ["2028-02-29", "2029-03-01", 366, "2029-02-28"],
    ["2026-01-31", "2027-01-31", 365, "2027-01-30"],
  ])("a term from %s ends (exclusive) on %s: %i days, last day %s", (startsOn, endsOn, days, last) => {
    const term = termFrom(startsOn);
    expect(term).toEqual({ startsOn, endsOn, termDays: days });
    expect(lastDayOf(term)).toBe(last);
  });

  it("adds months to the same day, or to the day after a month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-03-01");
    expect(addMonths("2026-08-31", 1)).toBe("2026-10-01");
    expect(addMonths("2026-05-15", 1)).toBe("2026-06-15");
  });

  it("always lasts 365 or 366 days, and the next term starts where it ends", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const term = termFrom(date.toISOString().slice(0, 10));
        expect([365, 366]).toContain(term.termDays);
        expect(termFrom(term.endsOn).startsOn).toBe(term.endsOn);
        expect(term.endsOn > term.startsOn).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
