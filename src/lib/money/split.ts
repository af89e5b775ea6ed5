// The one way money is split in proportion (shared/DOMAIN.md, Rounding): floor every share, then
// give the cents left over one each to the largest remainders, ties broken by ascending id. The
// parts always sum to the total exactly. Integer cents in BigInt; weights are whole numbers (units,
// basis points).

export type Weighted<Id> = { id: Id; weight: bigint };

export class SplitError extends Error {}

function compareIds(a: string | number | bigint, b: string | number | bigint): number {
  if (typeof a === "string" || typeof b === "string") {
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `total` split over `parts` in proportion to their weights. Parts with weight 0 get 0; ids must
 * be distinct; the weights must not all be 0 (there is nothing to split by: the caller decides
 * what happens to the money then, e.g. the general pool or held).
 */
export function splitLargestRemainder<Id extends string | number | bigint>(total: bigint, parts: Weighted<Id>[]): Map<Id, bigint> {
  if (total < 0n) throw new SplitError("Only amounts of 0 or more are split.");
  const weightSum = parts.reduce((sum, p) => {
    if (p.weight < 0n) throw new SplitError("A weight is 0 or more.");
    return sum + p.weight;
  }, 0n);
  if (weightSum === 0n) throw new SplitError("Nothing to split by: every weight is 0.");
  const result = new Map<Id, bigint>();
  const remainders: { id: Id; remainder: bigint }[] = [];
  let given = 0n;
  for (const p of parts) {
    if (result.has(p.id)) throw new SplitError(`The id ${String(p.id)} appears twice.`);
    const exact = total * p.weight;
    const share = exact / weightSum;
    result.set(p.id, share);
    given += share;
    remainders.push({ id: p.id, remainder: exact % weightSum });
  }
  let left = total - given;
  remainders.sort((a, b) => (a.remainder === b.remainder ? compareIds(a.id, b.id) : a.remainder > b.remainder ? -1 : 1));
  for (const r of remainders) {
    if (left === 0n) break;
    result.set(r.id, result.get(r.id)! + 1n);
    left--;
  }
  return result;
}

/** round_half_up(amount × bps / 10000) for amounts of 0 or more. */
export function basisPointsOf(amount: bigint, bps: number | bigint): bigint {
  if (amount < 0n) throw new SplitError("Only amounts of 0 or more take a percentage.");
  return (amount * BigInt(bps) + 5_000n) / 10_000n;
}
