import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db";
import { claimJobs, completeJob, enqueueJob, failAbandonedJobs, retryDelaySeconds } from "@/server/jobs/queue";
import { enqueueDueSchedules } from "@/server/jobs/schedules";
import { defineJob, runDueJobs } from "@/server/jobs/worker";

// Each test uses its own job names, so parallel test files never claim each other's jobs.
const uniqueName = () => `test.${randomUUID()}`;

describe("the job queue", () => {
  it("runs a job once and records success", async () => {
    const name = uniqueName();
    const seen: unknown[] = [];
    const id = await enqueueJob(db, name, { n: 1 });
    const ran = await runDueJobs([defineJob({ name, payload: z.object({ n: z.number() }), handle: async (p) => void seen.push(p) })]);
    expect(ran).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await db.job.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });

  it("never hands one job to two workers claiming at once", async () => {
    const name = uniqueName();
    for (let i = 0; i < 20; i++) await enqueueJob(db, name, { i });
    const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => claimJobs(`w${w}`, [name], 5, 60)));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it("lets another worker take over a job whose lease expired, and the old worker cannot complete it", async () => {
    const name = uniqueName();
    const id = (await enqueueJob(db, name, {}))!;
    await claimJobs("crashed", [name], 1, 60);
    expect(await claimJobs("other", [name], 1, 60)).toHaveLength(0);
    await db.job.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const [again] = await claimJobs("other", [name], 1, 60);
    expect(again).toMatchObject({ id, attempts: 2 });
    expect(await completeJob(id, "crashed")).toBe(false);
    expect(await completeJob(id, "other")).toBe(true);
  });

  it("retries a failing job with backoff, then marks it FAILED with the error", async () => {
    const name = uniqueName();
    const id = (await enqueueJob(db, name, {}, { maxAttempts: 2 }))!;
    const failing = defineJob({ name, payload: z.object({}), handle: async () => { throw new Error("boom"); } });
    await runDueJobs([failing]);
    const first = await db.job.findUniqueOrThrow({ where: { id } });
    expect(first).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(first.lastError).toContain("boom");
    expect(first.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    await db.job.update({ where: { id }, data: { runAt: new Date() } });
    await runDueJobs([failing]);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 2 });
    expect([1, 2, 3, 10].map(retryDelaySeconds)).toEqual([10, 20, 40, 3600]);
  });

  it("fails a job with an invalid payload at once", async () => {
    const name = uniqueName();
    const id = (await enqueueJob(db, name, { wrong: true }))!;
    await runDueJobs([defineJob({ name, payload: z.object({ n: z.number() }), handle: async () => {} })]);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED" });
  });

  it("marks a job FAILED when its worker died during the last attempt", async () => {
    const name = uniqueName();
    const id = (await enqueueJob(db, name, {}, { maxAttempts: 1 }))!;
    await claimJobs("dies", [name], 1, 60);
    await db.job.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await failAbandonedJobs()).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED" });
  });

  it("keeps one queued-or-running job per singleton key", async () => {
    const name = uniqueName();
    const key = `single-${randomUUID()}`;
    const ids = await Promise.all(Array.from({ length: 10 }, () => enqueueJob(db, name, {}, { singletonKey: key })));
    expect(ids.filter(Boolean)).toHaveLength(1);
    await runDueJobs([defineJob({ name, payload: z.object({}), handle: async () => {} })]);
    // Once the first finished, the key is free again.
    expect(await enqueueJob(db, name, {}, { singletonKey: key })).not.toBeNull();
  });
});

describe("schedules", () => {
  it("enqueue a due slot exactly once when twenty instances tick together", async () => {
    const scheduleName = `schedule-${randomUUID()}`;
    const jobName = uniqueName();
    const schedule = { name: scheduleName, cron: "* * * * *", jobName };
    await enqueueDueSchedules([schedule]);
    await db.jobSchedule.update({ where: { name: scheduleName }, data: { nextRunAt: new Date(Date.now() - 60_000) } });
    const results = await Promise.all(Array.from({ length: 20 }, () => enqueueDueSchedules([schedule])));
    expect(results.flat()).toHaveLength(1);
    expect(await db.job.count({ where: { name: jobName } })).toBe(1);
    const row = await db.jobSchedule.findUniqueOrThrow({ where: { name: scheduleName } });
    expect(row.nextRunAt.getTime()).toBeGreaterThan(Date.now());
  });
});
