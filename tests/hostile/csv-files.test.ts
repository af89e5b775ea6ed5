// Hostile CSV files against the streaming reader and the three readers built on it (works
// imports, usage reports, bulk coverage): BOMs, CRLF/LF/CR mixed, quotes left open or doubled
// wrongly, NUL and invalid UTF-8 bytes, huge fields, formula-looking cells, headers that are
// almost right; each file fed in chunks of every size. Whatever arrives, a reader answers records
// (the same whatever the chunking), rows and lines with clear reasons, or its one file-level
// error type with a sentence; it never throws anything else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCoverageLines, CoverageFileError } from "@/server/coverage/coverage-check-lines";
import { CsvRecordReader, type CsvRecord } from "@/server/imports/csv-reader";
import { readCsvRows } from "@/server/imports/csv-rows";
import { ImportFileError } from "@/server/imports/import-rows";
import { IMPORT_LIMITS } from "@/server/imports/imports.schema";
import { isRejected, readUsageFile, UsageFileError } from "@/server/usage/usage-lines";
import { USAGE_LIMITS } from "@/server/usage/usage-reports.schema";
import { parseWork, isValidDate } from "@/lib/works/work-input";
import { byteSplices, chunkSize, chunksOf, hostileText, identifierLike, longRun, spliceBytes } from "./support/arbitraries";
import { asyncRefusalOf, expectClearFieldErrors, expectClearMessage, expectIdentifierStorable, expectStorableText, hostileAsyncProperty, recordHostileCases } from "./support/hostile";

recordHostileCases(import.meta.filename);

const cell = fc.oneof(
  { weight: 4, arbitrary: hostileText(30) },
  { weight: 3, arbitrary: identifierLike.filter((s) => s.length < 200) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("=", "+", "-", "@", "'=", "'+", " =", "\t="), hostileText(12)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: hostileText(20).map((t) => `"${t.replace(/"/g, '""')}"`) },
  { weight: 1, arbitrary: hostileText(20).map((t) => `"${t}`) },
  { weight: 1, arbitrary: hostileText(20).map((t) => `"${t}"x`) },
  { weight: 2, arbitrary: fc.constantFrom("TRAIN", "fine-tune", "RAG", "1", "0", "-5", "1_000", "99999999999999", "2019", "2026-02-30", "2026-03-01", "BOOK", "en") },
  { weight: 1, arbitrary: longRun(1, 3_000) },
);
const lineEnd = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\r\n");
const row = fc.tuple(fc.array(cell, { maxLength: 14 }), fc.constantFrom(",", ",", ",", ";", "\t")).map(([cells, sep]) => cells.join(sep));

/** A file: an optional BOM, a header (right, nearly right or wrong), rows, mixed line ends, a bad byte or two. */
function csvFile(headers: string[]): fc.Arbitrary<Buffer> {
  const header = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...headers) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...headers), fc.array(fc.nat(), { maxLength: 3 }), hostileText(8)).map(([h, cuts, junk]) => {
      const names = h.split(",");
      for (const c of cuts) names.splice(c % (names.length + 1), 1, junk);
      return names.join(",");
    }) },
    { weight: 1, arbitrary: fc.constantFrom(...headers).map((h) => h.toUpperCase().replace(/,/g, ";")) },
    { weight: 1, arbitrary: row },
  );
  return fc
    .tuple(fc.boolean(), header, fc.array(fc.tuple(row, lineEnd), { maxLength: 30 }), lineEnd, fc.boolean(), byteSplices, fc.option(fc.integer({ min: 60_000, max: 70_000 }), { freq: 15 }))
    .map(([bom, head, rows, firstEnd, endsWithBreak, splices, hugeField]) => {
      let text = (bom ? "\ufeff" : "") + head + firstEnd + rows.map(([r, e]) => r + e).join("");
      if (hugeField !== null) text += `${"9".repeat(hugeField)},x\n`;
      if (!endsWithBreak) text = text.replace(/[\r\n]+$/, "");
      return spliceBytes(text, splices);
    });
}

/** Chunks big enough that a byte-at-a-time feed of a large file stays a test of the reader, not of the loop. */
const feed = (bytes: Buffer, size: number) => chunksOf(bytes, Math.max(size, Math.ceil(bytes.length / 2_000)));

function readAll(bytes: Buffer, size: number, maxFields = 64): CsvRecord[] {
  const reader = new CsvRecordReader({ maxFieldBytes: 4 * 1024, maxRawBytes: 300, maxFields });
  const out: CsvRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...reader.push(bytes.subarray(i, i + size)));
  out.push(...reader.end());
  return out;
}

const IMPORT_HEADERS = ["isbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from", "title,isbn", "doi,title,publication_year,id,status", "Title,ISBN,Publication Year"];
const USAGE_HEADERS = ["identifier,title,year,purpose,units", "units,purpose,identifier", "title,year,purpose,units,extra"];
const COVERAGE_HEADERS = ["identifier", "identifier,purpose,date", "isbn", "doi,date"];

describe("the CSV record reader", () => {
  it("reads the same records however the file is chunked, each field bounded and storable, each error a sentence", async () => {
    await hostileAsyncProperty("CsvRecordReader", fc.tuple(csvFile([...IMPORT_HEADERS, ...USAGE_HEADERS]), chunkSize), async ([bytes, size]) => {
      const whole = readAll(bytes, Number.MAX_SAFE_INTEGER);
      const chunked = readAll(bytes, Math.max(size, Math.ceil(bytes.length / 2_000)));
      // `end` (for the progress bar) may differ by the LF of a CRLF split across two chunks.
      const withoutEnd = (records: CsvRecord[]) => records.map((r) => ({ ...r, end: 0 }));
      expect(withoutEnd(chunked)).toEqual(withoutEnd(whole));
      chunked.forEach((r, i) => expect(Math.abs(r.end - whole[i]!.end)).toBeLessThanOrEqual(1));
      let line = 0;
      for (const record of whole) {
        expect(record.line).toBeGreaterThan(line);
        line = record.line;
        expect(record.fields.length).toBeLessThanOrEqual(64);
        expect(record.fieldCount).toBeGreaterThanOrEqual(record.fields.length);
        expect(record.raw.includes("\u0000")).toBe(false);
        for (const field of record.fields) {
          expect(Buffer.byteLength(field)).toBeLessThanOrEqual(4 * 1024);
          expectStorableText(field, "field");
        }
        if (record.error !== null) expectClearMessage(record.error);
      }
    }, { numRuns: 600 });
  });

  // Found by this property: a long plain line kept its first 300 characters for the error file,
  // the same line read across chunks its first 300 bytes (and a cut could split a surrogate pair).
  it("keeps the same start of a long line whichever path reads it", () => {
    const bytes = Buffer.from(`${"é".repeat(200)}${"😀".repeat(100)},x\n`);
    const [fast] = readAll(bytes, Number.MAX_SAFE_INTEGER);
    const [slow] = readAll(bytes, 7);
    expect(fast!.raw).toBe(slow!.raw);
    expect(Buffer.byteLength(fast!.raw)).toBeLessThanOrEqual(300);
    expectStorableText(fast!.raw, "raw");
  });
});

describe("works import files", () => {
  it("give rows whose works parseWork can judge, or ImportFileError with a line and a sentence", async () => {
    await hostileAsyncProperty("readCsvRows", fc.tuple(csvFile(IMPORT_HEADERS), chunkSize), async ([bytes, size]) => {
      let last = 0;
      const refusal = await asyncRefusalOf(async () => {
        for await (const rows of readCsvRows(feed(bytes, size))) {
          for (const row of rows) {
            expect(row.line).toBeGreaterThan(last);
            last = row.line;
            expect(row.raw.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxRawLineChars);
            if (!row.ok) {
              for (const reason of row.reasons) expectClearMessage(reason);
              continue;
            }
            const parsed = parseWork(row.work);
            if (!parsed.ok) expectClearFieldErrors(parsed.errors, row.work);
            else parsed.work.identifiers.forEach(expectIdentifierStorable);
          }
        }
      }, ImportFileError);
      if (refusal) {
        expect((refusal as ImportFileError).line).toBeGreaterThanOrEqual(1);
        expectClearMessage(refusal.message);
      }
    }, { numRuns: 500 });
  });
});

describe("usage files", () => {
  it("give lines the job can store, rejected lines with reasons, or UsageFileError with a sentence", async () => {
    await hostileAsyncProperty("readUsageFile", fc.tuple(csvFile(USAGE_HEADERS), chunkSize), async ([bytes, size]) => {
      const refusal = await asyncRefusalOf(async () => {
        for await (const { lines } of readUsageFile(feed(bytes, size))) {
          for (const line of lines) {
            if (isRejected(line)) {
              expect(line.raw.length).toBeLessThanOrEqual(USAGE_LIMITS.maxRawLineChars);
              for (const reason of line.reasons) expectClearMessage(reason);
              continue;
            }
            expect(line.units >= 1n && line.units <= BigInt(USAGE_LIMITS.maxUnits)).toBe(true);
            expect(["TRAIN", "FINE_TUNE", "RAG"]).toContain(line.purpose);
            if (line.identifier) expectIdentifierStorable(line.identifier);
            for (const text of [line.rawIdentifier, line.rawTitle, line.normalizedTitle]) if (text !== null) expectStorableText(text, "usage text");
            if (line.year !== null) expect(line.year >= 1400 && line.year <= 2100).toBe(true);
            expect(line.identifier !== null || (line.normalizedTitle ?? "") !== "").toBe(true);
          }
        }
      }, UsageFileError);
      if (refusal) expectClearMessage(refusal.message);
    }, { numRuns: 500 });
  });
});

describe("bulk coverage files", () => {
  it("answer every line (an identifier with a purpose and a real date, or a problem), or CoverageFileError past the limit", async () => {
    await hostileAsyncProperty("readCoverageLines", fc.tuple(csvFile(COVERAGE_HEADERS), chunkSize, fc.integer({ min: 1, max: 40 })), async ([bytes, size, maxLines]) => {
      let answered = 0;
      const refusal = await asyncRefusalOf(async () => {
        for await (const { lines } of readCoverageLines(feed(bytes, size), { purpose: "TRAIN", date: "2026-06-30" }, maxLines)) {
          for (const line of lines) {
            answered++;
            expect(line.given.length).toBeLessThanOrEqual(300);
            if (line.problem !== null) {
              expectClearMessage(line.problem);
              continue;
            }
            expectIdentifierStorable(line.identifier!);
            expect(["TRAIN", "FINE_TUNE", "RAG"]).toContain(line.purpose);
            expect(isValidDate(line.date!)).toBe(true);
          }
        }
      }, CoverageFileError);
      expect(answered).toBeLessThanOrEqual(maxLines);
      if (refusal) expectClearMessage(refusal.message);
    }, { numRuns: 500 });
  });
});
