import "server-only";
import { randomUUID } from "node:crypto";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { todayUtc } from "@/lib/works/work-input";
import { csvLine } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { detectFormat, storeUpload, UploadTooLargeError } from "../imports/stored-upload";
import {
  COVERAGE_CHECK_JOB,
  COVERAGE_CHECK_JOB_ATTEMPTS,
  COVERAGE_CHECK_LIMITS,
  coverageCheckJobKey,
  coverageStorageDir,
  ZCoverageCheckDefaults,
  ZCoverageCheckJson,
} from "./coverage-checks.schema";

export type StartedCoverageCheck = { id: string; fileName: string; fileSize: number; purpose: string; date: string };

type Source = { organizationId: string; purpose?: unknown; date?: unknown };

/** Each field's messages once: 100,000 numbers in `identifiers` are one problem, not 100,000. */
function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const messages = (fieldErrors[String(issue.path[0] ?? "file")] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fieldErrors;
}

function parseDefaults(input: Source) {
  const parsed = ZCoverageCheckDefaults.safeParse({ purpose: input.purpose, date: input.date === "" ? undefined : input.date });
  if (!parsed.success) throw validation("Choose the purpose and the date to check the file for.", fieldErrorsOf(parsed.error.issues));
  return { purpose: parsed.data.purpose, date: parsed.data.date ?? todayUtc() };
}

const cleanName = (raw: string) => (raw.split(/[\\/]/).at(-1) ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);

/**
 * A licensee's member (or its coverage:read key) uploads a file of identifiers: it is streamed to
 * storage (never held in memory, refused past the size limit), and the check and its job are
 * created together. A refusal leaves nothing behind.
 */
export async function startCoverageCheck(
  actor: Actor | null,
  input: Source & { fileName: string; body: AsyncIterable<Uint8Array> | null; declaredSize: number | null },
): Promise<StartedCoverageCheck> {
  authorize(can.checkCoverageInBulk(actor, input.organizationId), "Only this licensee's members and its API keys can check its coverage.");
  const defaults = parseDefaults(input);
  const fileName = cleanName(input.fileName) || "identifiers.csv";
  const maxBytes = COVERAGE_CHECK_LIMITS.maxFileBytes;
  if (input.declaredSize !== null && input.declaredSize > maxBytes) throw new UploadTooLargeError(maxBytes);
  if (!input.body || input.declaredSize === 0) throw validation("The file is empty.", { file: ["The file is empty: give one identifier per line."] });

  const id = randomUUID();
  const storagePath = `${input.organizationId}/${id}.csv`;
  const filePath = path.join(coverageStorageDir(), storagePath);
  const stored = await storeUpload(input.body, filePath, maxBytes);
  try {
    if (input.declaredSize !== null && stored.size !== input.declaredSize) {
      throw validation("The upload was cut off before the end of the file. Try again.", { file: ["The upload was incomplete."] });
    }
    if (stored.size === 0) throw validation("The file is empty.", { file: ["The file is empty: give one identifier per line."] });
    if (detectFormat(fileName, stored.head) !== "CSV") {
      throw validation("This looks like an XML file. Upload a CSV or text file with one identifier per line.", { file: ["Not a CSV or text file."] });
    }
    return await createCheck(actor, { id, organizationId: input.organizationId, source: "FILE", fileName, storagePath, fileSize: stored.size, ...defaults });
  } catch (error) {
    await unlink(filePath).catch(() => undefined);
    throw error;
  }
}

/** POST /api/v1/coverage/bulk with a JSON body: the identifiers become the check's file. */
export async function startCoverageCheckFromList(actor: Actor | null, input: Source & { identifiers?: unknown }): Promise<StartedCoverageCheck> {
  authorize(can.checkCoverageInBulk(actor, input.organizationId), "Only this licensee's members and its API keys can check its coverage.");
  const parsed = ZCoverageCheckJson.safeParse({ identifiers: input.identifiers, purpose: input.purpose, date: input.date });
  if (!parsed.success) throw validation("Check the request: identifiers, purpose and date.", fieldErrorsOf(parsed.error.issues));
  const defaults = parseDefaults(input);
  const id = randomUUID();
  const storagePath = `${input.organizationId}/${id}.csv`;
  const filePath = path.join(coverageStorageDir(), storagePath);
  const file = `identifier\r\n${parsed.data.identifiers.map((identifier) => csvLine([identifier])).join("")}`;
  const stored = await storeUpload(Readable.from([Buffer.from(file, "utf8")]), filePath, COVERAGE_CHECK_LIMITS.maxFileBytes);
  try {
    return await createCheck(actor, { id, organizationId: input.organizationId, source: "API", fileName: "identifiers.csv", storagePath, fileSize: stored.size, ...defaults });
  } catch (error) {
    await unlink(filePath).catch(() => undefined);
    throw error;
  }
}

async function createCheck(
  actor: Actor | null,
  check: { id: string; organizationId: string; source: "FILE" | "API"; fileName: string; storagePath: string; fileSize: number; purpose: "TRAIN" | "FINE_TUNE" | "RAG"; date: string },
): Promise<StartedCoverageCheck> {
  await db.$transaction(async (tx) => {
    await tx.coverageCheck.create({
      data: {
        id: check.id,
        organizationId: check.organizationId,
        source: check.source,
        fileName: check.fileName,
        storagePath: check.storagePath,
        fileSize: BigInt(check.fileSize),
        purpose: check.purpose,
        onDate: new Date(`${check.date}T00:00:00Z`),
        createdById: actor?.type === "user" ? actor.userId : null,
        apiKeyId: actor?.type === "apiKey" ? actor.keyId : null,
      },
    });
    await enqueueJob(tx, COVERAGE_CHECK_JOB, { checkId: check.id }, { singletonKey: coverageCheckJobKey(check.id), maxAttempts: COVERAGE_CHECK_JOB_ATTEMPTS });
  });
  return { id: check.id, fileName: check.fileName, fileSize: check.fileSize, purpose: check.purpose, date: check.date };
}
