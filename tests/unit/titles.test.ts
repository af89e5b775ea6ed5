import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeTitle } from "@/lib/titles";

describe("normalizeTitle", () => {
  it.each([
    ["The Cartographer's Daughter", "the cartographer s daughter"],
    ["  Soil,  Salt & Rain ", "soil salt and rain"],
    ["Café Société — Œuvres", "cafe societe œuvres"],
    ["L’Étranger", "l etranger"],
    ["Über Wasser: Band 2", "uber wasser band 2"],
  ])("%j → %j", (title, key) => {
    expect(normalizeTitle(title)).toBe(key);
  });

  it("is idempotent and ignores case and surrounding punctuation", () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const key = normalizeTitle(title);
        expect(normalizeTitle(key)).toBe(key);
        expect(normalizeTitle(`"${title.toUpperCase()}!"`)).toBe(normalizeTitle(title.toUpperCase()));
      }),
      { numRuns: process.env.CI ? 10_000 : 2_000 },
    );
  });
});
