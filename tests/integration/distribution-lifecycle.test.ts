// A run's life: created once however often it is asked for, calculated crash-safe, approved in
// quarter order (and then never changed), handing its held pool, carried balances and disputed
// money on to later quarters. These tests run in quarter order on quarters no other file uses
// (orderedQuarters), because runs hand things on to later quarters.
import { describe, expect, it } from "vitest";
import { approveDistributionRun } from "@/server/distribution/approve-distribution-run";
import { calculateDistributionRun } from "@/server/distribution/calculate-distribution-run";
import { distributionCalculateJob } from "@/server/distribution/distribution-jobs";
import { getDistributionRun } from "@/server/distribution/distribution-runs.queries";
import { recalculateDistributionRun } from "@/server/distribution/recalculate-distribution-run";
import { requestDistributionRun } from "@/server/distribution/request-distribution-run";
import { runDistributionSchedule } from "@/server/distribution/run-distribution-schedule";
import { db } from "@/server/db";
import { runDueJobs } from "@/server/jobs/worker";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, orderedQuarters } from "../factories/distribution";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories/index";
import { createUsageReport } from "../factories/usage";
import { createWork } from "../factories/works";

const daysIn = (q: { startsOn: string; endsOn: string }) => (Date.parse(q.endsOn) - Date.parse(q.startsOn)) / 86_400_000;

async function licenseeUsing(quarter: { code: string; startsOn: string; endsOn: string }, feeCents: bigint, usage: { workId: number; units: bigint }[]) {
  const licensee = await createOrganization("LICENSEE");
  await createPaidGrant(licensee.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents });
  if (usage.length > 0) await createEligibleUsage(licensee.id, quarter.code, usage);
  return licensee;
}

const statementOf = (runId: string, rightsholderId: string) =>
  db.statement.findUniqueOrThrow({ where: { runId_rightsholderId: { runId, rightsholderId } } });

describe.sequential("a distribution run's life", () => {
  it("is created once and calculated once when triggered twenty times at once", async () => {
    const [quarter] = orderedQuarters(1);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    await licenseeUsing(quarter!, 50_000n, [{ workId: work.id, units: 3n }]);
    const results = await Promise.all(Array.from({ length: 20 }, () => requestDistributionRun(admin, { quarter: quarter!.code })));
    expect(new Set(results.map((r) => r.runId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const runId = results[0]!.runId;
    expect(await db.job.count({ where: { name: "distribution.calculate", payload: { equals: { runId } } } })).toBe(1);
    await runDueJobs([distributionCalculateJob], { maxJobs: 20 });
    const run = await db.distributionRun.findUniqueOrThrow({ where: { id: runId } });
    expect([run.status, run.allocatedCents, await db.statement.count({ where: { runId, rightsholderId: payee.id } })]).toEqual(["CALCULATED", 42_500n, 1]);
    await approveDistributionRun(admin, { runId });
  });

  it("rolls a calculation killed midway back whole, and the retry calculates it once", async () => {
    const [quarter] = orderedQuarters(1);
    const payee = await createPayee();
    const work = await createWork(payee.id);
    await licenseeUsing(quarter!, 30_000n, [{ workId: work.id, units: 1n }]);
    const run = await db.distributionRun.create({ data: { quarter: quarter!.code } });
    await expect(calculateDistributionRun(run.id, { onStep: (step) => { if (step === "Writing statement lines") throw new Error("worker killed"); } })).rejects.toThrow("worker killed");
    const killed = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(killed.status).toBe("CALCULATING");
    expect([await db.allocation.count({ where: { runId: run.id } }), await db.statement.count({ where: { runId: run.id } }), await db.grantRevenue.count({ where: { runId: run.id } })]).toEqual([0, 0, 0]);
    // Two workers retry at once: one calculates, the other waits on the lock and finds it done.
    const done = await Promise.all([calculateDistributionRun(run.id), calculateDistributionRun(run.id)]);
    expect(done.filter(Boolean)).toHaveLength(1);
    const calculated = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([calculated.status, calculated.allocatedCents]).toEqual(["CALCULATED", 25_500n]);
    expect([await db.allocation.count({ where: { runId: run.id } }), await db.statement.count({ where: { runId: run.id, rightsholderId: payee.id } }), await db.payout.count({ where: { runId: run.id, rightsholderId: payee.id } })]).toEqual([1, 1, 1]);
    await approveDistributionRun(await createStaffActor("ADMIN"), { runId: run.id });
  });

  it("lets staff recalculate a run whose calculation died with its worker on the last attempt", async () => {
    const [quarter] = orderedQuarters(1);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    await licenseeUsing(quarter!, 30_000n, [{ workId: work.id, units: 1n }]);
    const run = await db.distributionRun.create({ data: { quarter: quarter!.code, status: "CALCULATING" } });
    const job = await db.job.create({
      data: { name: "distribution.calculate", payload: { runId: run.id }, singletonKey: `distribution.calculate:${run.id}`, status: "RUNNING", attempts: 3, maxAttempts: 3, lockedBy: "worker-gone", lockedUntil: new Date(Date.now() + 60_000) },
    });
    // Under a live lease it is still being calculated.
    await expect(recalculateDistributionRun(admin, { runId: run.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/being calculated/) });
    expect(await getDistributionRun(admin, run.id)).toMatchObject({ isStranded: false, canRecalculate: false });
    // The lease has run out on the last attempt: no worker will ever finish it, and the run page says so.
    await db.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    expect(await getDistributionRun(admin, run.id)).toMatchObject({ isStranded: true, canRecalculate: true });
    await recalculateDistributionRun(admin, { runId: run.id });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("FAILED");
    expect((await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("PENDING");
    expect(await db.job.count({ where: { singletonKey: `distribution.calculate:${run.id}`, status: "QUEUED" } })).toBe(1);
    await runDueJobs([distributionCalculateJob], { maxJobs: 20 });
    const calculated = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([calculated.status, calculated.allocatedCents]).toEqual(["CALCULATED", 25_500n]);
    await approveDistributionRun(admin, { runId: run.id });
  });

  it("holds the pool when nobody reported usage and gives it to the next quarter's usage", async () => {
    const [q1, q2] = orderedQuarters(2);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    await licenseeUsing(q1!, 10_000n, []);
    const first = await calculatedRun(q1!);
    expect([first.recognisedCents, first.adminFeeCents, first.allocatedCents, first.heldInCents, first.heldOutCents]).toEqual([10_000n, 1_500n, 0n, 0n, 8_500n]);
    await approveDistributionRun(admin, { runId: first.id });

    await licenseeUsing(q2!, 40_000n, [{ workId: work.id, units: 7n }]);
    const second = await calculatedRun(q2!);
    expect([second.heldInCents, second.allocatedCents, second.heldOutCents]).toEqual([8_500n, 42_500n, 0n]);
    expect((await statementOf(second.id, payee.id)).paidCents).toBe(42_500n);
    await approveDistributionRun(admin, { runId: second.id });
  });

  it("approves only calculated runs, ADMIN only, locks the quarter's reports and never changes afterwards", async () => {
    const [quarter] = orderedQuarters(1);
    const admin = await createStaffActor("ADMIN");
    const analyst = await createStaffActor("ANALYST");
    const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    const licensee = await licenseeUsing(quarter!, 40_000n, [{ workId: work.id, units: 2n }]);
    const run = await calculatedRun(quarter!);

    await expect(approveDistributionRun(analyst, { runId: run.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveDistributionRun(rightsholder.owner.actor, { runId: run.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recalculateDistributionRun(analyst, { runId: run.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await approveDistributionRun(admin, { runId: run.id });

    const approved = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([approved.status, approved.approvedById]).toEqual(["APPROVED", admin.userId]);
    const report = await db.usageReport.findFirstOrThrow({ where: { organizationId: licensee.id, quarter: quarter!.code } });
    expect(report.lockedAt).not.toBeNull();
    expect(await db.job.count({ where: { name: { in: ["distribution.pay", "statements.notify"] }, payload: { equals: { runId: run.id } } } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityType: "DistributionRun", entityId: run.id, action: "distribution.run_approved" } })).toBe(1);

    await expect(approveDistributionRun(admin, { runId: run.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recalculateDistributionRun(admin, { runId: run.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await calculateDistributionRun(run.id)).toBe(false);
    // The database itself refuses to change an approved run's money.
    await expect(db.distributionRun.update({ where: { id: run.id }, data: { allocatedCents: 1n } })).rejects.toThrow(/cannot be changed/);
    await expect(db.statement.updateMany({ where: { runId: run.id }, data: { paidCents: 1n } })).rejects.toThrow(/cannot be changed/);
    await expect(db.allocation.deleteMany({ where: { runId: run.id } })).rejects.toThrow(/cannot be changed/);
    await expect(db.distributionRun.delete({ where: { id: run.id } })).rejects.toThrow(/cannot be deleted/);
    // Its status may still move on to paying and paid.
    await db.distributionRun.update({ where: { id: run.id }, data: { status: "PAYING" } });
  });

  it("approves runs in quarter order, and asks for a recalculation when an earlier approval changed carried balances", async () => {
    const [q1, q2] = orderedQuarters(2);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    // 10,000 → 8,500 each quarter: carried in q1 (unless it is the year-end quarter).
    await licenseeUsing(q1!, 10_000n, [{ workId: work.id, units: 1n }]);
    await licenseeUsing(q2!, 10_000n, [{ workId: work.id, units: 1n }]);
    const first = await calculatedRun(q1!);
    const second = await calculatedRun(q2!);
    expect((await statementOf(second.id, payee.id)).carriedInCents).toBe(0n);
    await approveDistributionRun(admin, { runId: first.id });
    await expect(approveDistributionRun(admin, { runId: second.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Recalculate/) });
    await recalculateDistributionRun(admin, { runId: second.id });
    await calculateDistributionRun(second.id);
    const carried = (await statementOf(first.id, payee.id)).carriedOutCents;
    expect((await statementOf(second.id, payee.id)).carriedInCents).toBe(carried);
    await approveDistributionRun(admin, { runId: second.id });
  });

  it("refuses to approve a run for a quarter earlier than an approved one", async () => {
    const [q1, q2] = orderedQuarters(2);
    const admin = await createStaffActor("ADMIN");
    const work = await createWork((await createPayee()).id);
    await licenseeUsing(q1!, 10_000n, [{ workId: work.id, units: 1n }]);
    const early = await calculatedRun(q1!);
    const later = await calculatedRun(q2!);
    await approveDistributionRun(admin, { runId: later.id });
    await expect(approveDistributionRun(admin, { runId: early.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/quarter order/) });
    expect((await db.distributionRun.findUniqueOrThrow({ where: { id: early.id } })).status).toBe("CALCULATED");
  });

  it("carries a balance under the threshold, pays it when a later quarter crosses it, and lowers the threshold at year end", async () => {
    // Four consecutive quarters hold every quarter of the year: two in a row without April–June
    // (the default financial year ends 30 June), and April–June itself.
    const quarters = orderedQuarters(4);
    const start = quarters.findIndex((x, i) => i < 3 && x.q !== 2 && quarters[i + 1]!.q !== 2);
    const [q1, q2] = [quarters[start]!, quarters[start + 1]!];
    const payee = await createPayee();
    const work = await createWork(payee.id);
    const licensee = await createOrganization("LICENSEE");
    // 20,000 fee → 17,000 net: under 25,000, carried.
    await createPaidGrant(licensee.id, { startsOn: q1.startsOn, termDays: daysIn(q1), feeCents: 20_000n });
    await createEligibleUsage(licensee.id, q1.code, [{ workId: work.id, units: 5n }]);
    const first = await calculatedRun(q1);
    const s1 = (await statementOf(first.id, payee.id))!;
    expect([s1.thresholdCents, s1.carriedInCents, s1.allocatedCents, s1.paidCents, s1.carriedOutCents]).toEqual([25_000n, 0n, 17_000n, 0n, 17_000n]);
    expect(await db.carriedBalance.findMany({ where: { runId: first.id, organizationId: payee.id }, select: { organizationId: true, amountCents: true } })).toEqual([{ organizationId: payee.id, amountCents: 17_000n }]);
    expect(await db.payout.count({ where: { runId: first.id, rightsholderId: payee.id } })).toBe(0);
    await approveDistributionRun(await createStaffActor("ADMIN"), { runId: first.id });

    // 12,000 → 10,200 net; with 17,000 carried in the balance is 27,200 ≥ 25,000: paid.
    await createPaidGrant(licensee.id, { startsOn: q2.startsOn, termDays: daysIn(q2), feeCents: 12_000n });
    await createEligibleUsage(licensee.id, q2.code, [{ workId: work.id, units: 5n }]);
    const second = await calculatedRun(q2);
    const s2 = (await statementOf(second.id, payee.id))!;
    expect([s2.carriedInCents, s2.allocatedCents, s2.paidCents, s2.carriedOutCents]).toEqual([17_000n, 10_200n, 27_200n, 0n]);

    // April–June: 8,500 reaches the year-end threshold of 5,000 and is paid.
    const yearEnd = quarters.find((x) => x.q === 2)!;
    const small = await createPayee();
    const smallWork = await createWork(small.id);
    const other = await createOrganization("LICENSEE");
    await createPaidGrant(other.id, { startsOn: yearEnd.startsOn, termDays: daysIn(yearEnd), feeCents: 10_000n });
    await createEligibleUsage(other.id, yearEnd.code, [{ workId: smallWork.id, units: 1n }]);
    await approveDistributionRun(await createStaffActor("ADMIN"), { runId: second.id });
    const run = await calculatedRun(yearEnd);
    const statement = (await statementOf(run.id, small.id))!;
    expect([statement.thresholdCents, statement.allocatedCents, statement.paidCents]).toEqual([5_000n, 8_500n, 8_500n]);
  });

  it("holds a disputed work's money and releases it in the first run after the dispute is resolved", async () => {
    const [q1, q2] = orderedQuarters(2);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const disputed = await createWork(payee.id);
    const clear = await createWork(payee.id);
    const claimant = await createPayee();
    const dispute = await db.dispute.create({ data: { origin: "ENROLLMENT", workId: disputed.id, claimantOrgId: claimant.id, reason: "Ours" } });
    await licenseeUsing(q1!, 100_000n, [{ workId: disputed.id, units: 1n }, { workId: clear.id, units: 1n }]);
    const first = await calculatedRun(q1!);
    // 85,000 net, 42,500 each: the disputed half is allocated but held.
    expect([first.allocatedCents, first.disputeHeldCents]).toEqual([85_000n, 42_500n]);
    const s1 = await statementOf(first.id, payee.id);
    expect([s1.allocatedCents, s1.heldCents]).toEqual([42_500n, 42_500n]);
    expect(await db.statementLine.count({ where: { statementId: s1.id, workId: disputed.id } })).toBe(0);
    await approveDistributionRun(admin, { runId: first.id });

    await db.dispute.update({ where: { id: dispute.id }, data: { status: "REJECTED", resolvedAt: new Date() } });
    await licenseeUsing(q2!, 20_000n, [{ workId: clear.id, units: 1n }]);
    const second = await calculatedRun(q2!);
    expect([second.releasedCents, second.allocatedCents, second.disputeHeldCents]).toEqual([42_500n, 17_000n + 42_500n, 0n]);
    const line = await db.statementLine.findFirstOrThrow({ where: { statement: { runId: second.id, rightsholderId: payee.id }, workId: disputed.id } });
    expect([line.grossCents, line.adminFeeShareCents, line.netCents]).toEqual([50_000n, 7_500n, 42_500n]);
    await approveDistributionRun(admin, { runId: second.id });
    expect(await db.allocation.findFirstOrThrow({ where: { runId: first.id, workId: disputed.id } })).toMatchObject({ isHeld: true, releasedInRunId: second.id });
  });

  it("counts an adjustment uploaded after its quarter was approved in the next run, once", async () => {
    const [q1, q2] = orderedQuarters(2);
    const admin = await createStaffActor("ADMIN");
    const payee = await createPayee();
    const work = await createWork(payee.id);
    const licensee = await licenseeUsing(q1!, 10_000n, []);
    const first = await calculatedRun(q1!);
    await approveDistributionRun(admin, { runId: first.id });
    // Late usage for q1 arrives as an adjustment; q2's revenue follows it.
    const { report } = await createUsageReport(licensee.id, { quarter: q1!.code, isAdjustment: true, lines: [{ workId: work.id, units: 4n }] });
    await db.usageLine.updateMany({ where: { reportId: report.id }, data: { eligibility: "ELIGIBLE" } });
    await createPaidGrant(licensee.id, { startsOn: q2!.startsOn, termDays: daysIn(q2!), feeCents: 40_000n });
    const second = await calculatedRun(q2!);
    // 34,000 net follows the adjustment's usage, and q1's held 8,500 pool goes with it.
    expect((await statementOf(second.id, payee.id)).allocatedCents).toBe(34_000n + 8_500n);
    await approveDistributionRun(admin, { runId: second.id });
    expect((await db.usageReport.findUniqueOrThrow({ where: { id: report.id } })).appliedInRunId).toBe(second.id);
  });

  it("creates the run on the configured day after the quarter ends, once", async () => {
    const [quarter] = orderedQuarters(1);
    const at = (days: number) => new Date(Date.parse(`${quarter!.endsOn}T03:00:00Z`) + days * 86_400_000);
    // The quarter's last day is day 0; with the default 15 the run starts on day 15.
    expect(await runDistributionSchedule(at(13))).toBeNull();
    const first = await runDistributionSchedule(at(14));
    expect(first).toMatchObject({ quarter: quarter!.code, created: true });
    expect(await runDistributionSchedule(at(15))).toMatchObject({ quarter: quarter!.code, runId: first!.runId, created: false });
    expect(await db.distributionRun.count({ where: { quarter: quarter!.code } })).toBe(1);
    await runDueJobs([distributionCalculateJob], { maxJobs: 20 });
    expect((await db.distributionRun.findUniqueOrThrow({ where: { id: first!.runId } })).status).toBe("CALCULATED");
  });

  it("refuses a quarter that has not ended and input that is not a quarter", async () => {
    const admin = await createStaffActor("ADMIN");
    await expect(requestDistributionRun(admin, { quarter: "2099Q1" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { quarter: [expect.stringMatching(/ends on/)] } });
    await expect(requestDistributionRun(admin, { quarter: "last quarter" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(requestDistributionRun(await createStaffActor("ANALYST"), { quarter: "2001Q1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
