// Follow the money (shared/DOMAIN.md, Money rules; decision 015): each licensee's net revenue for
// the quarter (recognised less the administrative fee) goes to the works in its own eligible usage,
// in proportion to units. A licensee without eligible usage adds its net revenue to the general
// pool, together with what was held from earlier quarters; the pool goes to all licensees'
// eligible usage in proportion to units (summed per work). With no eligible usage at all, the pool
// is held for the next quarter. Every split is largest-remainder by ascending id, so the quarter's
// money = allocations + held, to the cent.
import { splitLargestRemainder } from "./split";

export type LicenseeQuarter = {
  licenseeId: string;
  netCents: bigint;
  /** Eligible usage: units per work (a work listed once). */
  usage: { workId: number; units: bigint }[];
};

export type Allocation = { workId: number; cents: bigint; source: "LICENSEE" | "POOL"; licenseeId: string | null };

export type QuarterAllocation = {
  allocations: Allocation[];
  /** The general pool: net revenue of licensees without usage, plus what was held before. */
  poolCents: bigint;
  /** Held for the next quarter (the pool, when nobody reported eligible usage). */
  heldOutCents: bigint;
};

export function allocateQuarter(licensees: LicenseeQuarter[], heldInCents: bigint): QuarterAllocation {
  const allocations: Allocation[] = [];
  let pool = heldInCents;
  const unitsByWork = new Map<number, bigint>();
  for (const licensee of [...licensees].sort((a, b) => (a.licenseeId < b.licenseeId ? -1 : 1))) {
    const usage = licensee.usage.filter((u) => u.units > 0n);
    if (usage.length === 0) {
      pool += licensee.netCents;
      continue;
    }
    for (const u of usage) unitsByWork.set(u.workId, (unitsByWork.get(u.workId) ?? 0n) + u.units);
    const split = splitLargestRemainder(licensee.netCents, usage.map((u) => ({ id: u.workId, weight: u.units })));
    for (const [workId, cents] of split) if (cents > 0n) allocations.push({ workId, cents, source: "LICENSEE", licenseeId: licensee.licenseeId });
  }
  if (unitsByWork.size === 0) return { allocations, poolCents: pool, heldOutCents: pool };
  const split = splitLargestRemainder(pool, [...unitsByWork].map(([id, weight]) => ({ id, weight })));
  for (const [workId, cents] of split) if (cents > 0n) allocations.push({ workId, cents, source: "POOL", licenseeId: null });
  return { allocations, poolCents: pool, heldOutCents: 0n };
}

/** A work's money over its co-owners by basis points (largest remainder by co-owner id). */
export function splitOverCoOwners<Id extends string | number>(cents: bigint, coOwners: { id: Id; shareBps: number }[]): Map<Id, bigint> {
  return splitLargestRemainder(cents, coOwners.map((c) => ({ id: c.id, weight: BigInt(c.shareBps) })));
}
