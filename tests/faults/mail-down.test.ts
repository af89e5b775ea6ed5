// The mail server down, then back: mail written while it is unreachable (its port closed) stays
// QUEUED through more scheduled passes than a message has attempts, with the reason visible, and
// is sent exactly once by the scheduled delivery when the server answers again. Delivery goes over
// real SMTP to a local sink (support/smtp-sink.ts). In a database of this file's own: the passes
// deliver every queued mail of the database, and the schedule row is the database's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnDatabase, type OwnDatabase } from "./support/own-database";
import { faultScale, recordFigures } from "./support/figures";
import { closedPort, startSmtpSink, type SmtpSink } from "./support/smtp-sink";

let database: OwnDatabase;
let port: number;
let sink: SmtpSink | undefined;

beforeAll(async () => {
  database = await createOwnDatabase("mail");
  port = await closedPort();
  // Read once by env() and by the outbox and the schedules: set before any of them is loaded.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  // env() (which delivery reads SMTP_URL through) wants the portal's whole environment.
  process.env.NEXTAUTH_SECRET ??= "fault-tests-secret-0123456789";
}, 60_000);

afterAll(async () => {
  await sink?.close();
  delete process.env.SMTP_URL;
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database?.drop();
});

describe("the mail server down, then back", () => {
  it("keeps every mail queued while the server is unreachable, then the scheduled delivery sends each once", async () => {
    const { db } = await import("@/server/db");
    const { enqueueMail } = await import("@/server/mail/outbox");
    const { enqueueDueSchedules } = await import("@/server/jobs/schedules");
    const { JOBS, schedules } = await import("@/server/jobs/registry");
    const { runDueJobs } = await import("@/server/jobs/worker");
    const mailJob = JOBS.filter((job) => job.name === "mail.deliver");
    const mailSchedule = schedules().filter((s) => s.jobName === "mail.deliver");
    expect(mailSchedule).toHaveLength(1);

    const count = faultScale("MAILS", 60);
    const recipients = Array.from({ length: count }, (_, i) => `down-${i}@mail-fault.test`);
    for (const [i, to] of recipients.entries()) {
      await enqueueMail(db, { to, subject: `Queued while down ${i}`, text: `Message ${i}`, template: "fault-test" });
    }
    expect(await db.mailMessage.count({ where: { status: "QUEUED" } })).toBe(count);

    // The schedule's minutes, one pass each: more passes than a message has attempts (8).
    let minute = Date.now();
    const scheduledPass = async () => {
      minute += 60_000;
      await enqueueDueSchedules(mailSchedule, new Date(minute));
      return runDueJobs(mailJob);
    };
    await enqueueDueSchedules(mailSchedule, new Date(minute)); // creates the schedule row
    const PASSES_DOWN = 10;
    let jobsRun = 0;
    for (let pass = 0; pass < PASSES_DOWN; pass++) jobsRun += await scheduledPass();
    expect(jobsRun).toBe(PASSES_DOWN);

    const whileDown = await db.mailMessage.groupBy({ by: ["status", "attempts"], _count: { _all: true } });
    expect(whileDown).toEqual([{ status: "QUEUED", attempts: 0, _count: { _all: count } }]);
    const sample = await db.mailMessage.findFirstOrThrow({ where: { to: recipients[0] } });
    expect(sample.lastError).toMatch(/^Not sent yet: the mail server could not be reached \(.*ECONNREFUSED.*\)/);
    expect(await db.job.count({ where: { name: "mail.deliver", status: "SUCCEEDED" } })).toBe(PASSES_DOWN);

    sink = await startSmtpSink(port);
    const upAt = Date.now();
    // 50 a pass (deliverPendingMail's limit): passes until the queue is empty, then two more that find nothing.
    const passesUp: number[] = [];
    for (let pass = 0; pass < Math.ceil(count / 50) + 2; pass++) {
      const before = sink.received.length;
      await scheduledPass();
      passesUp.push(sink.received.length - before);
    }
    const drainedMs = Date.now() - upAt;

    expect(await db.mailMessage.groupBy({ by: ["status", "attempts"], _count: { _all: true } })).toEqual([{ status: "SENT", attempts: 1, _count: { _all: count } }]);
    expect(await db.mailMessage.count({ where: { lastError: { not: null } } })).toBe(0);
    const deliveredTo = sink.received.flatMap((m) => m.to).sort();
    expect(deliveredTo).toEqual([...recipients].sort());
    expect(new Set(sink.received.map((m) => m.subject)).size).toBe(count);
    expect(passesUp.slice(-2)).toEqual([0, 0]);
    recordFigures("mail-down", { mails: count, passesWhileDown: PASSES_DOWN, queuedAfterOutage: count, failedAfterOutage: 0, delivered: sink.received.length, duplicates: sink.received.length - new Set(deliveredTo).size, passesToDrain: passesUp.filter((n) => n > 0).length, drainedMs });
  }, 60_000);
});
