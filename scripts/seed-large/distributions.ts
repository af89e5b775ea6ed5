// The quarters' distribution runs through the project's own flow, so every statement, statement
// line, payout and carried balance is what the portal would have written: the run created as the
// daily schedule creates it (ensureRunForQuarter), calculated by the calculation job's body
// (calculateDistributionRun), and approved by a staff administrator (approveDistributionRun) —
// every quarter but the last, which waits for approval as it would a few weeks after it closed.
// Approval queues the payout and statement-mail jobs; the portal's worker runs them when it starts
// (the Stripe test double knows the seeded "acct_demo…" payout accounts).
import type { Quarter } from "../../src/lib/usage/quarters";

export type RunFacts = { quarter: string; status: string; seconds: number; statements: number; allocatedCents: bigint };

export async function seedDistributionRuns(adminEmail: string, quarters: Quarter[], log: (line: string) => void): Promise<RunFacts[]> {
  const { db } = await import("../../src/server/db");
  const { loadUserActor } = await import("../../src/server/auth/load-actor");
  const { ensureRunForQuarter } = await import("../../src/server/distribution/ensure-run-for-quarter");
  const { calculateDistributionRun } = await import("../../src/server/distribution/calculate-distribution-run");
  const { approveDistributionRun } = await import("../../src/server/distribution/approve-distribution-run");

  const admin = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, select: { id: true, sessionVersion: true } });
  const actor = await loadUserActor(admin.id, admin.sessionVersion, "127.0.0.1");
  if (!actor) throw new Error("The demo staff administrator cannot act");

  const facts: RunFacts[] = [];
  for (const [index, quarter] of quarters.entries()) {
    const started = process.hrtime.bigint();
    const { runId } = await ensureRunForQuarter(quarter, actor, admin.id);
    if (!(await calculateDistributionRun(runId))) throw new Error(`The run for ${quarter.code} was not calculated`);
    const isLast = index === quarters.length - 1;
    if (!isLast) await approveDistributionRun(actor, { runId });
    const run = await db.distributionRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, allocatedCents: true, _count: { select: { statements: true } } } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    facts.push({ quarter: quarter.code, status: run.status, seconds, statements: run._count.statements, allocatedCents: run.allocatedCents });
    log(`distribution run ${quarter.code}: ${run.status.toLowerCase()}, ${run._count.statements} statements, ${seconds.toFixed(1)} s`);
  }
  return facts;
}
