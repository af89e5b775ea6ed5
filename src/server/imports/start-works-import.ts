import "server-only";
import { randomUUID } from "node:crypto";
import { rename, unlink } from "node:fs/promises";
import path from "node:path";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { IMPORT_JOB, IMPORT_JOB_ATTEMPTS, IMPORT_LIMITS, importJobKey, importStorageDir } from "./imports.schema";
import { UploadTooLargeError, checkCsvHeader, detectFormat, removeAbandonedUploads, storeUpload } from "./stored-upload";

export type StartWorksImportInput = {
  organizationId: string;
  /** As the browser named it (display only; the stored file gets our own name). */
  fileName: string;
  /** The raw bytes of the file, streamed. */
  body: AsyncIterable<Uint8Array> | null;
  /** The request's Content-Length, when it sent one. */
  declaredSize: number | null;
};

export type StartedWorksImport = {
  id: string;
  format: "CSV" | "ONIX";
  fileName: string;
  fileSize: number;
  /** The latest earlier import of the very same file (same SHA-256), if any. */
  sameFileImportedAt: Date | null;
};

/** Display name: the last path segment, without control characters, shortened. */
function cleanFileName(raw: string): string {
  const name = (raw.split(/[\\/]/).at(-1) ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (name.length <= IMPORT_LIMITS.maxFileNameChars) return name;
  const extension = path.extname(name).slice(0, 10);
  return `${name.slice(0, IMPORT_LIMITS.maxFileNameChars - extension.length - 1)}…${extension}`;
}

/**
 * A member uploads a works file (CSV or ONIX 3.0): it is streamed to storage while hashed and
 * counted, recognised, its CSV header checked, and then the import row and its job are created in
 * one transaction. Any refusal leaves nothing behind: no row, no job, no file.
 */
export async function startWorksImport(actor: Actor | null, input: StartWorksImportInput): Promise<StartedWorksImport> {
  authorize(can.manageWorks(actor, input.organizationId), "Only members of this rightsholder can import its works.");
  const user = requireUser(actor);
  const fileName = cleanFileName(input.fileName);
  if (fileName === "") throw validation("The upload has no file name.", { file: ["Choose a file to upload."] });
  const maxBytes = IMPORT_LIMITS.maxFileBytes;
  if (input.declaredSize !== null && input.declaredSize > maxBytes) throw new UploadTooLargeError(maxBytes);
  if (!input.body || input.declaredSize === 0) throw validation("The file is empty.", { file: ["The file is empty."] });

  const id = randomUUID();
  const directory = path.join(importStorageDir(), input.organizationId);
  await removeAbandonedUploads(directory);
  const uploadPath = path.join(directory, `${id}.upload`);
  const stored = await storeUpload(input.body, uploadPath, maxBytes);
  let storedPath = uploadPath;
  try {
    if (input.declaredSize !== null && stored.size !== input.declaredSize) {
      throw validation("The upload was cut off before the end of the file. Try again.", { file: ["The upload was incomplete."] });
    }
    if (stored.size === 0) throw validation("The file is empty.", { file: ["The file is empty."] });
    const format = detectFormat(fileName, stored.head);
    if (format === "CSV") await checkCsvHeader(uploadPath);

    const storagePath = `${input.organizationId}/${id}.${format === "CSV" ? "csv" : "xml"}`;
    storedPath = path.join(importStorageDir(), storagePath);
    await rename(uploadPath, storedPath);

    const earlier = await db.worksImport.findFirst({
      where: { organizationId: input.organizationId, fileSha256: stored.sha256 },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    await db.$transaction(async (tx) => {
      const created = await tx.worksImport.create({
        data: {
          id,
          organizationId: input.organizationId,
          format,
          fileName,
          fileSha256: stored.sha256,
          storagePath,
          status: "QUEUED",
          fileSize: BigInt(stored.size),
          createdById: user.userId,
        },
        select: { id: true, format: true, fileName: true, fileSha256: true, fileSize: true },
      });
      await enqueueJob(tx, IMPORT_JOB, { importId: id }, { singletonKey: importJobKey(id), maxAttempts: IMPORT_JOB_ATTEMPTS });
      await writeAudit(tx, actor, {
        action: "works-import.uploaded",
        entityType: "WorksImport",
        entityId: id,
        organizationId: input.organizationId,
        after: created,
      });
    });
    return { id, format, fileName, fileSize: stored.size, sameFileImportedAt: earlier?.createdAt ?? null };
  } catch (error) {
    await unlink(storedPath).catch(() => undefined);
    throw error;
  }
}
