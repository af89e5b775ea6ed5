import "server-only";
import type { RawWork } from "@/lib/works/work-input";

// What the CSV and ONIX readers hand the import job: one row per record of the file, in order,
// either a work's raw values (checked by parseWork next) or the reason the record can't be read.
// A file-level problem (an unknown column, XML that is not well-formed) ends the file.

export type ImportRow = {
  /** Where the row starts in the file: the CSV line, or the line of the ONIX <Product>. */
  line: number;
  /** The record as written (a CSV line, or a short summary of an ONIX product), for the error file. */
  raw: string;
  /** Bytes of the file read once this row is complete (for the progress bar). */
  bytesRead: number;
} & ({ ok: true; work: RawWork } | { ok: false; reasons: string[] });

export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

/**
 * A source of rows, in order, a chunk of the file's rows at a time (one await per chunk, not per
 * row); throws ImportFileError when the file cannot be read further.
 */
export type ImportRowSource = AsyncGenerator<ImportRow[], void, undefined>;
