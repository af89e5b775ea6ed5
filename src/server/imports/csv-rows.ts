import "server-only";
import type { RawWork } from "@/lib/works/work-input";
import { CsvRecordReader, type CsvRecord } from "./csv-reader";
import { ImportFileError, type ImportRow, type ImportRowSource } from "./import-rows";
import { CSV_COLUMN_NAMES, EXPORT_ONLY_COLUMNS, IDENTIFIER_COLUMNS, IMPORT_LIMITS, type CsvColumnName, type HeaderColumn } from "./imports.schema";

// CSV records → import rows: the header names the columns (any order, any case), each later
// record becomes a work's raw values. Cells a spreadsheet would run as a formula (= + - @) are
// refused; an apostrophe before one of those (what our own exports write) is taken off.

const IDENTIFIER_TYPE: Record<(typeof IDENTIFIER_COLUMNS)[number], string> = { isbn: "ISBN", issn: "ISSN", doi: "DOI", url: "URL" };
const FORMULA_START = /^[=+\-@]/;
const WORK_FIELDS: [Exclude<keyof RawWork, "identifiers">, CsvColumnName][] = [
  ["title", "title"],
  ["contributors", "contributors"],
  ["type", "type"],
  ["language", "language"],
  ["publicationYear", "publication_year"],
  ["publisher", "publisher"],
  ["purposes", "purposes"],
  ["excludedFrom", "excluded_from"],
];

export type CsvHeader = { columns: HeaderColumn[]; index: Partial<Record<CsvColumnName, number>> };

/** The header's column names, or the file-level problem with them. */
export function readCsvHeader(record: CsvRecord): CsvHeader {
  if (record.error) throw new ImportFileError(record.line, `The header row can't be read: ${record.error}`);
  const only = record.fields.length === 1 ? record.fields[0]! : "";
  const separator = only.includes(";") ? '";"' : only.includes("\t") ? "tabs" : null;
  if (separator) {
    throw new ImportFileError(record.line, `The header has a single column: the file seems to use ${separator} between columns. Save it with commas (in Excel: Save As → "CSV UTF-8").`);
  }
  const columns: HeaderColumn[] = [];
  const known: readonly string[] = [...CSV_COLUMN_NAMES, ...EXPORT_ONLY_COLUMNS];
  const unknown: string[] = [];
  record.fields.forEach((field, index) => {
    const name = field.trim().toLowerCase().replace(/[\s-]+/g, "_");
    if (name === "") {
      throw new ImportFileError(record.line, `Column ${index + 1} of the header has no name. Name every column, or delete the empty ones.`);
    }
    if (!known.includes(name)) unknown.push(field.trim().slice(0, 60));
    else if (columns.includes(name as HeaderColumn)) {
      throw new ImportFileError(record.line, `The column "${name}" appears twice in the header.`);
    } else columns.push(name as HeaderColumn);
  });
  if (unknown.length > 0) {
    throw new ImportFileError(
      record.line,
      `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")} in the header. The columns are: ${CSV_COLUMN_NAMES.join(", ")}.`,
    );
  }
  const isRead = (c: HeaderColumn): c is CsvColumnName => (CSV_COLUMN_NAMES as readonly string[]).includes(c);
  if (!columns.includes("title")) throw new ImportFileError(record.line, 'The header has no "title" column.');
  if (!IDENTIFIER_COLUMNS.some((c) => columns.includes(c))) {
    throw new ImportFileError(record.line, "The header needs at least one identifier column: isbn, issn, doi or url.");
  }
  return { columns, index: Object.fromEntries(columns.flatMap((c, i) => (isRead(c) ? [[c, i]] : []))) };
}

function isBlank(record: CsvRecord): boolean {
  return record.error === null && record.fields.every((f) => f.trim() === "");
}

/** One data record → the work's raw values, or why the record can't be used. */
export function csvRecordToRow(header: CsvHeader, record: CsvRecord): ImportRow {
  const { line, raw, end: bytesRead } = record;
  if (record.error) return { line, raw, bytesRead, ok: false, reasons: [record.error] };
  const width = header.columns.length;
  if (record.fieldCount !== width) {
    const problem = record.fieldCount < width ? "missing columns" : "extra columns";
    return { line, raw, bytesRead, ok: false, reasons: [`This line has ${record.fieldCount} column${record.fieldCount === 1 ? "" : "s"} and the header has ${width} (${problem}); check for a stray or missing comma or quote.`] };
  }
  const fields = record.fields;
  let reasons: string[] | null = null;
  for (let index = 0; index < width; index++) {
    const value = fields[index]!;
    const first = value.charCodeAt(0);
    // Only cells starting with space, an apostrophe or a formula sign need a closer look.
    if (first !== 0x20 && first !== 0x09 && first !== 0x27 && first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40) continue;
    const trimmed = value.trimStart();
    if (trimmed.startsWith("'") && FORMULA_START.test(trimmed.slice(1))) fields[index] = trimmed.slice(1);
    else if (FORMULA_START.test(trimmed)) {
      (reasons ??= []).push(`${header.columns[index]}: starts with "${trimmed[0]}", which a spreadsheet would run as a formula. Remove it, or put an apostrophe (') in front to keep it as text.`);
    }
  }
  if (reasons) return { line, raw, bytesRead, ok: false, reasons };

  const at = header.index;
  const cell = (column: CsvColumnName) => (at[column] === undefined ? "" : fields[at[column]]!);
  const identifiers: { type: string; value: string }[] = [];
  for (const column of IDENTIFIER_COLUMNS) {
    const value = cell(column);
    if (!value) continue;
    if (!value.includes(";")) identifiers.push({ type: IDENTIFIER_TYPE[column], value });
    else for (const part of value.split(";")) if (part.trim() !== "") identifiers.push({ type: IDENTIFIER_TYPE[column], value: part });
  }
  // Only the cells with something in them: a blank cell and a missing one mean the same to parseWork.
  const work: RawWork = { identifiers };
  for (const [field, column] of WORK_FIELDS) {
    const value = cell(column);
    if (value !== "") work[field] = value;
  }
  return { line, raw, bytesRead, ok: true, work };
}

/** The rows of a CSV file, from a stream of its bytes. */
export async function* readCsvRows(chunks: AsyncIterable<Uint8Array>): ImportRowSource {
  let header: CsvHeader | null = null;
  const reader = new CsvRecordReader({ maxFieldBytes: IMPORT_LIMITS.maxFieldBytes, maxRawBytes: IMPORT_LIMITS.maxRawLineChars, maxFields: 64 });
  const toRows = (records: CsvRecord[]): ImportRow[] => {
    const rows: ImportRow[] = [];
    for (const record of records) {
      if (isBlank(record)) continue;
      if (header === null) {
        header = readCsvHeader(record);
        reader.maxFields = header.columns.length + 1;
      } else rows.push(csvRecordToRow(header, record));
    }
    return rows;
  };
  for await (const chunk of chunks) {
    const rows = toRows(reader.push(chunk));
    if (rows.length > 0) yield rows;
  }
  const rows = toRows(reader.end());
  if (rows.length > 0) yield rows;
  if (header === null) throw new ImportFileError(1, "The file is empty: it needs a header row and one row per work.");
}
