import "server-only";
import { PURPOSES, type PurposeCode } from "@/lib/coverage/coverage-rule";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { CsvRecordReader, type CsvRecord } from "../imports/csv-reader";
import { USAGE_COLUMN_NAMES, USAGE_LIMITS } from "./usage-reports.schema";

// The lines of a usage file: CSV (UTF-8) with a header naming the columns (any order, any case;
// others are ignored). Each later line is either a usage line or a rejected line with its reasons;
// one bad line never stops the file. A file-level problem (no header, a missing column) is thrown.

export type UsageLineInput = {
  line: number;
  identifier: NormalizedIdentifier | null;
  rawIdentifier: string | null;
  rawTitle: string | null;
  normalizedTitle: string | null;
  year: number | null;
  purpose: PurposeCode;
  units: bigint;
};

export type RejectedLine = { line: number; reasons: string[]; raw: string };

export class UsageFileError extends Error {
  constructor(readonly line: number | null, message: string) {
    super(message);
  }
}

type Columns = Record<(typeof USAGE_COLUMN_NAMES)[number], number | null>;

function readHeader(record: CsvRecord): Columns {
  if (record.error) throw new UsageFileError(record.line, `The header row can't be read: ${record.error}`);
  const names = record.fields.map((f) => f.trim().toLowerCase().replace(/^\ufeff/, "").replace(/[\s-]+/g, "_"));
  if (names.length === 1 && /[;\t]/.test(record.fields[0]!)) {
    throw new UsageFileError(record.line, 'The header has a single column: the file seems to use ";" or tabs between columns. Save it with commas (in Excel: Save As → "CSV UTF-8").');
  }
  const index = (name: string) => (names.indexOf(name) >= 0 ? names.indexOf(name) : null);
  const columns = Object.fromEntries(USAGE_COLUMN_NAMES.map((n) => [n, index(n)])) as Columns;
  const missing = (["purpose", "units"] as const).filter((n) => columns[n] === null);
  if (columns.identifier === null && columns.title === null) missing.unshift("identifier or title" as never);
  if (missing.length > 0) {
    throw new UsageFileError(record.line, `The header has no ${missing.map((m) => `"${m}"`).join(" or ")} column. The columns are: ${USAGE_COLUMN_NAMES.join(", ")} (download the template).`);
  }
  return columns;
}

const FORMULA_START = /^[=+\-@]/;

/** One record → a usage line, or its reasons. */
export function readUsageRecord(record: CsvRecord, columns: Columns): UsageLineInput | RejectedLine {
  const raw = record.raw.slice(0, USAGE_LIMITS.maxRawLineChars);
  if (record.error) return { line: record.line, reasons: [record.error], raw };
  const field = (name: keyof Columns) => {
    const i = columns[name];
    return i === null ? "" : (record.fields[i] ?? "").trim();
  };
  return readUsageFields(record.line, raw, { identifier: field("identifier"), title: field("title"), year: field("year"), purpose: field("purpose"), units: field("units") });
}

/** The checks of one line, for CSV records and JSON lines alike. */
export function readUsageFields(line: number, raw: string, f: { identifier: string; title: string; year: string; purpose: string; units: string }): UsageLineInput | RejectedLine {
  const reasons: string[] = [];
  for (const [name, value] of Object.entries(f)) {
    if (FORMULA_START.test(value) && !/^-?\d+$/.test(value)) reasons.push(`${name}: starts like a spreadsheet formula; remove the leading "${value[0]}".`);
  }
  let identifier: NormalizedIdentifier | null = null;
  if (f.identifier !== "") {
    const detected = detectIdentifier(f.identifier.replace(/^'/, ""));
    if (detected.ok) identifier = { type: detected.type, value: detected.value };
    else reasons.push(`identifier: ${detected.error}`);
  }
  const normalizedTitle = f.title === "" ? null : normalizeTitle(f.title);
  if (f.identifier === "" && !normalizedTitle) reasons.push("Give the work's identifier or its title.");
  let year: number | null = null;
  if (f.year !== "") {
    if (!/^\d{4}$/.test(f.year) || Number(f.year) < 1400 || Number(f.year) > 2100) reasons.push(`year: "${f.year.slice(0, 20)}" is not a year (1400–2100).`);
    else year = Number(f.year);
  }
  const purpose = f.purpose.toUpperCase().replace(/[-\s]/g, "_");
  if (!(PURPOSES as readonly string[]).includes(purpose)) reasons.push(f.purpose === "" ? "purpose: give TRAIN, FINE_TUNE or RAG." : `purpose: "${f.purpose.slice(0, 30)}" is not TRAIN, FINE_TUNE or RAG.`);
  let units = 0n;
  if (!/^\d{1,13}$/.test(f.units.replace(/[_\s]/g, "")) || BigInt(f.units.replace(/[_\s]/g, "")) === 0n) {
    reasons.push(f.units === "" ? "units: give a whole number above 0." : `units: "${f.units.slice(0, 30)}" is not a whole number above 0.`);
  } else {
    units = BigInt(f.units.replace(/[_\s]/g, ""));
    if (units > BigInt(USAGE_LIMITS.maxUnits)) reasons.push(`units: at most ${USAGE_LIMITS.maxUnits.toLocaleString("en-GB")} per line.`);
  }
  if (reasons.length > 0) return { line, reasons, raw };
  return { line, identifier, rawIdentifier: f.identifier || null, rawTitle: f.title || null, normalizedTitle, year, purpose: purpose as PurposeCode, units };
}

export const isRejected = (l: UsageLineInput | RejectedLine): l is RejectedLine => "reasons" in l;

/** Reads a usage file in batches (one per chunk), with how far it has been read. */
export async function* readUsageFile(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ lines: (UsageLineInput | RejectedLine)[]; bytesRead: number }> {
  const reader = new CsvRecordReader({ maxFieldBytes: USAGE_LIMITS.maxFieldBytes, maxRawBytes: USAGE_LIMITS.maxRawLineChars, maxFields: 64 });
  let columns: Columns | null = null;
  let bytesRead = 0;
  const take = (records: CsvRecord[]) => {
    const out: (UsageLineInput | RejectedLine)[] = [];
    for (const record of records) {
      if (record.error === null && record.fields.every((f) => f.trim() === "")) continue;
      if (columns === null) {
        columns = readHeader(record);
        continue;
      }
      out.push(readUsageRecord(record, columns));
    }
    return out;
  };
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    const lines = take(reader.push(chunk));
    if (lines.length > 0) yield { lines, bytesRead };
  }
  const last = take(reader.end());
  if (last.length > 0) yield { lines: last, bytesRead };
  if (columns === null) throw new UsageFileError(null, `The file is empty: it needs a header row (${USAGE_COLUMN_NAMES.join(",")}) and a line per work used.`);
}
