import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectIdentifier,
  isbn10CheckDigit,
  isbn13CheckDigit,
  issnCheckDigit,
  normalizeIdentifier,
} from "@/lib/identifiers";

// ≥ 10⁴ generated cases per property in CI, as the issues ask; fewer locally for speed.
const RUNS = process.env.CI ? 10_000 : 2_000;

describe("identifiers: worked examples", () => {
  it.each([
    ["ISBN", "978-0-306-40615-7", "ISBN13", "9780306406157"],
    ["ISBN", "ISBN 978 0 306 40615 7", "ISBN13", "9780306406157"],
    ["ISBN", "0-306-40615-2", "ISBN13", "9780306406157"],
    ["ISBN", "080442957X", "ISBN13", "9780804429573"],
    ["ISBN", "080442957x", "ISBN13", "9780804429573"],
    ["ISBN", "979-10-90636-07-1", "ISBN13", "9791090636071"],
    ["ISSN", "0317-8471", "ISSN", "03178471"],
    ["ISSN", "ISSN 0378-5955", "ISSN", "03785955"],
    ["DOI", "10.1000/XYZ123", "DOI", "10.1000/xyz123"],
    ["DOI", "doi:10.1038/nphys1170", "DOI", "10.1038/nphys1170"],
    ["DOI", "https://doi.org/10.1038/NPHYS1170", "DOI", "10.1038/nphys1170"],
    ["DOI", "https://doi.org/10.1002%2F0470841559.ch1", "DOI", "10.1002/0470841559.ch1"],
    ["URL", "HTTPS://Example.COM:443/a/b?c=1#part", "URL", "https://example.com/a/b?c=1"],
  ] as const)("%s %s → %s %s", (type, raw, expectedType, expectedValue) => {
    expect(normalizeIdentifier(type, raw)).toEqual({ ok: true, type: expectedType, value: expectedValue });
  });

  it.each([
    ["ISBN", "978-0-306-40615-8", /check digit is wrong/],
    ["ISBN", "0-306-40615-3", /check digit is wrong/],
    ["ISBN", "977-0-306-40615-7", /starts with 978 or 979/],
    ["ISBN", "12345", /13 digits/],
    ["ISSN", "0317-8472", /check digit is wrong/],
    ["ISSN", "317-8471", /8 characters/],
    ["DOI", "11.1000/xyz", /starts with 10\./],
    ["DOI", "10.1000", /starts with 10\./],
    ["URL", "ftp://example.com/file", /Only http/],
    ["URL", "example.com", /full web address/],
    ["ISBN", "   ", /Enter an identifier/],
  ] as const)("refuses %s %j with a clear reason", (type, raw, reason) => {
    const result = normalizeIdentifier(type, raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });

  it("recognises the type of an identifier given without one", () => {
    expect(detectIdentifier("978-0-306-40615-7")).toMatchObject({ type: "ISBN13" });
    expect(detectIdentifier("0306406152")).toMatchObject({ type: "ISBN13", value: "9780306406157" });
    expect(detectIdentifier("0317-8471")).toMatchObject({ type: "ISSN" });
    expect(detectIdentifier("doi:10.1000/ABC")).toMatchObject({ type: "DOI", value: "10.1000/abc" });
    expect(detectIdentifier("https://doi.org/10.1000/abc")).toMatchObject({ type: "DOI" });
    expect(detectIdentifier("https://news.example.org/story")).toMatchObject({ type: "URL" });
    expect(detectIdentifier("The Glass Orchard").ok).toBe(false);
  });
});

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const validIsbn13 = fc.tuple(fc.constantFrom("978", "979"), digits(9)).map(([p, d]) => p + d + isbn13CheckDigit(p + d));
const validIsbn10 = digits(9).map((d) => d + isbn10CheckDigit(d));
const validIssn = digits(7).map((d) => d + issnCheckDigit(d));

/** Replaces the digit at `index` with a different digit. */
function changeDigit(value: string, index: number, shift: number): string {
  const digit = value[index]!;
  if (!/\d/.test(digit)) return value;
  const changed = String((Number(digit) + shift) % 10);
  return value.slice(0, index) + changed + value.slice(index + 1);
}

describe("identifiers: properties", () => {
  it("accepts every valid ISBN-13, with any hyphenation, as itself", () => {
    fc.assert(
      fc.property(validIsbn13, fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }), (isbn, cuts) => {
        const hyphenated = [...isbn].map((c, i) => (cuts.includes(i) ? `-${c}` : c)).join("");
        expect(normalizeIdentifier("ISBN", hyphenated)).toEqual({ ok: true, type: "ISBN13", value: isbn });
      }),
      { numRuns: RUNS },
    );
  });

  it("catches every single-digit typo in an ISBN-13 and an ISSN", () => {
    fc.assert(
      fc.property(validIsbn13, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (isbn, index, shift) => {
        const typo = changeDigit(isbn, index, shift);
        expect(normalizeIdentifier("ISBN", typo).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(validIssn, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (issn, index, shift) => {
        expect(normalizeIdentifier("ISSN", changeDigit(issn, index, shift)).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("converts every valid ISBN-10 to a valid 978 ISBN-13 with the same nine digits", () => {
    fc.assert(
      fc.property(validIsbn10, (isbn10) => {
        const result = normalizeIdentifier("ISBN", isbn10);
        expect(result).toMatchObject({ ok: true, type: "ISBN13" });
        const value = result.ok ? result.value : "";
        expect(value).toBe(`978${isbn10.slice(0, 9)}${isbn13CheckDigit(`978${isbn10.slice(0, 9)}`)}`);
        expect(normalizeIdentifier("ISBN", value)).toEqual(result);
      }),
      { numRuns: RUNS },
    );
  });

  it("is idempotent and never throws, whatever the input", () => {
    const types = fc.constantFrom("ISBN", "ISSN", "DOI", "URL") as fc.Arbitrary<"ISBN" | "ISSN" | "DOI" | "URL">;
    fc.assert(
      fc.property(types, fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: "binary" })), (type, raw) => {
        const result = normalizeIdentifier(type, raw);
        if (result.ok) expect(normalizeIdentifier(type === "ISBN" ? "ISBN13" : type, result.value)).toEqual(result);
        else expect(result.error.length).toBeGreaterThan(0);
        expect(() => detectIdentifier(raw)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});
