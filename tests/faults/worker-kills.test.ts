// The job worker killed (SIGKILL, no chance to clean up) at random points while it calculates
// distribution runs, pays them through Connect transfers on the Stripe test double, and mails the
// statements; then left to finish. FAULT_KILLS kills in all (10 in the normal run, 50 in
// `npm run test:faults`), spread over as many runs as the jobs' attempts allow: a calculation has
// 3 attempts, so 2 kills land in each run's calculation; the rest in its payouts (20 attempts).
// Each kill point is random: after the worker is up, it waits for the work to reach a random
// step of the calculation or a random number of further payouts, plus a random few milliseconds,
// so kills land inside statements, between Stripe's answer and the write, and so on (FAULT_SEED
// replays a sequence). After a kill, the dead worker's lease is made to run out at once (the
// queue would wait for it), and a new worker process starts.
// Asserted per run: its figures equal the same run calculated once without kills, the
// reconciliation's checks all pass, every payee holds exactly one transfer (per transfer group and
// per destination), the transfers sum to the run's payable total to the cent, one payout.paid
// audit row per payout, every statement notified once. In a database of this file's own (a worker
// takes every due job of its kinds).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnDatabase, type OwnDatabase } from "./support/own-database";
import { faultScale, recordFigures, sleep, waitFor } from "./support/figures";
import { startWorkerChild, type WorkerChild } from "./support/worker-child";
import { seededRandom } from "../../scripts/lib/seeded-random";

const JOBS = ["distribution.calculate", "distribution.pay", "statements.notify"];
const CALCULATION_KILLS_PER_RUN = 2;
const PAYOUT_KILLS_PER_RUN = 15;

let database: OwnDatabase;
let worker: WorkerChild | undefined;

beforeAll(async () => {
  database = await createOwnDatabase("kills");
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database?.drop();
});


describe("the job worker killed at random points", () => {
  it("pays every payee of every run exactly once, with the figures of a run calculated without kills", async () => {
    const { db } = await import("@/server/db");
    const { approveDistributionRun } = await import("@/server/distribution/approve-distribution-run");
    const { recalculateDistributionRun } = await import("@/server/distribution/recalculate-distribution-run");
    const { reconcileDistributionRun } = await import("@/server/distribution/reconciliation");
    const { stripeClient } = await import("@/server/stripe/client");
    const { createStaffActor } = await import("../factories/index");
    const { buildRunWorld, referenceThenRequeue, runFigures } = await import("./support/run-world");

    const kills = faultScale("KILLS", 10);
    const seed = faultScale("SEED", Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    const admin = await createStaffActor("ADMIN");
    const perRun = CALCULATION_KILLS_PER_RUN + PAYOUT_KILLS_PER_RUN;
    const runs = Math.ceil(kills / perRun);
    const tally = { kills: 0, duringCalculation: 0, calculationSteps: [] as string[], duringPayouts: 0, submittedUnpaidAtKill: 0, transferMadeUnrecordedAtKill: 0, idle: 0, workerStarts: 0 };

    const startWorker = async () => {
      worker = startWorkerChild({ databaseUrl: database.url, jobs: JOBS });
      tally.workerStarts++;
      await worker.ready;
      return worker;
    };
    const kill = async () => {
      await worker!.kill9();
      tally.kills++;
      // The lease of the dead worker runs out now rather than in 5-15 minutes.
      await db.$executeRaw`UPDATE jobs SET "lockedUntil" = now() - interval '1 second' WHERE status = 'RUNNING'`;
    };

    for (let r = 0; r < runs; r++) {
      const killsHere = Math.min(perRun, kills - r * perRun);
      const calculationKills = Math.min(CALCULATION_KILLS_PER_RUN, killsHere);
      const payoutKills = killsHere - calculationKills;
      const world = await buildRunWorld(Math.max(20, payoutKills * 3 + 10), { withStripeAccounts: true });
      const { reference } = await referenceThenRequeue(world, async (runId) => void (await recalculateDistributionRun(admin, { runId })));
      const runNow = () => db.distributionRun.findUniqueOrThrow({ where: { id: world.runId } });

      for (let k = 0; k < calculationKills; k++) {
        await startWorker();
        const step = between(0, 10);
        const reached = await waitFor("the calculation's step", async () => {
          const run = await runNow();
          return run.status !== "CALCULATING" && run.status !== "PENDING" ? "done" : run.status === "CALCULATING" && run.progressDone >= step ? run.progressLabel : undefined;
        }, 20_000, 3);
        await sleep(between(0, 15));
        const before = await runNow();
        await kill();
        if (reached !== "done" && before.status === "CALCULATING") {
          tally.duringCalculation++;
          tally.calculationSteps.push(before.progressLabel ?? "");
        } else tally.idle++;
      }
      await startWorker();
      await waitFor("the run to be calculated", async () => (await runNow()).status === "CALCULATED", 30_000, 20);
      expect(await runFigures(world.runId)).toEqual(reference);
      await approveDistributionRun(admin, { runId: world.runId });

      const paidCount = () => db.payout.count({ where: { runId: world.runId, status: "PAID" } });
      for (let k = 0; k < payoutKills; k++) {
        if (!worker?.isAlive()) await startWorker();
        const from = await paidCount();
        const further = between(0, 3);
        await waitFor("further payouts", async () => (await paidCount()) >= from + further || (await runNow()).status === "PAID", 20_000, 3);
        await sleep(between(0, 25));
        const isPaid = (await runNow()).status === "PAID";
        await kill();
        if (isPaid) {
          tally.idle++;
          continue;
        }
        tally.duringPayouts++;
        const inFlight = await db.payout.findMany({ where: { runId: world.runId, status: "SUBMITTED" }, select: { id: true } });
        tally.submittedUnpaidAtKill += inFlight.length;
        for (const payout of inFlight) {
          if ((await stripeClient().transfers.list({ transfer_group: payout.id, limit: 10 })).data.length > 0) tally.transferMadeUnrecordedAtKill++;
        }
      }
      if (!worker?.isAlive()) await startWorker();
      await waitFor("the run to be paid and its statements mailed", async () => {
        const run = await runNow();
        const unnotified = await db.statement.count({ where: { runId: world.runId, notifiedAt: null } });
        // …and its jobs marked done, which happens just after (the worker is stopped next).
        const open = await db.job.count({ where: { payload: { equals: { runId: world.runId } }, status: { in: ["QUEUED", "RUNNING"] } } });
        return run.status === "PAID" && unnotified === 0 && open === 0;
      }, 60_000, 50);
      await worker!.stop();

      // The run as it would have been without a single kill, and consistent in itself.
      expect(await runFigures(world.runId)).toEqual(reference);
      const failing = (await reconcileDistributionRun(admin, world.runId)).filter((check) => !check.passed);
      expect(failing).toEqual([]);
      const payouts = await db.payout.findMany({ where: { runId: world.runId } });
      expect(payouts.length).toBe(reference.payouts.length);
      let transferred = 0n;
      for (const payout of payouts) {
        const byGroup = (await stripeClient().transfers.list({ transfer_group: payout.id, limit: 10 })).data;
        const byDestination = (await stripeClient().transfers.list({ destination: payout.stripeAccountId!, limit: 10 })).data;
        expect([payout.status, byGroup.length, byDestination.length], `payout ${payout.id}`).toEqual(["PAID", 1, 1]);
        expect([byGroup[0]!.id, byGroup[0]!.amount]).toEqual([payout.stripeTransferId, Number(payout.amountCents)]);
        transferred += BigInt(byGroup[0]!.amount);
      }
      const run = await runNow();
      expect(transferred).toBe(run.paidCents);
      expect(await db.auditLog.count({ where: { action: "payout.paid", entityId: { in: payouts.map((p) => p.id) } } })).toBe(payouts.length);
      expect(await db.statement.count({ where: { runId: world.runId, notifiedAt: null } })).toBe(0);
      const jobs = await db.job.findMany({ where: { payload: { equals: { runId: world.runId } } }, select: { name: true, status: true, attempts: true } });
      expect(jobs.map((j) => [j.name, j.status]).sort()).toEqual([["distribution.calculate", "SUCCEEDED"], ["distribution.pay", "SUCCEEDED"], ["statements.notify", "SUCCEEDED"]]);
      recordFigures("worker-kills-run", { run: r + 1, payees: world.payeeIds.length, payouts: payouts.length, kills: killsHere, payableCents: run.paidCents, transferredCents: transferred, jobs: jobs.map((j) => `${j.name}:${j.attempts}`) });
    }
    expect(tally.kills).toBe(kills);
    recordFigures("worker-kills", { seed, runs, ...tally });
  }, 600_000);
});
