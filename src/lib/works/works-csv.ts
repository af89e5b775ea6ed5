// The works CSV export: the import template's columns (so an export can be edited and imported
// again), then the work's id and status. Cells that a spreadsheet would run as a formula are
// neutralised; quoting follows RFC 4180; lines end in CRLF. Pure, so it is tested on its own.
import { IDENTIFIER_LABELS } from "./work-input";

/** The columns of a works file: the import template's, in its order. */
export const CSV_COLUMN_NAMES = [
  "isbn",
  "issn",
  "doi",
  "url",
  "title",
  "contributors",
  "type",
  "language",
  "publication_year",
  "publisher",
  "purposes",
  "excluded_from",
] as const;

/** Written by the export for the person's reference; an import reads past them (identity is by identifier). */
export const EXPORT_ONLY_COLUMNS = ["id", "status"] as const;

export const WORKS_EXPORT_COLUMNS = [...CSV_COLUMN_NAMES, ...EXPORT_ONLY_COLUMNS] as const;

export type ExportedWork = {
  id: number;
  status: string;
  title: string;
  contributors: string[];
  type: string;
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  purposes: string[];
  excludedFrom: string | null;
  identifiers: { type: keyof typeof IDENTIFIER_LABELS; value: string }[];
};

/** UTF-8 byte order mark: spreadsheets read the file as UTF-8 only with it. */
export const CSV_BOM = "\uFEFF";

// A leading = + - @ (or a tab or carriage return before one) makes spreadsheets evaluate the cell
// (CSV injection); a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

function identifiersOf(work: ExportedWork, type: ExportedWork["identifiers"][number]["type"]): string {
  return work.identifiers.filter((i) => i.type === type).map((i) => i.value).join(";");
}

export function workCsvLine(work: ExportedWork): string {
  return csvLine([
    identifiersOf(work, "ISBN13"),
    identifiersOf(work, "ISSN"),
    identifiersOf(work, "DOI"),
    identifiersOf(work, "URL"),
    work.title,
    work.contributors.join("; "),
    work.type,
    work.language,
    work.publicationYear,
    work.publisher,
    work.purposes.join(";"),
    work.excludedFrom,
    work.id,
    work.status,
  ]);
}

export const WORKS_CSV_HEADER = CSV_BOM + csvLine([...WORKS_EXPORT_COLUMNS]);
