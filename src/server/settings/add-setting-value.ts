import "server-only";
import { formatDay } from "@/lib/dates";
import { todayUtc } from "@/lib/works/work-input";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { valueInTimeline } from "./setting-uses";
import { ZAddSettingValueInput, fieldErrorsOf, formatSettingValue, parseSettingInput, type TAddSettingValueInput } from "./settings.schema";

// ADMIN adds an effective-dated value of an operator setting. Rows are only ever added, never
// edited, and a value starts today at the earliest: a run reads the values in force on its
// quarter's last day, so a quarter that has ended can never be reached by a change, and its
// figures (calculated or not yet) stay as the rules of that quarter made them. An approved run
// keeps its own snapshot besides (distribution/run-settings.ts).

const MAX_YEARS_AHEAD = 5;
const CHECK = "Please correct the highlighted fields.";

export async function addSettingValue(actor: Actor | null, rawInput: TAddSettingValueInput, today = todayUtc()): Promise<{ id: string; key: string; effectiveFrom: string }> {
  authorize(can.administer(actor), "Only staff administrators change settings.");
  const staff = requireUser(actor);
  const parsed = ZAddSettingValueInput.safeParse(rawInput);
  if (!parsed.success) throw validation(CHECK, fieldErrorsOf(parsed.error));
  const { key, effectiveFrom, reason } = parsed.data;
  const value = parseSettingInput(key, parsed.data.value);
  if (!value.ok) throw validation(CHECK, { value: [value.error] });
  if (effectiveFrom < today) {
    throw validation(CHECK, { effectiveFrom: [`Settings never change for the past: choose today (${formatDay(today)}) or a later day, so the figures of past quarters stay as they were.`] });
  }
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  if (effectiveFrom > latest) throw validation(CHECK, { effectiveFrom: [`Choose a day within the next ${MAX_YEARS_AHEAD} years.`] });
  const start = new Date(`${effectiveFrom}T00:00:00Z`);

  try {
    return await db.$transaction(async (tx) => {
      // Serialises additions per key, so "already in force" and "already scheduled that day" hold.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`setting:${key}`}, 0))::text`;
      const rows = await tx.setting.findMany({ where: { key }, orderBy: { effectiveFrom: "desc" }, select: { effectiveFrom: true, value: true } });
      if (rows.some((r) => r.effectiveFrom.getTime() === start.getTime())) {
        throw validation(CHECK, { effectiveFrom: [`A value already takes effect on ${formatDay(effectiveFrom)}. Choose another day, or withdraw that value first if it is still scheduled.`] });
      }
      const before = valueInTimeline({ [key]: rows }, key, start);
      if (String(before) === String(value.value)) {
        throw validation(CHECK, { value: [`${formatSettingValue(key, value.value)} is already the value in force on ${formatDay(effectiveFrom)}.`] });
      }
      const created = await tx.setting.create({
        data: { key, value: value.value, effectiveFrom: start, reason, createdById: staff.userId },
        select: { id: true },
      });
      await writeAudit(tx, actor, {
        action: "setting.value_added",
        entityType: "Setting",
        entityId: key,
        before: { value: before, display: formatSettingValue(key, before) },
        after: { settingId: created.id, value: value.value, display: formatSettingValue(key, value.value), effectiveFrom, reason },
      });
      return { id: created.id, key, effectiveFrom };
    });
  } catch (error) {
    // The unique (key, effectiveFrom) decided a race the lock did not see (a row written elsewhere).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw validation(CHECK, { effectiveFrom: [`A value already takes effect on ${formatDay(effectiveFrom)}. Choose another day.`] });
    }
    throw error;
  }
}
