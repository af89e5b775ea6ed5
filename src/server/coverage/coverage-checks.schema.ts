import path from "node:path";
import { z } from "zod";
import { PURPOSES } from "@/lib/coverage/coverage-rule";
import { isValidDate } from "@/lib/works/work-input";
import { importStorageDir } from "../imports/imports.schema";

// Coverage in bulk (docs/decisions/013-bulk-coverage.md): the limits, the file's columns, where
// the files are kept, and the job's payload.

export const COVERAGE_CHECK_LIMITS = {
  /** Identifier lines answered per check (empty lines are not counted). */
  maxLines: 1_000_000,
  /** Largest upload: 1M lines of long URLs with a purpose and a date each still fit. */
  maxFileBytes: 256 * 1024 ** 2,
  /** A longer field is skipped, not buffered, and its line answered INVALID. */
  maxFieldBytes: 4 * 1024,
  /** Identifiers in one JSON body of POST /api/v1/coverage/bulk (a file takes up to maxLines). */
  maxJsonIdentifiers: 100_000,
  /** How much of what a line gave is echoed in the result file. */
  maxEchoChars: 300,
} as const;

export const COVERAGE_CHECK_JOB = "coverage.check";
export const COVERAGE_CHECK_JOB_ATTEMPTS = 3;

export const ZCoverageCheckJob = z.object({ checkId: z.uuid() });

export function coverageCheckJobKey(checkId: string): string {
  return `${COVERAGE_CHECK_JOB}:${checkId}`;
}

/** Inputs and results live beside the works uploads, one folder per organisation. */
export function coverageStorageDir(): string {
  return path.join(importStorageDir(), "coverage-checks");
}

/** What every line not giving its own purpose or date is asked with. */
export const ZCoverageCheckDefaults = z.object({
  purpose: z.enum(PURPOSES, { error: "Choose the purpose: TRAIN, FINE_TUNE or RAG." }),
  date: z.string().trim().refine(isValidDate, "Use a date as YYYY-MM-DD.").optional(),
});

/** The JSON body of POST /api/v1/coverage/bulk (a CSV body is the other way in). */
export const ZCoverageCheckJson = ZCoverageCheckDefaults.extend({
  identifiers: z
    .array(z.string({ error: "Each identifier is a string." }).max(COVERAGE_CHECK_LIMITS.maxFieldBytes, "This identifier is too long."), { error: "Give identifiers as an array of strings." })
    .min(1, "Give at least one identifier.")
    .max(COVERAGE_CHECK_LIMITS.maxJsonIdentifiers, `Give at most ${COVERAGE_CHECK_LIMITS.maxJsonIdentifiers.toLocaleString("en-GB")} identifiers in one body; upload a CSV file for more.`),
});

/** The columns a file may have; without a header row, each line is one identifier. */
export const INPUT_COLUMNS = [
  { name: "identifier", description: "ISBN (10 or 13), ISSN, DOI or URL. Required.", example: "978-0-306-40615-7" },
  { name: "purpose", description: "TRAIN, FINE_TUNE or RAG. Blank: the purpose chosen for the file.", example: "TRAIN" },
  { name: "date", description: "YYYY-MM-DD. Blank: the date chosen for the file.", example: "2026-11-30" },
] as const;

/** The result file: one line per identifier line of the input, in its order. */
export const RESULT_COLUMNS = [
  "line",
  "identifier",
  "identifier_type",
  "normalized_identifier",
  "purpose",
  "date",
  "covered",
  "reason",
  "message",
  "work_title",
  "rightsholder",
] as const;
