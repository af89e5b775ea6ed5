// Works files for import tests: uploads through the real use case, with storage in a temp folder.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/server/auth/actor";
import { startWorksImport } from "@/server/imports/start-works-import";

/** Every test process stores its uploads in a folder of its own. */
export function setUpTempImportStorage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "clearway-imports-"));
  process.env.IMPORT_STORAGE_DIR = dir;
  return dir;
}

export async function* bytesOf(content: string | Buffer, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export function uploadWorksFile(actor: Actor | null, organizationId: string, fileName: string, content: string | Buffer) {
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  return startWorksImport(actor, { organizationId, fileName, body: bytesOf(content), declaredSize: size });
}

export const CSV_HEADER = "isbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from";

/** One CSV line in the order of CSV_HEADER. */
export function csvLine(work: { isbn?: string; doi?: string; title: string; contributors?: string; year?: number; purposes?: string }): string {
  return [work.isbn ?? "", "", work.doi ?? "", "", work.title, work.contributors ?? "", "BOOK", "en", work.year ?? 2020, "Test Press", work.purposes ?? "", ""].join(",");
}
