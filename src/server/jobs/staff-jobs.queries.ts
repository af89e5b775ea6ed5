import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { JOBS, schedules } from "./registry";
import { JOB_PAGE_SIZE, RECENT_JOB_DAYS, ZJobListQuery, type TJobListQuery } from "./staff-jobs.schema";
import { isUuid } from "@/lib/uuid";

// The job monitor's reads. The jobs table keeps every job ever run, so the monitor looks at the
// jobs that need attention (queued, running, failed: all of them) and at those that finished in
// the last days, found through the (status, runAt) index; a job's runAt is when it last became
// due, so "recent" is measured by it.

const ACTIVE: JobStatus[] = ["QUEUED", "RUNNING", "FAILED"];

function watched(now: Date): Prisma.JobWhereInput {
  return { OR: [{ status: { in: ACTIVE } }, { runAt: { gte: new Date(now.getTime() - RECENT_JOB_DAYS * 86_400_000) } }] };
}

/** Counts by status and by job name × status, over the watched jobs. */
export async function getJobMonitorCounts(actor: Actor | null, now = new Date()) {
  authorize(can.readStaffArea(actor));
  const where = watched(now);
  const [byStatus, byName, retried, expiredLeases] = await Promise.all([
    db.job.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.job.groupBy({ by: ["name", "status"], where, _count: { _all: true }, orderBy: { name: "asc" } }),
    db.job.count({ where: { AND: [where, { attempts: { gt: 1 } }] } }),
    db.job.count({ where: { status: "RUNNING", lockedUntil: { lt: now } } }),
  ]);
  const statusCounts = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<JobStatus, number>>;
  const names = new Map<string, Partial<Record<JobStatus, number>>>();
  for (const row of byName) (names.get(row.name) ?? names.set(row.name, {}).get(row.name)!)[row.status] = row._count._all;
  return {
    statusCounts,
    retried,
    expiredLeases,
    byName: [...names.entries()].map(([name, counts]) => ({ name, counts })),
    knownNames: JOBS.map((j) => j.name).sort(),
  };
}

export type MonitoredJob = {
  id: string; name: string; status: JobStatus; singletonKey: string | null; runAt: Date; attempts: number; maxAttempts: number;
  lockedBy: string | null; lockedUntil: Date | null; lastError: string | null; createdAt: Date; startedAt: Date | null; finishedAt: Date | null;
};

const LIST_SELECT = {
  id: true, name: true, status: true, singletonKey: true, runAt: true, attempts: true, maxAttempts: true,
  lockedBy: true, lockedUntil: true, lastError: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;

/** A page of watched jobs, newest first by keyset on (createdAt, id), filtered by status and name. */
export async function listMonitoredJobs(actor: Actor | null, rawQuery: TJobListQuery, now = new Date()) {
  authorize(can.readStaffArea(actor));
  const query = ZJobListQuery.parse(rawQuery);
  const and: Prisma.JobWhereInput[] = [watched(now)];
  if (query.status === "RETRIED") and.push({ attempts: { gt: 1 } });
  else if (query.status !== "active") and.push({ status: query.status });
  else and.push({ status: { in: ACTIVE } });
  if (query.name) and.push({ name: query.name });
  if (query.cursor) {
    const [ms, id] = query.cursor.split(".") as [string, string];
    const at = new Date(Number(ms));
    and.push({ createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: id } }] });
  }
  const found = await db.job.findMany({ where: { AND: and }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: JOB_PAGE_SIZE + 1, select: LIST_SELECT });
  const jobs: MonitoredJob[] = found.slice(0, JOB_PAGE_SIZE);
  const last = jobs.at(-1);
  return { query, jobs, nextCursor: found.length > JOB_PAGE_SIZE && last ? `${last.createdAt.getTime()}.${last.id}` : null };
}

/** One job with its payload and progress, its singleton twin if one is active, and staff actions on it. */
export async function getMonitoredJob(actor: Actor | null, jobId: string) {
  authorize(can.readStaffArea(actor));
  const job = isUuid(jobId) ? await db.job.findUnique({ where: { id: jobId } }) : null;
  if (!job) throw notFound("That job");
  const [twin, actions] = await Promise.all([
    job.singletonKey && job.status !== "QUEUED" && job.status !== "RUNNING"
      ? db.job.findFirst({ where: { singletonKey: job.singletonKey, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, status: true } })
      : null,
    db.auditLog.findMany({ where: { entityType: "Job", entityId: job.id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 50 }),
  ]);
  const staffIds = [...new Set(actions.map((a) => a.actorUserId).filter((id): id is string => id !== null))];
  const staff = staffIds.length ? await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(staff.map((u) => [u.id, u.name]));
  return {
    job,
    isRegistered: JOBS.some((j) => j.name === job.name),
    isLeaseExpired: job.status === "RUNNING" && job.lockedUntil !== null && job.lockedUntil < new Date(),
    twin,
    actions: actions.map((a) => ({ id: a.id.toString(), at: a.at, action: a.action, who: a.actorUserId ? (nameOf.get(a.actorUserId) ?? "A former staff member") : a.actorKind, after: a.after })),
  };
}

/** The recurring schedules: the rows the scheduler keeps, and those in code not yet written. */
export async function listJobSchedulesForStaff(actor: Actor | null) {
  authorize(can.readStaffArea(actor));
  const rows = await db.jobSchedule.findMany({ orderBy: { name: "asc" }, take: 200 });
  const inCode = new Map(schedules().map((s) => [s.name, s]));
  const listed = rows.map((r) => ({ ...r, jobName: inCode.get(r.name)?.jobName ?? null, isInCode: inCode.has(r.name), hasRow: true }));
  const pending = [...inCode.values()]
    .filter((s) => !rows.some((r) => r.name === s.name))
    .map((s) => ({ name: s.name, cron: s.cron, lastRunAt: null, nextRunAt: null, isEnabled: true, jobName: s.jobName, isInCode: true, hasRow: false }));
  return [...listed, ...pending];
}
