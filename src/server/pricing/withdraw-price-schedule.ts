import "server-only";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { ZScheduleId } from "./pricing.schema";

/**
 * ADMIN withdraws a schedule that is not in force yet (it starts after today) and that no grant
 * was quoted from. Schedules in force or past stay for ever: quotes, grants and revenue refer to them.
 */
export async function withdrawPriceSchedule(actor: Actor | null, rawInput: { scheduleId: string }, today = todayUtc()) {
  authorize(can.administer(actor), "Only staff administrators change prices.");
  const { scheduleId } = ZScheduleId.parse(rawInput);
  return db.$transaction(async (tx) => {
    const schedule = await tx.priceSchedule.findUnique({
      where: { id: scheduleId },
      include: { flatBands: true, industryRates: true, countryFactors: true, _count: { select: { grants: true } } },
    });
    if (!schedule) throw notFound("That price schedule");
    const effectiveFrom = schedule.effectiveFrom.toISOString().slice(0, 10);
    if (effectiveFrom <= today) throw new AppError("CONFLICT", "This schedule is already in force (or past); prices are never changed for days that have begun.");
    if (schedule._count.grants > 0) throw new AppError("CONFLICT", "Licenses were quoted from this schedule; it can't be withdrawn.");
    await tx.priceSchedule.delete({ where: { id: scheduleId } });
    const { _count, ...before } = schedule;
    await writeAudit(tx, actor, { action: "price-schedule.withdrawn", entityType: "PriceSchedule", entityId: scheduleId, before: { ...before, grants: _count.grants } });
    return { id: scheduleId, effectiveFrom };
  });
}
