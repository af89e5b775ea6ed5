import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { nextCronTime } from "./cron";
import { ZScheduleSwitchInput, type TScheduleSwitchInput } from "./staff-jobs.schema";

/**
 * ADMIN switches a recurring schedule off or on, with a reason. Off: the scheduler skips it (jobs
 * already queued still run). On again: its next slot is the first one after now, so slots missed
 * while it was off are not made up in a burst; the daily jobs catch up on their own anyway
 * (run-distribution-schedule.ts, run-usage-reminders.ts).
 */
export async function setJobScheduleEnabled(actor: Actor | null, rawInput: TScheduleSwitchInput, now = new Date()): Promise<{ name: string; isEnabled: boolean }> {
  authorize(can.administer(actor), "Only staff administrators switch schedules.");
  requireUser(actor);
  const parsed = ZScheduleSwitchInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw validation("Please correct the highlighted fields.", fieldErrors);
  }
  const { name, enabled, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const schedule = await tx.jobSchedule.findUnique({ where: { name } });
    if (!schedule) throw notFound("That schedule");
    const moved = await tx.jobSchedule.updateMany({
      where: { name, isEnabled: !enabled },
      data: enabled ? { isEnabled: true, nextRunAt: nextCronTime(schedule.cron, now) } : { isEnabled: false },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", `The schedule ${name} is already ${enabled ? "enabled" : "disabled"}.`);
    await writeAudit(tx, actor, {
      action: enabled ? "job-schedule.enabled" : "job-schedule.disabled",
      entityType: "JobSchedule",
      entityId: name,
      before: { isEnabled: schedule.isEnabled, nextRunAt: schedule.nextRunAt },
      after: { isEnabled: enabled, reason, ...(enabled ? { nextRunAt: nextCronTime(schedule.cron, now) } : {}) },
    });
    return { name, isEnabled: enabled };
  });
}
