import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvRecordReader, type CsvReaderOptions, type CsvRecord } from "@/server/imports/csv-reader";
import { readCsvRows } from "@/server/imports/csv-rows";
import { ImportFileError, type ImportRow } from "@/server/imports/import-rows";

const OPTIONS: CsvReaderOptions = { maxFieldBytes: 64 * 1024, maxRawBytes: 1000 };
const HEADER = "isbn,title,contributors,publication_year";

function records(input: string | Buffer, chunkSize = Infinity, options = OPTIONS): CsvRecord[] {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const reader = new CsvRecordReader(options);
  const out: CsvRecord[] = [];
  for (let i = 0; i < bytes.length; i += Math.min(chunkSize, bytes.length)) {
    out.push(...reader.push(bytes.subarray(i, Math.min(bytes.length, i + chunkSize))));
  }
  out.push(...reader.end());
  return out;
}

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rows(input: string | Buffer, chunkSize = 1024 * 1024): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const batch of readCsvRows(chunked(typeof input === "string" ? Buffer.from(input) : input, chunkSize))) out.push(...batch);
  return out;
}

async function fileError(input: string | Buffer): Promise<ImportFileError> {
  const error = await rows(input).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const simple = (r: CsvRecord) => ({ line: r.line, fields: r.fields, error: r.error });

describe("the CSV reader", () => {
  it("reads plain records with the line each starts on", () => {
    expect(records("a,b,c\n1,2,3\n\n4,,6").map(simple)).toEqual([
      { line: 1, fields: ["a", "b", "c"], error: null },
      { line: 2, fields: ["1", "2", "3"], error: null },
      { line: 3, fields: [""], error: null },
      { line: 4, fields: ["4", "", "6"], error: null },
    ]);
  });

  it("skips a UTF-8 BOM and takes CRLF, LF and lone CR, mixed", () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("h1,h2\r\na,b\nc,d\re,f\r\n")]);
    for (const size of [1, 2, 3, 5, 1000]) {
      expect(records(input, size).map(simple), `chunks of ${size}`).toEqual([
        { line: 1, fields: ["h1", "h2"], error: null },
        { line: 2, fields: ["a", "b"], error: null },
        { line: 3, fields: ["c", "d"], error: null },
        { line: 4, fields: ["e", "f"], error: null },
      ]);
    }
  });

  it("reads quoted fields with commas, line breaks and doubled quotes, and numbers the lines after them", () => {
    const input = 'title,note\r\n"Smith, Jones","said ""hi""\r\nand left"\r\n"x",\n""\n"multi\nline\nvalue",z\nlast,1';
    for (const size of [1, 4, 7, 1000]) {
      expect(records(input, size).map(simple), `chunks of ${size}`).toEqual([
        { line: 1, fields: ["title", "note"], error: null },
        { line: 2, fields: ["Smith, Jones", 'said "hi"\r\nand left'], error: null },
        { line: 4, fields: ["x", ""], error: null },
        { line: 5, fields: [""], error: null },
        { line: 6, fields: ["multi\nline\nvalue", "z"], error: null },
        { line: 9, fields: ["last", "1"], error: null },
      ]);
    }
  });

  it("keeps a quote inside an unquoted field, and refuses text after a closing quote", () => {
    const [plain, bad] = records('12" vinyl,b\n"closed"tail,b\n');
    expect(plain).toMatchObject({ fields: ['12" vinyl', "b"], error: null });
    expect(bad!.error).toMatch(/text after its closing quote/);
  });

  it("reports invalid UTF-8 (a Latin-1 file) on its own line, and reads the others", () => {
    const input = Buffer.concat([Buffer.from("h\nok\n"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from("fine\n")]);
    const [, ok, latin1, fine] = records(input);
    expect(ok).toMatchObject({ fields: ["ok"], error: null });
    expect(latin1).toMatchObject({ line: 3 });
    expect(latin1!.error).toMatch(/not valid UTF-8 \(byte 0xE9\).*CSV UTF-8/);
    expect(fine).toMatchObject({ line: 4, fields: ["fine"], error: null });
  });

  it("reports a NUL byte on its line", () => {
    const [, nul, next] = records(Buffer.from("h,i\na\u0000b,c\nd,e\n"));
    expect(nul!.error).toMatch(/NUL byte/);
    expect(next).toMatchObject({ line: 3, fields: ["d", "e"], error: null });
  });

  it("skips a 10 MB field to the end of its record without keeping it, and goes on", () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    for (const quoted of [false, true]) {
      const field = quoted ? `"${huge}\n${huge}"` : huge;
      const out = records(`h1,h2\nbefore,1\n${field},2\nafter,3\n`, 64 * 1024);
      expect(out.map((r) => r.line)).toEqual([1, 2, 3, quoted ? 5 : 4]);
      expect(out[2]!.error).toMatch(/Column 1 is longer than 64 KB/);
      expect(out[2]!.fields[0]).toBe("");
      expect(out[2]!.raw.length).toBeLessThanOrEqual(1000);
      expect(out[3]).toMatchObject({ fields: ["after", "3"], error: null });
    }
  });

  it("reports a quote left open at its line", () => {
    const out = records('h,i\na,b\n"never closed,c\nd,e\n');
    expect(out).toHaveLength(3);
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[2]!.error).toMatch(/quoted field opened on line 3 is never closed/);
  });

  it("counts every field but keeps at most maxFields", () => {
    const [record] = records(`${"a,".repeat(500)}a\n`, Infinity, { ...OPTIONS, maxFields: 10 });
    expect(record).toMatchObject({ fieldCount: 501 });
    expect(record!.fields).toHaveLength(10);
  });

  it("never crashes or hangs on random bytes, and reads the same records however the bytes are chunked", () => {
    const alphabet = [0x22, 0x2c, 0x0d, 0x0a, 0x00, 0xe9, 0xef, 0xbb, 0xbf, 0x61, 0x62, 0xc3, 0xa9];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 400 }).map((a) => Uint8Array.from(a)),
    );
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 50 }), (input, size) => {
        const buffer = Buffer.from(input);
        const whole = records(buffer, Infinity, { maxFieldBytes: 16, maxRawBytes: 20 });
        const split = records(buffer, size, { maxFieldBytes: 16, maxRawBytes: 20 });
        expect(split.map(simple)).toEqual(whole.map(simple));
        for (let i = 1; i < whole.length; i++) expect(whole[i]!.line).toBeGreaterThan(whole[i - 1]!.line);
        for (const r of whole) expect(r.end).toBeLessThanOrEqual(buffer.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads what a CSV writer wrote, field for field", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r\n", " ", "1", "€") , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), (table, size) => {
        const text = table.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
        expect(records(text, size).map((r) => r.fields)).toEqual(table);
      }),
      { numRuns: 500 },
    );
  });
});

describe("CSV rows", () => {
  it("maps the documented columns, in any order and case, to a work", async () => {
    const out = await rows(`Title,ISBN,DOI,Contributors,Type,Language,Publication_Year,Publisher,Purposes,Excluded_From\n"The Book",978-0-306-40615-7;0-306-40615-2,10.1/x,"Ann; Bob",book,en,2020,Press,TRAIN;RAG,\n`);
    expect(out).toEqual([
      {
        line: 2,
        raw: '"The Book",978-0-306-40615-7;0-306-40615-2,10.1/x,"Ann; Bob",book,en,2020,Press,TRAIN;RAG,',
        bytesRead: expect.any(Number),
        ok: true,
        work: {
          title: "The Book",
          contributors: "Ann; Bob",
          type: "book",
          language: "en",
          publicationYear: "2020",
          publisher: "Press",
          purposes: "TRAIN;RAG",
          identifiers: [
            { type: "ISBN", value: "978-0-306-40615-7" },
            { type: "ISBN", value: "0-306-40615-2" },
            { type: "DOI", value: "10.1/x" },
          ],
        },
      },
    ]);
  });

  it("refuses a header with an unknown, missing or repeated column, naming it", async () => {
    expect((await fileError("isbn,title,colour\n")).message).toMatch(/Unknown column "colour".*isbn, issn, doi/);
    expect((await fileError("isbn,contributors\n")).message).toMatch(/no "title" column/);
    expect((await fileError("title,publisher\n")).message).toMatch(/at least one identifier column/);
    expect((await fileError("isbn,title,ISBN\n")).message).toMatch(/"isbn" appears twice/);
    expect((await fileError("isbn;title;publisher\n")).message).toMatch(/seems to use ";"/);
    expect((await fileError("isbn,,title\n")).message).toMatch(/Column 2 of the header has no name/);
    expect((await fileError("\n\n")).message).toMatch(/empty/);
  });

  it("reports missing and extra columns on their line", async () => {
    const [missing, extra, good] = await rows(`${HEADER}\n9780306406157,Short\n9780306406157,Long,A,2020,surplus\n9780306406157,Fine,A,2020\n`);
    expect(missing).toMatchObject({ line: 2, ok: false, reasons: [expect.stringMatching(/has 2 columns and the header has 4 \(missing columns\)/)] });
    expect(extra).toMatchObject({ line: 3, ok: false, reasons: [expect.stringMatching(/has 5 columns.*extra columns/)] });
    expect(good).toMatchObject({ line: 4, ok: true });
  });

  it("refuses cells a spreadsheet would run as formulas, and takes the apostrophe off our own escaped ones", async () => {
    const out = await rows(`${HEADER}\n9780306406157,=HYPERLINK("x"),A,2020\n9780306406157,@SUM(1),A,2020\n9780306406157,'=Not a formula,'-Ann,2020\n9780306406157,'Salem's Lot,A,2020\n`);
    expect(out[0]).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^title: starts with "=".*apostrophe/)] });
    expect(out[1]).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^title: starts with "@"/)] });
    expect(out[2]).toMatchObject({ ok: true, work: { title: "=Not a formula", contributors: "-Ann" } });
    expect(out[3]).toMatchObject({ ok: true, work: { title: "'Salem's Lot" } });
  });

  it("turns reader problems into rejected rows with the line and the raw text", async () => {
    const input = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from("9780306406157,Caf"), Buffer.from([0xe9]), Buffer.from(",A,2020\n")]);
    const [row] = await rows(input);
    expect(row).toMatchObject({ line: 2, ok: false, reasons: [expect.stringMatching(/UTF-8/)] });
    expect(row!.raw).toBe("9780306406157,Caf\uFFFD,A,2020");
  });

  it("skips blank lines and lines of empty cells", async () => {
    const out = await rows(`\n${HEADER}\n\n,,,\n9780306406157,T,A,2020\n\n`);
    expect(out.map((r) => r.line)).toEqual([5]);
  });
});

describe("an export imported again", () => {
  it("reads the works list's CSV export as it is, past its id and status columns", async () => {
    const { WORKS_CSV_HEADER, workCsvLine } = await import("@/lib/works/works-csv");
    const exported = WORKS_CSV_HEADER + workCsvLine({
      id: 42, status: "ENROLLED", title: "=Sum of Tides", contributors: ["Ann One", "Bob Two"], type: "BOOK", language: "en",
      publicationYear: 2020, publisher: "Press", purposes: ["TRAIN", "RAG"], excludedFrom: null,
      identifiers: [{ type: "ISBN13", value: "9780306406157" }, { type: "DOI", value: "10.1000/xyz" }],
    });
    const [row] = await rows(exported);
    expect(row).toMatchObject({
      ok: true,
      work: {
        title: "=Sum of Tides",
        contributors: expect.stringMatching(/^Ann One\s*;\s*Bob Two$/),
        publicationYear: "2020",
        purposes: expect.stringMatching(/TRAIN.*RAG/),
        identifiers: [{ type: "ISBN", value: "9780306406157" }, { type: "DOI", value: "10.1000/xyz" }],
      },
    });
  });
});
