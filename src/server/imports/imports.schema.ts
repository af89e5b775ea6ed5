import path from "node:path";
import { z } from "zod";
import type { CSV_COLUMN_NAMES, EXPORT_ONLY_COLUMNS } from "@/lib/works/works-csv";

// Works files: the limits, the CSV columns rightsholders are told about, where uploads are kept,
// and the job's payload. docs/decisions/007-works-import-pipeline.md.

export const IMPORT_LIMITS = {
  /** Largest upload accepted (413 above it). */
  maxFileBytes: 2 * 1024 ** 3,
  /** A longer CSV field is skipped (not buffered) and its line rejected. */
  maxFieldBytes: 64 * 1024,
  /** How much of a rejected line is kept for the error file. */
  maxRawLineChars: 1_000,
  /** Rows decided and committed together (one transaction each); see docs/benchmarks.md. */
  batchRows: 2_000,
  /** Error rows kept per import: a file of nothing but errors still fits the table. */
  maxErrorRows: 100_000,
  /** File names are kept for display only; longer ones are shortened. */
  maxFileNameChars: 200,
} as const;

export const IMPORT_JOB = "works.import";
export const IMPORT_JOB_ATTEMPTS = 5;

export const ZWorksImportJob = z.object({ importId: z.uuid() });
export type TWorksImportJob = z.infer<typeof ZWorksImportJob>;

export function importJobKey(importId: string): string {
  return `${IMPORT_JOB}:${importId}`;
}

/** Where uploads are stored: IMPORT_STORAGE_DIR, else `.data/imports` under the working directory. */
export function importStorageDir(): string {
  // The folder is chosen at run time; telling Turbopack so keeps it from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.IMPORT_STORAGE_DIR || path.join(process.cwd(), ".data", "imports"));
}

export type CsvColumn = {
  name: CsvColumnName;
  label: string;
  description: string;
  example: string;
};

export { CSV_COLUMN_NAMES, EXPORT_ONLY_COLUMNS } from "@/lib/works/works-csv";
export type CsvColumnName = (typeof CSV_COLUMN_NAMES)[number];
/** A header's column: one the import reads, or one of the export's own that it reads past. */
export type HeaderColumn = CsvColumnName | (typeof EXPORT_ONLY_COLUMNS)[number];
export const IDENTIFIER_COLUMNS = ["isbn", "issn", "doi", "url"] as const satisfies readonly CsvColumnName[];

/** The columns as documented on the imports page and in the template (same order). */
export const CSV_COLUMNS: CsvColumn[] = [
  { name: "isbn", label: "ISBN", description: "ISBN-13, or ISBN-10 (converted). Hyphens and spaces are fine.", example: "978-0-306-40615-7" },
  { name: "issn", label: "ISSN", description: "For journals and serials.", example: "0317-8471" },
  { name: "doi", label: "DOI", description: "With or without https://doi.org/.", example: "10.1000/xyz123" },
  { name: "url", label: "URL", description: "The work's web address, for works without another identifier.", example: "https://example.org/article" },
  { name: "title", label: "Title", description: "Required.", example: "The Tidewater Atlas" },
  { name: "contributors", label: "Contributors", description: 'Names separated by ";".', example: "Mira Okafor; Jon Hale" },
  { name: "type", label: "Type", description: "BOOK, JOURNAL, JOURNAL_ARTICLE, NEWS or OTHER. Blank means BOOK.", example: "BOOK" },
  { name: "language", label: "Language", description: "A language code such as en, fr or pt-br.", example: "en" },
  { name: "publication_year", label: "Publication year", description: "Four digits.", example: "2021" },
  { name: "publisher", label: "Publisher", description: "The imprint or publisher's name.", example: "Harbour Lane Press" },
  {
    name: "purposes",
    label: "Purposes",
    description: 'TRAIN, FINE_TUNE and/or RAG, separated by ";". Blank means all three.',
    example: "TRAIN;RAG",
  },
  {
    name: "excluded_from",
    label: "Excluded from",
    description: "YYYY-MM-DD: out of the repertoire from that day on (today at the earliest). Blank: not excluded.",
    example: "",
  },
];

/** The downloadable template: the header and two example rows. */
export function templateCsv(): string {
  const rows = [
    CSV_COLUMNS.map((c) => c.name),
    ["978-0-306-40615-7", "", "", "", "The Tidewater Atlas", "Mira Okafor; Jon Hale", "BOOK", "en", "2021", "Harbour Lane Press", "", ""],
    ["", "", "10.1000/xyz123", "", "Notes on Estuary Birds", "Ada Lind", "JOURNAL_ARTICLE", "en", "2019", "Harbour Lane Press", "TRAIN;RAG", ""],
  ];
  return `${rows.map((r) => r.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\r\n")}\r\n`;
}
