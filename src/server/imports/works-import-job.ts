import "server-only";
import { leaseKeeper } from "../jobs/lease-keeper";
import { defineJob } from "../jobs/worker";
import { finishWorksImport } from "./finish-works-import";
import { IMPORT_JOB, IMPORT_JOB_ATTEMPTS, ZWorksImportJob } from "./imports.schema";
import { runWorksImport } from "./run-works-import";

const LEASE_SECONDS = 120;

/**
 * The job behind each upload (enqueued with the import, singleton per import). It renews its
 * lease while it works, so no other worker takes a long import over; a retry resumes where the
 * last committed batch ended. After the last attempt fails, the import is marked FAILED rather
 * than left "processing" for ever.
 */
export const worksImportJob = defineJob({
  name: IMPORT_JOB,
  payload: ZWorksImportJob,
  leaseSeconds: LEASE_SECONDS,
  handle: async ({ importId }, job) => {
    try {
      await runWorksImport(importId, { keepAlive: leaseKeeper(job, LEASE_SECONDS) });
    } catch (error) {
      if (job.attempts >= IMPORT_JOB_ATTEMPTS) {
        await finishWorksImport(importId, {
          failure: { line: null, message: "The import stopped because of an error on our side, after several attempts. Upload the file again; if it happens again, contact support." },
        }).catch(() => undefined);
      }
      throw error;
    }
  },
});
