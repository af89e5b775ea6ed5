// The job monitor: counts and lists, ADMIN's retry of a failed job (attempts kept, three more
// given, refused when its singleton key has a queued or running twin), cancelling a queued job,
// switching schedules; and the outbox's resend of a failed mail. Jobs here are of a name no test
// worker runs (mail.deliver, with singleton keys of their own) or of names of their own.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { enqueueDueSchedules } from "@/server/jobs/schedules";
import { cancelQueuedJob } from "@/server/jobs/staff-cancel-job";
import { getJobMonitorCounts, getMonitoredJob, listJobSchedulesForStaff, listMonitoredJobs } from "@/server/jobs/staff-jobs.queries";
import { retryFailedJob } from "@/server/jobs/staff-retry-job";
import { setJobScheduleEnabled } from "@/server/jobs/staff-set-schedule-enabled";
import { resendFailedMail } from "@/server/mail/resend-failed-mail";
import { createStaffActor } from "../factories";

let admin: UserActor;
let analyst: UserActor;
beforeAll(async () => {
  admin = await createStaffActor("ADMIN");
  analyst = await createStaffActor("ANALYST");
});
// This file's jobs: names and singleton keys under one prefix, removed at the end so no other
// file's counts of failed jobs see them for longer than needed.
const RUN = `test-ops-${randomUUID().slice(0, 8)}`;
afterAll(async () => {
  await db.job.deleteMany({ where: { OR: [{ name: { startsWith: `${RUN}.` } }, { singletonKey: { startsWith: `${RUN}:` } }] } });
});

async function refusal(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const failedJob = (data: { name?: string; singletonKey?: string; attempts?: number } = {}) =>
  db.job.create({ data: { name: data.name ?? "mail.deliver", status: "FAILED", attempts: data.attempts ?? 5, maxAttempts: 5, lastError: "Error: SMTP refused\n    at send", singletonKey: data.singletonKey ?? `${RUN}:${randomUUID()}`, finishedAt: new Date(), runAt: new Date(Date.now() - 3_600_000) } });

describe("retrying a failed job", () => {
  it("queues it again, due now, keeping its attempts and giving three more, with an audit row", async () => {
    const job = await failedJob();
    const started = Date.now();
    expect(await retryFailedJob(admin, { jobId: job.id, reason: "SMTP credentials fixed" })).toEqual({ jobId: job.id, maxAttempts: 8 });
    const after = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after).toMatchObject({ status: "QUEUED", attempts: 5, maxAttempts: 8, lockedBy: null, finishedAt: null, lastError: job.lastError });
    expect(after.runAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Job", entityId: job.id } });
    expect([audit.action, audit.actorUserId, audit.after]).toEqual(["job.retried", admin.userId, { status: "QUEUED", maxAttempts: 8, reason: "SMTP credentials fixed" }]);
    expect(audit.before).toMatchObject({ status: "FAILED", attempts: 5, maxAttempts: 5 });
    expect((await listMonitoredJobs(analyst, { status: "RETRIED", name: "mail.deliver" })).jobs.map((j) => j.id)).toContain(job.id);
    // Only a failed job: the second retry finds it queued.
    expect(await refusal(retryFailedJob(admin, { jobId: job.id, reason: "Once more" }))).toEqual({ code: "CONFLICT", message: "Only a failed job is retried; this one is queued." });
    await db.job.update({ where: { id: job.id }, data: { status: "CANCELLED" } });
  });

  it("is refused when the job's singleton key already has a queued or running twin", async () => {
    const key = `${RUN}:${randomUUID()}`;
    const job = await failedJob({ singletonKey: key });
    const twin = await db.job.create({ data: { name: "mail.deliver", singletonKey: key, status: "RUNNING", attempts: 1, lockedBy: "w1", lockedUntil: new Date(Date.now() + 60_000) } });
    const refused = await refusal(retryFailedJob(admin, { jobId: job.id, reason: "Try again please" }));
    expect(refused).toEqual({ code: "CONFLICT", message: `Another “mail.deliver” job with the same key (${key}) is already running (job ${twin.id}): it does what this retry would, so this one stays failed.` });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("FAILED");
    expect((await getMonitoredJob(analyst, job.id)).twin).toEqual({ id: twin.id, status: "RUNNING" });
    // Once the twin is done, the retry goes through.
    await db.job.update({ where: { id: twin.id }, data: { status: "SUCCEEDED", lockedBy: null } });
    await retryFailedJob(admin, { jobId: job.id, reason: "Try again please" });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("QUEUED");
    await db.job.update({ where: { id: job.id }, data: { status: "CANCELLED" } });
  });

  it("is refused for a job no worker runs any more, and for ANALYST", async () => {
    const orphan = await failedJob({ name: `${RUN}.gone.${randomUUID()}` });
    expect((await refusal(retryFailedJob(admin, { jobId: orphan.id, reason: "Bring it back" }))).message).toMatch(/^No worker runs “test-ops-.*\.gone\..*” jobs any more/);
    const job = await failedJob();
    expect((await refusal(retryFailedJob(analyst, { jobId: job.id, reason: "Analysts read only" }))).code).toBe("FORBIDDEN");
    expect((await refusal(retryFailedJob(admin, { jobId: job.id, reason: "no" }))).code).toBe("VALIDATION");
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("FAILED");
  });
});

describe("cancelling a queued job", () => {
  it("cancels only a queued job, with the reason in its audit row", async () => {
    const name = `${RUN}.cancel.${randomUUID()}`;
    const queued = await db.job.create({ data: { name, runAt: new Date(Date.now() + 3_600_000) } });
    const running = await db.job.create({ data: { name, status: "RUNNING", attempts: 1, lockedBy: "w1", lockedUntil: new Date(Date.now() + 60_000) } });
    expect((await refusal(cancelQueuedJob(analyst, { jobId: queued.id, reason: "Analysts read only" }))).code).toBe("FORBIDDEN");
    await cancelQueuedJob(admin, { jobId: queued.id, reason: "Duplicate of a manual import" });
    expect(await db.job.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await refusal(cancelQueuedJob(admin, { jobId: running.id, reason: "Stop it now" }))).toEqual({ code: "CONFLICT", message: "Only a queued job is cancelled; this one is running." });
    const detail = await getMonitoredJob(admin, queued.id);
    expect(detail.actions.map((a) => [a.action, a.who, a.after])).toEqual([["job.cancelled", admin.name, { status: "CANCELLED", reason: "Duplicate of a manual import" }]]);
  });
});

describe("the monitor's counts and list", () => {
  it("counts by status and by name, and pages the list by keyset", async () => {
    const name = `${RUN}.monitor.${randomUUID()}`;
    const created = Date.now();
    await db.job.createMany({ data: Array.from({ length: 53 }, (_, i) => ({ name, status: "FAILED" as const, attempts: i % 2 === 0 ? 1 : 3, createdAt: new Date(created - i * 1000) })) });
    await db.job.create({ data: { name, status: "SUCCEEDED", attempts: 1, finishedAt: new Date() } });
    await db.job.create({ data: { name, status: "SUCCEEDED", attempts: 1, runAt: new Date(Date.now() - 30 * 86_400_000), finishedAt: new Date(Date.now() - 30 * 86_400_000) } });
    const counts = await getJobMonitorCounts(analyst);
    expect(counts.byName.find((n) => n.name === name)?.counts).toEqual({ FAILED: 53, SUCCEEDED: 1 });
    expect(counts.knownNames).toContain("distribution.calculate");

    const first = await listMonitoredJobs(analyst, { status: "FAILED", name });
    expect(first.jobs).toHaveLength(50);
    const second = await listMonitoredJobs(analyst, { status: "FAILED", name, cursor: first.nextCursor! });
    expect(second.jobs).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.jobs, ...second.jobs].map((j) => j.id)).size).toBe(53);
    expect(first.jobs[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(second.jobs[0]!.createdAt.getTime());
    expect((await listMonitoredJobs(analyst, { status: "RETRIED", name })).jobs).toHaveLength(26);
    expect((await listMonitoredJobs(analyst, { status: "SUCCEEDED", name })).jobs).toHaveLength(1);
    expect((await listMonitoredJobs(analyst, { status: "bogus", name })).query.status).toBe("active");
  });
});

describe("schedules", () => {
  it("lets ADMIN disable and enable a schedule with a reason; disabled, it enqueues nothing; enabled, its next slot is after now", async () => {
    const name = `test.schedule.${randomUUID()}`;
    await db.jobSchedule.create({ data: { name, cron: "0 3 * * *", nextRunAt: new Date(Date.now() - 60_000) } });
    expect((await refusal(setJobScheduleEnabled(analyst, { name, enabled: false, reason: "Analysts read only" }))).code).toBe("FORBIDDEN");
    await setJobScheduleEnabled(admin, { name, enabled: false, reason: "Paused during the migration" });
    expect(await enqueueDueSchedules([{ name, cron: "0 3 * * *", jobName: name }])).toEqual([]);
    expect(await refusal(setJobScheduleEnabled(admin, { name, enabled: false, reason: "Paused again" }))).toEqual({ code: "CONFLICT", message: `The schedule ${name} is already disabled.` });

    const now = new Date("2026-06-10T12:00:00Z");
    await setJobScheduleEnabled(admin, { name, enabled: "true", reason: "Migration done" }, now);
    expect(await db.jobSchedule.findUniqueOrThrow({ where: { name } })).toMatchObject({ isEnabled: true, nextRunAt: new Date("2026-06-11T03:00:00Z") });
    const audit = await db.auditLog.findMany({ where: { entityType: "JobSchedule", entityId: name }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, (a.after as { reason: string }).reason])).toEqual([["job-schedule.disabled", "Paused during the migration"], ["job-schedule.enabled", "Migration done"]]);
    const listed = (await listJobSchedulesForStaff(analyst)).find((s) => s.name === name);
    expect(listed).toMatchObject({ isEnabled: true, isInCode: false, hasRow: true });
    expect((await listJobSchedulesForStaff(analyst)).find((s) => s.name === "distribution.schedule")).toMatchObject({ isInCode: true });
    await db.jobSchedule.delete({ where: { name } });
  });
});

describe("resending a failed mail", () => {
  it("queues a FAILED mail again when SMTP is configured, and only then", async () => {
    const mail = await db.mailMessage.create({ data: { to: `resend-${randomUUID()}@example.test`, subject: "Hello", text: "Hi", template: "test", status: "FAILED", attempts: 8, lastError: "550 mailbox full" } });
    expect((await refusal(resendFailedMail(admin, { mailId: mail.id }))).message).toBe("No SMTP server is configured, so mail is captured here rather than sent: configure SMTP_URL first.");
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      expect((await refusal(resendFailedMail(analyst, { mailId: mail.id }))).code).toBe("FORBIDDEN");
      await resendFailedMail(admin, { mailId: mail.id });
      expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "QUEUED", attempts: 8 });
      expect(await refusal(resendFailedMail(admin, { mailId: mail.id }))).toEqual({ code: "CONFLICT", message: "Only a failed mail is sent again; this one is queued." });
      expect((await db.auditLog.findFirstOrThrow({ where: { entityType: "MailMessage", entityId: mail.id } })).action).toBe("mail.resent");
    } finally {
      delete process.env.SMTP_URL;
      await db.mailMessage.update({ where: { id: mail.id }, data: { status: "FAILED" } });
    }
  });
});
