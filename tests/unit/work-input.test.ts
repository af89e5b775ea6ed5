import { describe, expect, it } from "vitest";
import { LIMITS, exclusionChangeProblem, parseWork, todayUtc, workFieldsEqual, type RawWork } from "@/lib/works/work-input";

const ISBN = "978-0-306-40615-7";

function ok(raw: RawWork) {
  const parsed = parseWork(raw);
  if (!parsed.ok) throw new Error(`expected a valid work: ${JSON.stringify(parsed.errors)}`);
  return parsed.work;
}

function errors(raw: RawWork) {
  const parsed = parseWork(raw);
  if (parsed.ok) throw new Error("expected errors");
  return parsed.errors;
}

describe("parseWork: purposes", () => {
  it("means all three when absent, null or blank", () => {
    expect(ok({ title: "T", identifiers: [ISBN] }).purposes).toEqual(["TRAIN", "FINE_TUNE", "RAG"]);
    expect(ok({ title: "T", identifiers: [ISBN], purposes: null }).purposes).toEqual(["TRAIN", "FINE_TUNE", "RAG"]);
    expect(ok({ title: "T", identifiers: [ISBN], purposes: "  " }).purposes).toEqual(["TRAIN", "FINE_TUNE", "RAG"]);
  });

  it("refuses an empty list: three unticked boxes are a choice of none, not the default", () => {
    expect(errors({ title: "T", identifiers: [ISBN], purposes: [] }).purposes).toEqual(["Choose at least one purpose."]);
    expect(errors({ title: "T", identifiers: [ISBN], purposes: ["", " "] }).purposes).toEqual(["Choose at least one purpose."]);
  });

  it("reads codes in any case and spelling, keeps the canonical order and drops repeats", () => {
    expect(ok({ title: "T", identifiers: [ISBN], purposes: ["rag", "train", "RAG"] }).purposes).toEqual(["TRAIN", "RAG"]);
    expect(ok({ title: "T", identifiers: [ISBN], purposes: "fine-tune; rag" }).purposes).toEqual(["FINE_TUNE", "RAG"]);
  });

  it("names an unknown purpose", () => {
    expect(errors({ title: "T", identifiers: [ISBN], purposes: ["TRAIN", "inference"] }).purposes?.[0]).toMatch(/"inference" is not a purpose/);
  });
});

describe("parseWork: identifiers", () => {
  it("requires at least one, and ignores blank lines", () => {
    expect(errors({ title: "T" }).identifiers?.[0]).toMatch(/at least one identifier/);
    expect(errors({ title: "T", identifiers: ["", "  "] }).identifiers?.[0]).toMatch(/at least one identifier/);
    expect(ok({ title: "T", identifiers: ["", ISBN, " "] }).identifiers).toEqual([{ type: "ISBN13", value: "9780306406157" }]);
  });

  it("converts an ISBN-10 and keeps one copy when both forms are given", () => {
    expect(ok({ title: "T", identifiers: ["0-306-40615-2", ISBN] }).identifiers).toEqual([{ type: "ISBN13", value: "9780306406157" }]);
    expect(ok({ title: "T", identifiers: [{ type: "isbn-10", value: "0306406152" }] }).identifiers).toEqual([{ type: "ISBN13", value: "9780306406157" }]);
  });

  it("detects every kind from a plain string", () => {
    expect(ok({ title: "T", identifiers: "0317-8471; doi:10.1000/ABC; https://Example.org/x#y" }).identifiers).toEqual([
      { type: "ISSN", value: "03178471" },
      { type: "DOI", value: "10.1000/abc" },
      { type: "URL", value: "https://example.org/x" },
    ]);
  });

  it("reports each bad identifier with what is wrong", () => {
    const found = errors({ title: "T", identifiers: ["978-0-306-40615-8", "hello", { type: "ASIN", value: "B00X" }] }).identifiers ?? [];
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/check digit/);
    expect(found[1]).toMatch(/Not a recognisable/);
    expect(found[2]).toMatch(/"ASIN" is not an identifier type/);
  });

  it("caps the number per work", () => {
    const many = Array.from({ length: LIMITS.identifiers + 1 }, (_, i) => `https://example.org/${i}`);
    expect(errors({ title: "T", identifiers: many }).identifiers?.[0]).toMatch(/At most 20/);
  });
});

describe("parseWork: the other fields", () => {
  it("collapses whitespace and needs a title with a letter or digit", () => {
    expect(ok({ title: "  The   Glass\tOrchard ", identifiers: [ISBN] })).toMatchObject({ title: "The Glass Orchard", normalizedTitle: "the glass orchard" });
    expect(errors({ title: "   ", identifiers: [ISBN] }).title).toEqual(["Enter the title."]);
    expect(errors({ title: "!!! ???", identifiers: [ISBN] }).title?.[0]).toMatch(/at least one letter or digit/);
    expect(errors({ title: "x".repeat(LIMITS.title + 1), identifiers: [ISBN] }).title?.[0]).toMatch(/At most 500/);
  });

  it("refuses control characters such as NUL in any field", () => {
    expect(errors({ title: "Bad\u0000Title", identifiers: [ISBN] }).title).toContain("Contains control characters (such as NUL); remove them.");
    expect(errors({ title: "T", identifiers: [ISBN], contributors: ["Ann\u0007"] }).contributors?.[0]).toMatch(/control characters/);
  });

  it("splits contributors on semicolons and keeps each name once", () => {
    expect(ok({ title: "T", identifiers: [ISBN], contributors: "Ann One; Bob Two;  Ann One ;" }).contributors).toEqual(["Ann One", "Bob Two"]);
    expect(ok({ title: "T", identifiers: [ISBN], contributors: ["", "  Cy  Three "] }).contributors).toEqual(["Cy Three"]);
    expect(errors({ title: "T", identifiers: [ISBN], contributors: 42 }).contributors?.[0]).toMatch(/list of names/);
  });

  it("reads the type loosely, defaults to a book, and names the choices otherwise", () => {
    expect(ok({ title: "T", identifiers: [ISBN] }).type).toBe("BOOK");
    expect(ok({ title: "T", identifiers: [ISBN], type: "journal article" }).type).toBe("JOURNAL_ARTICLE");
    expect(ok({ title: "T", identifiers: [ISBN], type: "Journal-Article" }).type).toBe("JOURNAL_ARTICLE");
    expect(errors({ title: "T", identifiers: [ISBN], type: "poem" }).type?.[0]).toMatch(/BOOK, JOURNAL/);
  });

  it("normalises language codes and refuses names", () => {
    expect(ok({ title: "T", identifiers: [ISBN], language: "PT_br" }).language).toBe("pt-br");
    expect(ok({ title: "T", identifiers: [ISBN], language: "" }).language).toBeNull();
    expect(errors({ title: "T", identifiers: [ISBN], language: "English" }).language).toBeDefined();
  });

  it("takes a four-digit year between 1400 and 2100, as text or number", () => {
    expect(ok({ title: "T", identifiers: [ISBN], publicationYear: 2020 }).publicationYear).toBe(2020);
    expect(ok({ title: "T", identifiers: [ISBN], publicationYear: " 1400 " }).publicationYear).toBe(1400);
    expect(ok({ title: "T", identifiers: [ISBN], publicationYear: "" }).publicationYear).toBeNull();
    for (const bad of ["1399", "2101", "20a0", "99", "2020.5"]) {
      expect(errors({ title: "T", identifiers: [ISBN], publicationYear: bad }).publicationYear, bad).toBeDefined();
    }
  });

  it("checks the exclusion date is a real calendar date", () => {
    expect(ok({ title: "T", identifiers: [ISBN], excludedFrom: "2028-02-29" }).excludedFrom).toBe("2028-02-29");
    expect(errors({ title: "T", identifiers: [ISBN], excludedFrom: "2027-02-29" }).excludedFrom).toBeDefined();
    expect(errors({ title: "T", identifiers: [ISBN], excludedFrom: "1/2/2027" }).excludedFrom).toBeDefined();
  });

  it("reports every field's problem at once", () => {
    expect(Object.keys(errors({ title: "", identifiers: [], publicationYear: "x", language: "?" })).sort()).toEqual(["identifiers", "language", "publicationYear", "title"]);
  });
});

describe("workFieldsEqual", () => {
  it("compares contributor order and purposes, not identifiers", () => {
    const a = ok({ title: "T", identifiers: [ISBN], contributors: "A; B" });
    expect(workFieldsEqual(a, ok({ title: "T", identifiers: ["0317-8471"], contributors: "A; B" }))).toBe(true);
    expect(workFieldsEqual(a, ok({ title: "T", identifiers: [ISBN], contributors: "B; A" }))).toBe(false);
    expect(workFieldsEqual(a, ok({ title: "T", identifiers: [ISBN], contributors: "A; B", purposes: "TRAIN" }))).toBe(false);
  });
});

describe("exclusionChangeProblem: exclusions are never retroactive", () => {
  const today = "2026-11-23";
  it.each([
    ["no change", null, null, null],
    ["the same date", "2027-01-01", "2027-01-01", null],
    ["a new exclusion from today", null, today, null],
    ["a new exclusion from a later date", null, "2027-01-01", null],
    ["a new exclusion in the past", null, "2026-11-22", /at the earliest/],
    ["moving a scheduled exclusion later", "2027-01-01", "2027-06-01", null],
    ["moving a scheduled exclusion to today", "2027-01-01", today, null],
    ["moving a scheduled exclusion into the past", "2027-01-01", "2026-01-01", /at the earliest/],
    ["cancelling a scheduled exclusion", "2027-01-01", null, null],
    ["lifting an exclusion that started today", today, null, /can't be moved or lifted/],
    ["lifting an exclusion in effect", "2026-01-01", null, /can't be moved or lifted/],
    ["moving an exclusion in effect later", "2026-01-01", "2027-01-01", /can't be moved or lifted/],
  ] as const)("%s", (_name, current, next, expected) => {
    const problem = exclusionChangeProblem(current, next, today);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("todayUtc is the UTC calendar date", () => {
    expect(todayUtc(new Date("2026-11-23T23:59:59-05:00"))).toBe("2026-11-24");
    expect(todayUtc(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
  });
});
