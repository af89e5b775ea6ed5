import "server-only";
import { db } from "../db";
import { DEFAULT_SETTINGS, type SettingKey } from "./defaults";

/**
 * The operator's setting in force at `at`: the latest row effective by then (staff add
 * effective-dated rows, never edit them), else DOMAIN.md's default.
 */
export async function settingInForce<K extends SettingKey>(key: K, at = new Date()): Promise<(typeof DEFAULT_SETTINGS)[K]> {
  const row = await db.setting.findFirst({ where: { key, effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: "desc" }, select: { value: true } });
  return (row?.value ?? DEFAULT_SETTINGS[key]) as (typeof DEFAULT_SETTINGS)[K];
}
