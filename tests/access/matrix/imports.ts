// Works imports: members of a rightsholder upload files and follow their imports; staff read them.
// The route handlers take the organisation from the session's membership (tests/integration/
// works-import-routes.test.ts); here every use case is aimed at the world's rightsholder.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { getWorksImport, importErrorsCsv, listImportErrors, listWorksImports } from "@/server/imports/imports.queries";
import { startWorksImport } from "@/server/imports/start-works-import";
import { bytesOf, CSV_HEADER, csvLine, setUpTempImportStorage } from "../../factories/imports";
import { uniqueIsbn } from "../../factories/works";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

setUpTempImportStorage();

const MEMBERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember"];
const READERS: ActorKey[] = [...MEMBERS, ...STAFF];

/** A finished import of the world's rightsholder, made directly (the job is tested elsewhere). */
async function existingImport(w: World): Promise<string> {
  const created = await db.worksImport.create({
    data: {
      organizationId: w.rightsholder.organization.id,
      format: "CSV",
      fileName: "matrix.csv",
      fileSha256: randomUUID().replace(/-/g, ""),
      storagePath: `${w.rightsholder.organization.id}/${randomUUID()}.csv`,
      status: "COMPLETED",
      errors: { create: [{ lineNumber: 2, reason: "title: Enter the title.", rawLine: "9780306406157," }] },
    },
  });
  return created.id;
}

export const IMPORTS_MATRIX: Record<string, MatrixEntry> = {
  startWorksImport: {
    allowed: MEMBERS,
    run: (actor, w) => {
      const csv = `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "Matrix import" })}\n`;
      return startWorksImport(actor, { organizationId: w.rightsholder.organization.id, fileName: "matrix.csv", body: bytesOf(csv), declaredSize: Buffer.byteLength(csv) });
    },
  },
  listWorksImports: { allowed: READERS, run: (actor, w) => listWorksImports(actor, w.rightsholder.organization.id) },
  getWorksImport: {
    allowed: READERS,
    run: async (actor, w) => getWorksImport(actor, { organizationId: w.rightsholder.organization.id, importId: await existingImport(w) }),
  },
  listImportErrors: {
    allowed: READERS,
    run: async (actor, w) => listImportErrors(actor, { organizationId: w.rightsholder.organization.id, importId: await existingImport(w) }),
  },
  importErrorsCsv: {
    allowed: READERS,
    run: async (actor, w) => importErrorsCsv(actor, { organizationId: w.rightsholder.organization.id, importId: await existingImport(w) }),
  },
};

export const IMPORTS_PUBLIC: Record<string, string> = {};

export const IMPORTS_INTERNAL = [
  // the job and its parts: run by the worker for an import a member created
  "runWorksImport",
  "finishWorksImport",
  "extendJobLease",
  "leaseKeeper",
  "importFinishedMail",
  // reading files: pure functions over bytes
  "readCsvRecords",
  "readCsvHeader",
  "csvRecordToRow",
  "readCsvRows",
  "productToRow",
  "newProduct",
  "readOnixRows",
  // the upload's plumbing, called by startWorksImport
  "storeUpload",
  "removeAbandonedUploads",
  "detectFormat",
  "checkCsvHeader",
  "formatBytes",
  // route-handler frames: they take the session's actor and call the use cases above
  "importsErrorResponse",
  "uploadWorksImportResponse",
  "worksImportProgressResponse",
  "importErrorsCsvResponse",
];
