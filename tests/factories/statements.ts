// Distribution runs with statements for the statements tests, written straight as the data
// contract of docs/decisions/017 says a calculated run holds them (the calculation is tested in
// the distribution-run tests). Rows go in while the run is CALCULATED, since the database refuses
// rows for an approved run, and the run then moves to the status asked for. Take the quarter from
// uniquePastQuarter(s) (tests/factories/distribution.ts): a run is the only one of its quarter.
import type { AllocationSource, RunStatus } from "@/generated/prisma/enums";
import { basisPointsOf, splitLargestRemainder } from "@/lib/money/split";
import { db } from "@/server/db";

export type AllocationSpec = { source?: AllocationSource; licenseeOrganizationId?: string | null; units?: bigint; amountCents: bigint; adminFeeCents: bigint };
export type LineSpec = { workId: number; title?: string; identifier?: string | null; shareBps?: number; licenseesCounted?: number; allocations: AllocationSpec[] };
export type StatementSpec = {
  rightsholderId: string;
  carriedInCents?: bigint;
  thresholdCents?: bigint;
  /** The rate applied to what is paid (0 with a valid tax form). */
  withholdingBps?: number;
  heldCents?: bigint;
  payoutBlockedReason?: string;
  lines: LineSpec[];
};

const share = (amount: bigint, bps: number) => (amount * BigInt(bps)) / 10_000n;

/** A statement's figures from its lines, settled as decision 015 says (paid at the threshold, withholding on what is paid). */
function settle(spec: StatementSpec) {
  const lines = spec.lines.map((line) => {
    const bps = line.shareBps ?? 10_000;
    const grossCents = share(line.allocations.reduce((sum, a) => sum + a.amountCents + a.adminFeeCents, 0n), bps);
    const adminFeeShareCents = share(line.allocations.reduce((sum, a) => sum + a.adminFeeCents, 0n), bps);
    const units = line.allocations.reduce((sum, a) => sum + (a.units ?? 0n), 0n);
    return { line, bps, grossCents, adminFeeShareCents, allocated: grossCents - adminFeeShareCents, units };
  });
  const carriedInCents = spec.carriedInCents ?? 0n;
  const thresholdCents = spec.thresholdCents ?? 25_000n;
  const withholdingBps = spec.withholdingBps ?? 0;
  const allocatedCents = lines.reduce((sum, l) => sum + l.allocated, 0n);
  const balance = carriedInCents + allocatedCents;
  const isPaid = balance > 0n && balance >= thresholdCents && !spec.payoutBlockedReason;
  const withheldCents = isPaid ? basisPointsOf(balance, withholdingBps) : 0n;
  // The part of the withholding on this quarter's money goes over the lines by allocated; the rest stays on the statement.
  const onLines = balance > 0n ? (withheldCents * allocatedCents) / balance : 0n;
  const perLine = allocatedCents > 0n ? splitLargestRemainder(onLines, lines.map((l, index) => ({ id: index, weight: l.allocated }))) : new Map<number, bigint>();
  return {
    carriedInCents, thresholdCents, withholdingBps, allocatedCents, withheldCents,
    paidCents: isPaid ? balance - withheldCents : 0n,
    carriedOutCents: isPaid ? 0n : balance,
    grossCents: lines.reduce((sum, l) => sum + l.grossCents, 0n),
    adminFeeCents: lines.reduce((sum, l) => sum + l.adminFeeShareCents, 0n),
    lines: lines.map((l, index) => {
      const withholdingCents = perLine.get(index) ?? 0n;
      return {
        workId: l.line.workId, identifier: l.line.identifier === undefined ? "9780306406157" : l.line.identifier, title: l.line.title ?? `Work ${l.line.workId}`,
        licenseesCounted: l.line.licenseesCounted ?? l.line.allocations.filter((a) => (a.source ?? "LICENSEE") === "LICENSEE").length,
        units: l.units, grossCents: l.grossCents, adminFeeShareCents: l.adminFeeShareCents, withholdingCents, netCents: l.allocated - withholdingCents, shareBps: l.bps,
      };
    }),
  };
}

/** A run of `quarter` with the statements given, left in `status` (APPROVED unless told). */
export async function createStatementRun(options: { quarter: string; status?: RunStatus; approvedAt?: Date; statements: StatementSpec[] }) {
  const settled = options.statements.map((spec) => ({ spec, figures: settle(spec) }));
  const allocations = new Map<string, AllocationSpec & { workId: number }>();
  for (const { spec } of settled) {
    for (const line of spec.lines) {
      for (const a of line.allocations) {
        // A co-owned work appears on several statements but has one set of allocations.
        const key = `${line.workId}:${a.source ?? "LICENSEE"}:${a.licenseeOrganizationId ?? ""}`;
        if (!allocations.has(key)) allocations.set(key, { ...a, workId: line.workId });
      }
    }
  }
  const allocationRows = [...allocations.values()];
  const sum = (pick: (f: (typeof settled)[number]["figures"]) => bigint) => settled.reduce((total, s) => total + pick(s.figures), 0n);
  const run = await db.distributionRun.create({
    data: {
      quarter: options.quarter, status: "CALCULATED", calculatedAt: new Date(),
      recognisedCents: allocationRows.reduce((t, a) => t + a.amountCents + a.adminFeeCents, 0n),
      adminFeeCents: allocationRows.reduce((t, a) => t + a.adminFeeCents, 0n),
      allocatedCents: allocationRows.reduce((t, a) => t + a.amountCents, 0n),
      carriedInCents: sum((f) => f.carriedInCents), paidCents: sum((f) => f.paidCents), withheldCents: sum((f) => f.withheldCents), carriedOutCents: sum((f) => f.carriedOutCents),
    },
  });
  await db.allocation.createMany({
    data: allocationRows.map((a) => ({
      runId: run.id, workId: a.workId, licenseeOrganizationId: a.licenseeOrganizationId ?? null, source: a.source ?? "LICENSEE",
      units: a.units ?? 0n, amountCents: a.amountCents, adminFeeCents: a.adminFeeCents,
    })),
  });
  const statements = [];
  for (const { spec, figures } of settled) {
    const { lines, ...header } = figures;
    const statement = await db.statement.create({
      data: { runId: run.id, rightsholderId: spec.rightsholderId, ...header, heldCents: spec.heldCents ?? 0n, payoutBlockedReason: spec.payoutBlockedReason ?? null, lines: { create: lines } },
      include: { lines: { orderBy: { id: "asc" } } },
    });
    if (statement.paidCents > 0n) {
      await db.payout.create({ data: { runId: run.id, statementId: statement.id, rightsholderId: spec.rightsholderId, amountCents: statement.paidCents, idempotencyKey: `payout:${run.id}:${spec.rightsholderId}` } });
    }
    if (statement.carriedOutCents > 0n) await db.carriedBalance.create({ data: { runId: run.id, organizationId: spec.rightsholderId, amountCents: statement.carriedOutCents } });
    statements.push(statement);
  }
  const status = options.status ?? "APPROVED";
  const isFinal = status === "APPROVED" || status === "PAYING" || status === "PAID";
  const moved = status === "CALCULATED" ? run : await db.distributionRun.update({
    where: { id: run.id },
    data: { status, ...(isFinal ? { approvedAt: options.approvedAt ?? new Date(Date.now() - 3_600_000) } : {}), ...(status === "PAID" ? { paidAt: new Date() } : {}) },
  });
  return { run: moved, statements };
}
