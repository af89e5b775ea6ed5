// Coverage in bulk: a licensee's members (and its coverage:read keys, tests/integration/
// coverage-bulk-api.test.ts) start checks; they and staff read them. Staff only read, so they
// start none. The single question (checkCoverage) is in licensing.ts.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { coverageResultResponse } from "@/server/coverage/coverage-checks-http";
import { coverageCheckResult, getCoverageCheck, listCoverageChecks } from "@/server/coverage/coverage-checks.queries";
import { coverageStorageDir } from "@/server/coverage/coverage-checks.schema";
import { startCoverageCheck, startCoverageCheckFromList } from "@/server/coverage/start-coverage-check";
import { db } from "@/server/db";
import { bytesOf, setUpTempImportStorage } from "../../factories/imports";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

setUpTempImportStorage();

const MEMBERS: ActorKey[] = ["licenseeOwner", "licenseeMember"];
const READERS: ActorKey[] = [...MEMBERS, ...STAFF];

/** A completed check of the world's licensee, with its result file in storage. */
async function existingCheck(w: World): Promise<string> {
  const organizationId = w.licensee.organization.id;
  const id = randomUUID();
  const resultPath = `${organizationId}/${id}.result.csv`;
  await mkdir(path.join(coverageStorageDir(), organizationId), { recursive: true });
  await writeFile(path.join(coverageStorageDir(), resultPath), "line,identifier\r\n1,9780306406157\r\n");
  await db.coverageCheck.create({
    data: {
      id, organizationId, source: "FILE", fileName: "matrix.csv", storagePath: `${organizationId}/${id}.csv`, fileSize: 14n, purpose: "TRAIN",
      onDate: new Date("2026-06-01T00:00:00Z"), status: "COMPLETED", percent: 100, lineCount: 1, resultPath,
    },
  });
  return id;
}

export const COVERAGE_MATRIX: Record<string, MatrixEntry> = {
  startCoverageCheck: {
    allowed: MEMBERS,
    run: (actor, w) => startCoverageCheck(actor, { organizationId: w.licensee.organization.id, fileName: "ids.csv", body: bytesOf("9780306406157\n"), declaredSize: 14, purpose: "TRAIN" }),
  },
  startCoverageCheckFromList: {
    allowed: MEMBERS,
    run: (actor, w) => startCoverageCheckFromList(actor, { organizationId: w.licensee.organization.id, identifiers: ["9780306406157"], purpose: "RAG" }),
  },
  listCoverageChecks: { allowed: READERS, run: (actor, w) => listCoverageChecks(actor, { organizationId: w.licensee.organization.id }) },
  getCoverageCheck: { allowed: READERS, run: async (actor, w) => getCoverageCheck(actor, { organizationId: w.licensee.organization.id, checkId: await existingCheck(w) }) },
  coverageCheckResult: { allowed: READERS, run: async (actor, w) => coverageCheckResult(actor, { organizationId: w.licensee.organization.id, checkId: await existingCheck(w) }) },
  coverageResultResponse: { allowed: READERS, run: async (actor, w) => coverageResultResponse(actor, { organizationId: w.licensee.organization.id, checkId: await existingCheck(w) }) },
};

export const COVERAGE_PUBLIC: Record<string, string> = {};

export const COVERAGE_INTERNAL = [
  // the job and its parts: run by the worker for a check a member created
  "runCoverageCheck", "readCoverageLines", "licenseTermsOf", "coverageCheckJobKey", "coverageStorageDir",
  // request plumbing of the routes, which then call the use cases above
  "coverageCheckJson", "uploadBody", "headerFileName", "uploadCoverageCheckResponse", "coverageCheckProgressResponse", "coverageCheckDownloadResponse",
  // COPY text helpers on the bulk pool
  "copyField", "parseCopyRow", "copyRowsIn", "copyRowsOut",
];
