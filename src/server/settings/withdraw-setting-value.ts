import "server-only";
import { formatDay } from "@/lib/dates";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import type { SettingKey } from "./defaults";
import { SETTING_KEYS, ZWithdrawSettingValueInput, fieldErrorsOf, formatSettingValue, type TWithdrawSettingValueInput } from "./settings.schema";

/**
 * ADMIN withdraws a value that is still scheduled: one whose first day is after today, so nothing
 * has been read with it yet (a value in force today may already have decided a run or a quote).
 * The row goes; the audit row keeps what it said, who scheduled it and why it was withdrawn.
 */
export async function withdrawSettingValue(actor: Actor | null, rawInput: TWithdrawSettingValueInput, today = todayUtc()): Promise<{ key: string; effectiveFrom: string }> {
  authorize(can.administer(actor), "Only staff administrators change settings.");
  requireUser(actor);
  const parsed = ZWithdrawSettingValueInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const { settingId, reason } = parsed.data;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { id: settingId } });
    if (!row || !(SETTING_KEYS as string[]).includes(row.key)) throw notFound("That scheduled value");
    const effectiveFrom = row.effectiveFrom.toISOString().slice(0, 10);
    const removed = await tx.setting.deleteMany({ where: { id: settingId, effectiveFrom: { gte: tomorrow } } });
    if (removed.count === 0) {
      throw new AppError("CONFLICT", `This value took effect on ${formatDay(effectiveFrom)}: values in force or past stay on record. Add a new value instead.`);
    }
    const key = row.key as SettingKey;
    await writeAudit(tx, actor, {
      action: "setting.value_withdrawn",
      entityType: "Setting",
      entityId: row.key,
      before: { settingId: row.id, value: row.value, display: formatSettingValue(key, row.value), effectiveFrom, reason: row.reason, createdById: row.createdById },
      after: { reason },
    });
    return { key: row.key, effectiveFrom };
  });
}
