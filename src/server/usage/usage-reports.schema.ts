import path from "node:path";
import { z } from "zod";
import { importStorageDir } from "../imports/imports.schema";

// Usage reports (docs/decisions/014-usage-reports.md): limits, the CSV columns licensees are told
// about, the JSON body of the API, where files are kept and the job's payload.

export const USAGE_LIMITS = {
  /** Largest upload (413 above it). */
  maxFileBytes: 512 * 1024 ** 2,
  /** A longer field is skipped, not buffered, and its line rejected. */
  maxFieldBytes: 8 * 1024,
  /** Lines of one JSON body (a file takes far more). */
  maxJsonLines: 100_000,
  /** Units of one line: a trillion tokens is far beyond any single work's use. */
  maxUnits: 1_000_000_000_000,
  /** Error rows kept per report: a file of nothing but errors still fits. */
  maxErrorRows: 100_000,
  /** How much of a rejected line is kept for the error file. */
  maxRawLineChars: 500,
} as const;

export const USAGE_JOB = "usage.process";
export const USAGE_JOB_ATTEMPTS = 3;
export const ZUsageJob = z.object({ reportId: z.uuid() });
export const usageJobKey = (reportId: string) => `${USAGE_JOB}:${reportId}`;

/** Uploaded reports live beside the works uploads, one folder per organisation. */
export function usageStorageDir(): string {
  return path.join(importStorageDir(), "usage-reports");
}

export const USAGE_COLUMNS = [
  { name: "identifier", description: "ISBN (10 or 13), ISSN, DOI or URL of the work. Give it, or the title, or both.", example: "978-0-306-40615-7" },
  { name: "title", description: "The work's title, for works without an identifier (matched with the year).", example: "The Tidewater Atlas" },
  { name: "year", description: "Publication year, with the title.", example: "2019" },
  { name: "purpose", description: "TRAIN, FINE_TUNE or RAG. Required.", example: "TRAIN" },
  { name: "units", description: "How much of the work was used: a whole number above 0 (tokens, by default). Required.", example: "1250000" },
] as const;
export const USAGE_COLUMN_NAMES = USAGE_COLUMNS.map((c) => c.name);

/** One line of the JSON body of POST /api/v1/usage-reports; checked as a CSV line is. */
export const ZUsageJsonLine = z.object({
  identifier: z.string().optional().nullable(),
  title: z.string().optional().nullable(),
  year: z.union([z.number(), z.string()]).optional().nullable(),
  purpose: z.string({ error: "Give the purpose: TRAIN, FINE_TUNE or RAG." }),
  units: z.union([z.number(), z.string()], { error: "Give the units: a whole number above 0." }),
});

export const ZUsageJsonBody = z.object({
  quarter: z.string({ error: 'Give the quarter, e.g. "2026Q3".' }),
  lines: z.array(z.unknown(), { error: "Give the lines as an array." }).min(1, "Give at least one line.").max(USAGE_LIMITS.maxJsonLines, `At most ${USAGE_LIMITS.maxJsonLines.toLocaleString("en-GB")} lines per request; upload a CSV file for more.`),
});

/** The template: the header and two example lines, one by identifier and one by title and year. */
export function usageTemplateCsv(): string {
  return `${USAGE_COLUMN_NAMES.join(",")}\r\n978-0-306-40615-7,,,TRAIN,1250000\r\n,The Tidewater Atlas,2019,RAG,4800\r\n`;
}
