// The figures a fault test measured: printed, and appended as one JSON line to FAULT_SUMMARY_FILE
// when `npm run test:faults` (scripts/test-faults.ts) asks for them, for its summary.
import fs from "node:fs";

export function recordFigures(fault: string, figures: Record<string, unknown>): void {
  const line = JSON.stringify({ fault, ...figures }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  console.log(`[fault figures] ${line}`);
  if (process.env.FAULT_SUMMARY_FILE) fs.appendFileSync(process.env.FAULT_SUMMARY_FILE, line + "\n");
}

/** FAULT_<NAME> as a whole number, else the default (the CI size). */
export function faultScale(name: string, fallback: number): number {
  const value = Number(process.env[`FAULT_${name}`]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(everyMs);
  }
}
