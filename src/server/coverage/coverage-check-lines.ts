import "server-only";
import { PURPOSES, type PurposeCode } from "@/lib/coverage/coverage-rule";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { isValidDate } from "@/lib/works/work-input";
import { CsvRecordReader, type CsvRecord } from "../imports/csv-reader";
import { COVERAGE_CHECK_LIMITS } from "./coverage-checks.schema";

// The lines of a bulk coverage file: CSV (UTF-8), either a plain list (one identifier per line,
// first column) or with a header row naming an `identifier` column and, if wanted, `purpose` and
// `date` columns that override the file's own for that line. Every non-empty line becomes one
// answer: a line that can't be read is answered INVALID with the reason, never dropped, so the
// result file has one line per identifier line of the input.

export type CoverageLine = {
  /** 1-based line of the input file. */
  line: number;
  /** The identifier as the line gave it, shortened for the result file. */
  given: string;
  identifier: NormalizedIdentifier | null;
  /** null with a problem when the line's purpose can't be read. */
  purpose: PurposeCode | null;
  date: string | null;
  /** Why the line can't be answered (bad identifier, purpose or date, unreadable bytes). */
  problem: string | null;
};

/** The file as a whole can't be answered (too many lines). */
export class CoverageFileError extends Error {}

const HEADER_NAMES = new Set(["identifier", "identifiers", "isbn", "issn", "doi", "url", "id"]);

type Columns = { identifier: number; purpose: number | null; date: number | null };

/** A first line naming an identifier column is the header; anything else is already an answer's line. */
function headerOf(record: CsvRecord): Columns | null {
  const names = record.fields.map((f) => f.trim().toLowerCase().replace(/^\ufeff/, ""));
  const identifier = names.findIndex((n) => HEADER_NAMES.has(n));
  if (identifier < 0) return null;
  const index = (name: string) => (names.indexOf(name) >= 0 ? names.indexOf(name) : null);
  return { identifier, purpose: index("purpose"), date: index("date") };
}

function readPurpose(text: string, fallback: PurposeCode): PurposeCode | null {
  if (text === "") return fallback;
  const code = text.toUpperCase().replace(/[-\s]/g, "_");
  return (PURPOSES as readonly string[]).includes(code) ? (code as PurposeCode) : null;
}

const shorten = (text: string) => (text.length > COVERAGE_CHECK_LIMITS.maxEchoChars ? `${text.slice(0, COVERAGE_CHECK_LIMITS.maxEchoChars - 1)}…` : text);

/**
 * Reads the file's lines as answers-to-be, a batch per chunk of the file (a million lines pass
 * through a few hundred awaits, not a million), each batch with how far the file has been read.
 * Throws CoverageFileError past the line limit.
 */
export async function* readCoverageLines(
  chunks: AsyncIterable<Uint8Array>,
  defaults: { purpose: PurposeCode; date: string },
  maxLines: number = COVERAGE_CHECK_LIMITS.maxLines,
): AsyncGenerator<{ lines: CoverageLine[]; bytesRead: number }> {
  const reader = new CsvRecordReader({ maxFieldBytes: COVERAGE_CHECK_LIMITS.maxFieldBytes, maxRawBytes: COVERAGE_CHECK_LIMITS.maxEchoChars, maxFields: 32 });
  let columns: Columns | null = null;
  let isFirst = true;
  let count = 0;
  let bytesRead = 0;
  const answer = (records: CsvRecord[]): CoverageLine[] => {
    const lines: CoverageLine[] = [];
    for (const record of records) {
      if (record.error === null && record.fields.every((f) => f.trim() === "")) continue;
      if (isFirst) {
        isFirst = false;
        columns = record.error === null ? headerOf(record) : null;
        if (columns) continue;
      }
      if (++count > maxLines) {
        throw new CoverageFileError(`The file has more than ${maxLines.toLocaleString("en-GB")} identifiers (line ${record.line} is one too many). Split it into smaller files.`);
      }
      lines.push(readLine(record, columns, defaults));
    }
    return lines;
  };
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    const lines = answer(reader.push(chunk));
    if (lines.length > 0) yield { lines, bytesRead };
  }
  const last = answer(reader.end());
  if (last.length > 0) yield { lines: last, bytesRead };
}

function readLine(record: CsvRecord, columns: Columns | null, defaults: { purpose: PurposeCode; date: string }): CoverageLine {
  const field = (index: number | null) => (index === null ? "" : (record.fields[index] ?? "").trim());
  const given = shorten(record.error === null ? field(columns?.identifier ?? 0) : record.raw);
  const base = { line: record.line, given, identifier: null, purpose: defaults.purpose, date: defaults.date };
  if (record.error !== null) return { ...base, problem: record.error };
  if (given === "") return { ...base, problem: "The line has no identifier." };
  const purposeText = field(columns?.purpose ?? null);
  const purpose = readPurpose(purposeText, defaults.purpose);
  if (purpose === null) return { ...base, purpose: null, problem: `Unknown purpose "${shorten(purposeText)}": use TRAIN, FINE_TUNE or RAG.` };
  const dateText = field(columns?.date ?? null);
  if (dateText !== "" && !isValidDate(dateText)) return { ...base, purpose, problem: `"${shorten(dateText)}" is not a date: use YYYY-MM-DD.` };
  const date = dateText || defaults.date;
  const detected = detectIdentifier(field(columns?.identifier ?? 0));
  if (!detected.ok) return { ...base, purpose, date, problem: detected.error };
  return { line: record.line, given, identifier: { type: detected.type, value: detected.value }, purpose, date, problem: null };
}
