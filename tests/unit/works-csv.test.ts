import { describe, expect, it } from "vitest";
import { formatShare, parseSharePercent, shareRemainder } from "@/lib/works/co-owner-shares";
import { CSV_BOM, WORKS_CSV_HEADER, csvCell, csvLine, workCsvLine } from "@/lib/works/works-csv";

describe("csvCell", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-30-", "'-30-"],
    ["@handle", "'@handle"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", "\"'\r=cmd\""],
    ["plain", "plain"],
    ["a, b", "\"a, b\""],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", "\"two\nlines\""],
    ["=1,2", "\"'=1,2\""],
    [" padded", "\" padded\""],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes null as an empty cell and numbers as they are", () => {
    expect(csvLine([null, 2020, undefined, "x"])).toBe(",2020,,x\r\n");
  });
});

describe("workCsvLine", () => {
  it("puts identifiers in their columns, lists with semicolons, and id and status last", () => {
    const line = workCsvLine({
      id: 7,
      status: "ENROLLED",
      title: "=HYPERLINK(\"http://evil\")",
      contributors: ["Ann One", "Bob Two"],
      type: "BOOK",
      language: "en",
      publicationYear: 2020,
      publisher: null,
      purposes: ["TRAIN", "RAG"],
      excludedFrom: "2027-01-01",
      identifiers: [
        { type: "ISBN13", value: "9780306406157" },
        { type: "DOI", value: "10.1000/a" },
        { type: "ISBN13", value: "9791090636071" },
      ],
    });
    expect(line).toBe(`9780306406157;9791090636071,,10.1000/a,,"'=HYPERLINK(""http://evil"")",Ann One; Bob Two,BOOK,en,2020,,TRAIN;RAG,2027-01-01,7,ENROLLED\r\n`);
  });

  it("starts the file with a BOM and the import template's columns", () => {
    expect(WORKS_CSV_HEADER.startsWith(CSV_BOM)).toBe(true);
    expect(WORKS_CSV_HEADER.slice(1)).toBe("isbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from,id,status\r\n");
  });
});

describe("co-owner shares", () => {
  it.each([
    ["60", 6000],
    ["33.33", 3333],
    ["12,5", 1250],
    ["40 %", 4000],
    ["0.01", 1],
    ["100", 10000],
    ["100.00", 10000],
    [25, 2500],
  ])("%j → %d bps", (raw, bps) => {
    expect(parseSharePercent(raw)).toEqual({ ok: true, bps });
  });

  it.each([
    ["33.333", /two decimals/],
    ["0", /more than 0/],
    ["100.01", /at most 100/],
    ["-5", /number of percent/],
    ["abc", /number of percent/],
    ["", /Enter a share/],
    [null, /Enter a share/],
  ])("refuses %j", (raw, message) => {
    const result = parseSharePercent(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("formats basis points back without trailing zeros", () => {
    expect([6000, 3333, 1250, 1, 10000].map(formatShare)).toEqual(["60", "33.33", "12.5", "0.01", "100"]);
  });

  it("says what is left to assign", () => {
    expect(shareRemainder([6000, 3000])).toBe(1000);
    expect(shareRemainder([6000, 5000])).toBe(-1000);
  });
});
