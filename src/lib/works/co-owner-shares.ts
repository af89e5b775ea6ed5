// Co-owners' shares of a work's royalties. People type percentages with up to two decimals; they
// are stored as basis points (1% = 100 bps) so that a split is integer arithmetic and sums to
// exactly 10,000. Pure: the co-owners editor shows the live sum with the same rules.

export const SHARE_TOTAL_BPS = 10_000;
export const MAX_CO_OWNERS = 20;

export type ShareResult = { ok: true; bps: number } | { ok: false; error: string };

/** "60", "33.33", "12,5" and "40 %" are accepted; more than two decimals are not. */
export function parseSharePercent(raw: unknown): ShareResult {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim().replace(/\s*%$/, "") : "";
  if (text === "") return { ok: false, error: "Enter a share in percent." };
  const normalized = text.includes(".") ? text : text.replace(",", ".");
  const match = /^(\d{1,3})(?:\.(\d*))?$/.exec(normalized);
  if (!match) return { ok: false, error: "Enter a number of percent, such as 60 or 33.33." };
  const decimals = (match[2] ?? "").replace(/0+$/, "");
  if (decimals.length > 2) return { ok: false, error: "Use at most two decimals (such as 33.33)." };
  const bps = Number(match[1]) * 100 + Number(decimals.padEnd(2, "0"));
  if (bps <= 0) return { ok: false, error: "A share is more than 0%." };
  if (bps > SHARE_TOTAL_BPS) return { ok: false, error: "A share is at most 100%." };
  return { ok: true, bps };
}

/** 6000 → "60", 3333 → "33.33", 1250 → "12.5". */
export function formatShare(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const cents = Math.abs(bps % 100);
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

/** What is still to assign (positive) or assigned too much (negative), in basis points. */
export function shareRemainder(bpsList: number[]): number {
  return SHARE_TOTAL_BPS - bpsList.reduce((sum, bps) => sum + bps, 0);
}

/**
 * Scales shares to a new total exactly: each gets its proportional part rounded down, and the
 * basis points left over go one each to the largest remainders (ties: the earlier entry). Used
 * when a new co-owner's share is carved out of a work's existing split.
 */
export function scaleShares(bpsList: number[], newTotal: number): number[] {
  const oldTotal = bpsList.reduce((sum, bps) => sum + bps, 0);
  if (oldTotal <= 0) throw new Error("scaleShares needs a positive total");
  const exact = bpsList.map((bps) => bps * newTotal);
  const scaled = exact.map((e) => Math.floor(e / oldTotal));
  let left = newTotal - scaled.reduce((sum, bps) => sum + bps, 0);
  const order = exact.map((e, index) => ({ index, remainder: e % oldTotal })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    scaled[index]! += 1;
    left -= 1;
  }
  return scaled;
}
