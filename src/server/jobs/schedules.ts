import "server-only";
import { db } from "../db";
import { nextCronTime } from "./cron";
import { enqueueJob } from "./queue";

export type Schedule = { name: string; cron: string; jobName: string; payload?: unknown };

/**
 * Enqueues the scheduled jobs that are due. Several app instances may call this at the same
 * moment: the conditional update of nextRunAt lets exactly one of them take each slot, and the
 * slot's singleton key guards the enqueue as well.
 */
export async function enqueueDueSchedules(schedules: Schedule[], now = new Date()): Promise<string[]> {
  const enqueued: string[] = [];
  for (const schedule of schedules) {
    await db.jobSchedule.upsert({
      where: { name: schedule.name },
      create: { name: schedule.name, cron: schedule.cron, nextRunAt: nextCronTime(schedule.cron, now) },
      update: {},
    });
    const row = await db.jobSchedule.findUniqueOrThrow({ where: { name: schedule.name } });
    if (!row.isEnabled || row.nextRunAt > now) continue;
    const slot = row.nextRunAt;
    await db.$transaction(async (tx) => {
      const taken = await tx.jobSchedule.updateMany({
        where: { name: schedule.name, nextRunAt: slot },
        data: { lastRunAt: now, nextRunAt: nextCronTime(schedule.cron, now), cron: schedule.cron },
      });
      if (taken.count === 0) return;
      const id = await enqueueJob(tx, schedule.jobName, schedule.payload ?? {}, { singletonKey: `${schedule.name}@${slot.toISOString()}` });
      if (id) enqueued.push(id);
    });
  }
  return enqueued;
}
