import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { AppError, validation } from "../errors";
import { readCsvRecords } from "./csv-reader";
import { readCsvHeader } from "./csv-rows";
import { ImportFileError } from "./import-rows";
import { IMPORT_LIMITS } from "./imports.schema";

// The bytes of an upload on their way to disk: streamed to a file while hashed (SHA-256) and
// counted, never held in memory, refused beyond the size limit; then recognised as CSV or ONIX.

/** Answered 413 by the route handler. */
export class UploadTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super("VALIDATION", `The file is larger than ${formatBytes(maxBytes)}. Split it into smaller files and upload them one after the other.`);
    this.name = "UploadTooLargeError";
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const SNIFF_BYTES = 4096;

export type StoredUpload = { sha256: string; size: number; head: Buffer };

/** Streams `body` into `filePath` (which must not exist yet). On any failure the partial file is removed. */
export async function storeUpload(body: AsyncIterable<Uint8Array>, filePath: string, maxBytes: number): Promise<StoredUpload> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const hash = createHash("sha256");
  let size = 0;
  const headParts: Buffer[] = [];
  let headSize = 0;
  const out = createWriteStream(filePath, { flags: "wx" });
  try {
    await pipeline(
      body,
      async function* meter(source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
          hash.update(chunk);
          if (headSize < SNIFF_BYTES) {
            const part = Buffer.from(chunk.subarray(0, SNIFF_BYTES - headSize));
            headParts.push(part);
            headSize += part.length;
          }
          yield chunk;
        }
      },
      out,
    );
  } catch (error) {
    // pipeline() can reject before the file stream has opened (and so created) the file; unlinking
    // then would run first and leave the partial file behind. Wait for the stream to close.
    if (!out.closed) {
      out.destroy();
      await once(out, "close").catch(() => undefined);
    }
    // EEXIST: the file is someone else's; leave it.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") await unlink(filePath).catch(() => undefined);
    throw error;
  }
  return { sha256: hash.digest("hex"), size, head: Buffer.concat(headParts) };
}

/** Uploads that never finished (the server stopped mid-way) are removed after a day. */
export async function removeAbandonedUploads(directory: string, now = Date.now()): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".upload"))) {
    const file = path.join(directory, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > 86_400_000) await unlink(file).catch(() => undefined);
  }
}

const NOT_ACCEPTED: [signature: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "a zip archive (an Excel workbook?)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Excel or Word document"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF"],
];

/** CSV or ONIX, by the file's first bytes (its name only breaks a tie). */
export function detectFormat(fileName: string, head: Buffer): "CSV" | "ONIX" {
  const extension = path.extname(fileName).toLowerCase();
  for (const [signature, what] of NOT_ACCEPTED) {
    if (signature.every((byte, i) => head[i] === byte)) {
      throw validation(`This file is ${what}. Upload a CSV file (in Excel: Save As → "CSV UTF-8") or an ONIX 3.0 XML file.`);
    }
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw validation('This file is UTF-16 text. Save it as UTF-8 (in Excel: "CSV UTF-8") and upload it again.');
  }
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[start]!)) start++;
  if (head[start] === 0x3c /* < */) return "ONIX";
  if ([".xml", ".onix", ".onx"].includes(extension)) {
    throw validation(`"${fileName}" is named like an XML file, but it does not start with an XML tag. Upload an ONIX 3.0 XML file or a CSV file.`);
  }
  return "CSV";
}

/** Reads the header of a stored CSV file and refuses the upload at once when it can't be used. */
export async function checkCsvHeader(filePath: string): Promise<void> {
  const stream = createReadStream(filePath, { start: 0, end: 1024 * 1024 - 1 });
  try {
    for await (const record of readCsvRecords(stream, { maxFieldBytes: IMPORT_LIMITS.maxFieldBytes, maxRawBytes: 200 })) {
      if (record.error === null && record.fields.every((f) => f.trim() === "")) continue;
      readCsvHeader(record);
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw validation(error.message, { file: [error.message] });
    throw error;
  } finally {
    stream.destroy();
  }
  throw validation("The file is empty: it needs a header row and one row per work.", { file: ["The file is empty."] });
}
