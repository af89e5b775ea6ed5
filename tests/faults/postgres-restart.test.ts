// PostgreSQL restarted under running work: a distribution run's calculation (one transaction) and a
// works import (batches that commit one by one), each worked by the job worker in its own process.
// The server restarted is a private cluster started for this file (support/private-postgres.ts),
// never the machine's. To restart it at a known point rather than by luck, a lock is taken on a
// table the work reaches mid-way (the calculation's statement lines read work_identifiers; an
// import's next batch writes works): the work waits there, its transaction half done, and the
// server is stopped under it.
import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isbn13CheckDigit } from "@/lib/identifiers";
import { createOwnDatabase } from "./support/own-database";
import { recordFigures, waitFor } from "./support/figures";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { startWorkerChild, type WorkerChild } from "./support/worker-child";

let cluster: PrivatePostgres;
let databaseUrl: string;
let worker: WorkerChild;
let importDir: string;
/** The session holding the current lock (ended by the restart). */
let lock: pg.Client | undefined;

beforeAll(async () => {
  cluster = await startPrivatePostgres();
  databaseUrl = (await createOwnDatabase("restart", cluster.adminUrl)).url;
  const { setUpTempImportStorage } = await import("../factories/imports");
  importDir = setUpTempImportStorage();
  worker = startWorkerChild({ databaseUrl, jobs: ["distribution.calculate", "works.import"] });
  await worker.ready;
}, 60_000);

afterAll(async () => {
  await lock?.end().catch(() => undefined);
  await worker?.stop();
  const { db } = await import("@/server/db");
  await db.$disconnect().catch(() => undefined);
  const { pgPool } = await import("@/server/pg");
  await pgPool().end().catch(() => undefined);
  await cluster?.stop();
  if (importDir) fs.rmSync(importDir, { recursive: true, force: true });
});

/** A session holding an ACCESS EXCLUSIVE lock on `table` until the server goes down under it. */
async function holdLock(table: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // The restart ends this session: its error is expected, and must not end the test process.
  client.on("error", () => undefined);
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return client;
}

/** True once a session of the worker waits for the lock on `table`. */
async function isWaitingOn(table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = $1 AND NOT l.granted`, [table]);
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

describe("PostgreSQL restarted under running work", () => {
  it("a calculation cut off mid-way is retried once the server is back and ends CALCULATED once, with the same figures", async () => {
    const { db } = await import("@/server/db");
    const { recalculateDistributionRun } = await import("@/server/distribution/recalculate-distribution-run");
    const { createStaffActor } = await import("../factories/index");
    const { buildRunWorld, referenceThenRequeue, runFigures } = await import("./support/run-world");
    const world = await buildRunWorld(12, { withStripeAccounts: false });
    const admin = await createStaffActor("ADMIN");
    const { reference } = await referenceThenRequeue(world, async (runId) => {
      // The lock goes on before the calculation is queued, so the worker cannot finish first.
      lock = await holdLock("work_identifiers");
      await recalculateDistributionRun(admin, { runId });
    });

    await waitFor("the calculation to wait at its statement lines", () => isWaitingOn("work_identifiers"), 20_000);
    const cutAt = await db.distributionRun.findUniqueOrThrow({ where: { id: world.runId }, select: { status: true, progressLabel: true } });
    expect(cutAt).toEqual({ status: "CALCULATING", progressLabel: "Writing statement lines" });
    const { downMs } = await cluster.restart("immediate", 1_500);
    const backAt = Date.now();

    const done = await waitFor("the run to be calculated again", async () => {
      const run = await db.distributionRun.findUnique({ where: { id: world.runId }, select: { status: true } });
      return run?.status === "CALCULATED" ? run : undefined;
    }, 45_000, 200);
    const resumedMs = Date.now() - backAt;
    expect(done.status).toBe("CALCULATED");
    expect(await runFigures(world.runId)).toEqual(reference);
    const jobs = await waitFor("the calculation job to be done", async () => {
      const rows = await db.job.findMany({ where: { name: "distribution.calculate", payload: { equals: { runId: world.runId } } }, select: { status: true, attempts: true, lastError: true } });
      return rows.some((row) => row.status === "RUNNING") ? undefined : rows;
    }, 10_000);
    // The reference calculation was direct; the requeued job failed once with the restart, then succeeded.
    expect(jobs).toEqual([{ status: "SUCCEEDED", attempts: 2, lastError: null }]);
    expect(await db.auditLog.count({ where: { entityId: world.runId, action: "distribution.run_recalculation_requested" } })).toBe(1);
    expect(worker.isAlive()).toBe(true);
    recordFigures("postgres-restart-calculation", { mode: "immediate", downMs, cutAtStep: cutAt.progressLabel, resumedAfterMs: resumedMs, attempts: 2, payees: world.payeeIds.length, figuresEqualReference: true });
  }, 90_000);

  it("an import cut off between batches resumes from its last committed batch: every valid row once, every invalid one reported once", async () => {
    const { db } = await import("@/server/db");
    const { createOrganizationWithPeople } = await import("../factories/index");
    const { CSV_HEADER, csvLine, uploadWorksFile } = await import("../factories/imports");
    const { owner, organization } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const ROWS = 20_000;
    const lines = [CSV_HEADER];
    let invalid = 0;
    // Consecutive ISBNs from a random start: 20,000 drawn at random from 10⁹ would collide one run in five.
    const base = randomInt(0, 1_000_000_000 - ROWS);
    const isbn = (i: number) => {
      const first12 = `979${String(base + i).padStart(9, "0")}`;
      return first12 + isbn13CheckDigit(first12);
    };
    for (let i = 0; i < ROWS; i++) {
      // One row in a hundred has no title: rejected with a reason, never a work.
      if (i % 100 === 57) {
        invalid++;
        lines.push(csvLine({ isbn: isbn(i), title: "" }));
      } else lines.push(csvLine({ isbn: isbn(i), title: `Restart import ${i}` }));
    }
    const started = await uploadWorksFile(owner.actor, organization.id, "restart.csv", lines.join("\n") + "\n");
    const importId = started.id;

    await waitFor("the first batches to commit", async () => {
      const row = await db.worksImport.findUnique({ where: { id: importId }, select: { processedRows: true } });
      return (row?.processedRows ?? 0) >= 2_000;
    }, 30_000, 5);
    lock = await holdLock("works");
    const cutAt = (await db.worksImport.findUniqueOrThrow({ where: { id: importId }, select: { processedRows: true, status: true } }));
    expect(cutAt.status).toBe("PROCESSING");
    expect(cutAt.processedRows).toBeLessThan(ROWS);
    await waitFor("the next batch to wait for the works table", () => isWaitingOn("works"), 20_000);
    const { downMs } = await cluster.restart("fast", 1_500);
    const backAt = Date.now();

    const finished = await waitFor("the import to finish", async () => {
      const row = await db.worksImport.findUnique({ where: { id: importId } });
      return row && row.status !== "PROCESSING" && row.status !== "QUEUED" ? row : undefined;
    }, 45_000, 200);
    const resumedMs = Date.now() - backAt;
    expect([finished.status, finished.processedRows, finished.createdCount, finished.rejectedCount, finished.updatedCount]).toEqual(["COMPLETED", ROWS, ROWS - invalid, invalid, 0]);
    expect(await db.work.count({ where: { rightsholderId: organization.id } })).toBe(ROWS - invalid);
    expect(await db.workIdentifier.count({ where: { work: { rightsholderId: organization.id } } })).toBe(ROWS - invalid);
    expect(await db.importError.count({ where: { importId } })).toBe(invalid);
    // The job is marked done just after the import row: wait for it.
    const job = await waitFor("the import job to be done", async () => {
      const row = await db.job.findFirst({ where: { singletonKey: `works.import:${importId}` }, select: { status: true, attempts: true } });
      return row?.status === "RUNNING" ? undefined : row ?? undefined;
    }, 10_000);
    expect(job).toEqual({ status: "SUCCEEDED", attempts: 2 });
    // Told once: one notification, one mail, one audit row for the end.
    expect(await db.notification.count({ where: { userId: owner.user.id, href: `/rightsholder/imports/${importId}` } })).toBe(1);
    expect(await db.mailMessage.count({ where: { to: owner.user.email } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: importId, action: "works-import.completed" } })).toBe(1);
    // The stored upload is removed once the import has finished.
    expect(fs.existsSync(path.join(importDir, finished.storagePath))).toBe(false);
    expect(worker.isAlive()).toBe(true);
    recordFigures("postgres-restart-import", { mode: "fast", downMs, rows: ROWS, invalid, cutAtProcessedRows: cutAt.processedRows, resumedAfterMs: resumedMs, created: finished.createdCount, attempts: job.attempts });
  }, 90_000);
});
