import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { getDistributionRun, listDistributionRuns, listQuartersWithoutRun } from "@/server/distribution/distribution-runs.queries";
import { reconcileDistributionRun } from "@/server/distribution/reconciliation";
import { exportDistributionRunCsv, RUN_EXPORT_KINDS } from "@/server/distribution/run-exports";
import { listRunPayouts, listRunStatements } from "@/server/distribution/run-rows.queries";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { uniquePastQuarter } from "../factories/distribution";
import { createCalculatedRun, type CalculatedRunScenario } from "../factories/runs";

// The staff console's reads over a run written as the contract describes (tests/factories/runs.ts).
// The reconciliation's failing checks are in distribution-console-reconciliation.test.ts.

let s: CalculatedRunScenario;
let admin: UserActor;
let analyst: UserActor;
let rightsholderOwner: UserActor;
let licenseeOwner: UserActor;

beforeAll(async () => {
  s = await createCalculatedRun();
  admin = await createStaffActor("ADMIN");
  analyst = await createStaffActor("ANALYST");
  rightsholderOwner = (await createOrganizationWithPeople("RIGHTSHOLDER")).owner.actor;
  licenseeOwner = (await createOrganizationWithPeople("LICENSEE")).owner.actor;
});

async function text(lines: AsyncIterable<string>): Promise<string[]> {
  let out = "";
  for await (const chunk of lines) out += chunk;
  expect(out.startsWith("\uFEFF")).toBe(true);
  return out.slice(1).trimEnd().split("\r\n");
}

describe("the runs list and one run", () => {
  it("lists every run newest quarter first, with totals, progress and counts", async () => {
    const runs = await listDistributionRuns(analyst);
    const index = runs.findIndex((r) => r.id === s.run.id);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(runs.findIndex((r) => r.id === s.previousRun.id)).toBeGreaterThan(index);
    expect(runs.map((r) => r.quarter)).toEqual([...runs.map((r) => r.quarter)].sort().reverse());
    expect(runs[index]).toMatchObject({
      quarter: s.quarter.code, status: "CALCULATED", recognisedCents: 144_000n, adminFeeCents: 21_600n, allocatedCents: 122_400n, paidCents: 34_884n,
      progress: { done: 11, total: 11, percent: 100, label: "Calculated" }, isMoving: false,
      counts: { statements: 3, paid: 1, carried: 2, blocked: 0 },
      payouts: { PENDING: { count: 1, amountCents: 34_884n }, SUBMITTED: { count: 0, amountCents: 0n }, PAID: { count: 0, amountCents: 0n }, FAILED: { count: 0, amountCents: 0n } },
    });
  });

  it("shows one run with its settings snapshot, payouts and what ADMIN may do; ANALYST may do nothing", async () => {
    const forAdmin = await getDistributionRun(admin, s.run.id);
    expect(forAdmin).toMatchObject({
      quarter: s.quarter.code, status: "CALCULATED", recognisedCents: 144_000n, disputeHeldCents: 30_600n, externalCents: 6_120n, carriedOutCents: 44_780n,
      settings: { adminFeeBps: 1500, thresholdCents: 25_000n, thresholdAppliedCents: 25_000n, domesticWithholdingBps: 2400, isYearEnd: false },
      counts: { statements: 3, paid: 1, carried: 2 }, externalShares: 1, isCalculated: true, isFinal: false, canRecalculate: true,
      approvedBy: null, payouts: { PENDING: { count: 1, amountCents: 34_884n } },
    });
    // Another test's approved later quarter may block it in this shared database: the flag follows the reason.
    expect(forAdmin.canApprove).toBe(forAdmin.approveBlockedReason === null);
    const forAnalyst = await getDistributionRun(analyst, s.run.id);
    expect(forAnalyst).toMatchObject({ canApprove: false, canRecalculate: false, recognisedCents: 144_000n });

    const previous = await getDistributionRun(analyst, s.previousRun.id);
    expect(previous).toMatchObject({ status: "APPROVED", isFinal: true, canRecalculate: false, approveBlockedReason: "This run is approved already." });
  });

  it("asks for a recalculation before approval when an earlier run was approved after the calculation", async () => {
    const calculatedAt = s.run.calculatedAt!;
    await db.distributionRun.update({ where: { id: s.run.id }, data: { calculatedAt: new Date(s.previousRun.approvedAt!.getTime() - 60_000) } });
    try {
      const run = await getDistributionRun(admin, s.run.id);
      expect(run.canApprove).toBe(false);
      expect(run.approveBlockedReason).toMatch(new RegExp(`${s.previous.code}.*recalculate|The .* run is approved already`));
    } finally {
      await db.distributionRun.update({ where: { id: s.run.id }, data: { calculatedAt } });
    }
  });

  it("answers not found for an unknown run", async () => {
    for (const id of ["00000000-0000-7000-8000-000000000000", "not-a-run"]) {
      await expect(getDistributionRun(admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listRunPayouts(admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(reconcileDistributionRun(admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(exportDistributionRunCsv(admin, id, "statements")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("offers the closed quarters without a run, newest first", async () => {
    const free = await uniquePastQuarter();
    const quarters = (await listQuartersWithoutRun(analyst, "2026-12-01")).map((q) => q.code);
    expect(quarters).toContain(free.code);
    expect(quarters).not.toContain(s.quarter.code);
    expect(quarters).not.toContain(s.previous.code);
    expect(quarters).not.toContain("2026Q4");
    expect(quarters).toEqual([...quarters].sort().reverse());
    expect(await listQuartersWithoutRun(analyst, "2026-12-01")).toContainEqual({ code: free.code, label: expect.stringContaining(`Q${free.q} ${free.year}`) });
  });
});

describe("a run's payouts and statements, paged", () => {
  it("lists payouts with the payee's name, by status; a failed payout of a run being paid can be retried by ADMIN", async () => {
    const all = await listRunPayouts(analyst, s.run.id);
    expect(all.payouts).toEqual([expect.objectContaining({ id: s.payout.id, rightsholderName: s.payees[0].name, amountCents: 34_884n, status: "PENDING", canRetry: false })]);
    expect((await listRunPayouts(analyst, s.run.id, { status: "FAILED" })).payouts).toEqual([]);
    expect((await listRunPayouts(analyst, s.run.id, { status: "nonsense" })).status).toBeNull();

    // The approved previous run, with a refused transfer.
    const failed = await db.payout.create({
      data: { runId: s.previousRun.id, statementId: (await db.statement.findFirstOrThrow({ where: { runId: s.previousRun.id } })).id, rightsholderId: s.payees[2].id,
        amountCents: 100n, idempotencyKey: `payout:${s.previousRun.id}:${s.payees[2].id}`, status: "FAILED", lastError: "No payouts enabled" },
    });
    expect((await listRunPayouts(admin, s.previousRun.id, { status: "FAILED" })).payouts).toEqual([expect.objectContaining({ id: failed.id, canRetry: true, lastError: "No payouts enabled" })]);
    expect((await listRunPayouts(analyst, s.previousRun.id, { status: "FAILED" })).payouts[0]!.canRetry).toBe(false);
  });

  it("pages statements in payee-name order and finds them by name", async () => {
    const first = await listRunStatements(analyst, s.run.id, { limit: 2 });
    expect(first.statements).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listRunStatements(analyst, s.run.id, { limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const names = [...first.statements, ...second.statements].map((r) => r.rightsholderName);
    expect(names).toEqual([s.payees[0].name, s.payees[2].name, s.payees[1].name]); // One, Three, Two

    const found = await listRunStatements(analyst, s.run.id, { search: s.payees[1].name.slice(-12).toUpperCase() });
    expect(found.statements).toEqual([expect.objectContaining({ rightsholderId: s.payees[1].id, allocatedCents: 24_480n, carriedOutCents: 24_480n, heldCents: 30_600n, lines: 1, payoutStatus: null })]);
    const paid = await listRunStatements(analyst, s.run.id, { search: s.payees[0].name });
    expect(paid.statements[0]).toMatchObject({ paidCents: 34_884n, withheldCents: 11_016n, withholdingBps: 2400, payoutStatus: "PENDING" });
    expect((await listRunStatements(analyst, s.run.id, { search: "100%_no such" })).statements).toEqual([]);
    expect((await listRunStatements(analyst, s.run.id, { cursor: "garbage" })).statements).toHaveLength(3);
  });
});

describe("the run's exports", () => {
  it("writes the statements, allocations, payouts and external shares as CSV in cents", async () => {
    const statements = await exportDistributionRunCsv(analyst, s.run.id, "statements");
    expect(statements.fileName).toBe(`distribution-${s.quarter.code}-statements.csv`);
    const rows = await text(statements.lines);
    expect(rows[0]).toBe("statement_id,rightsholder_id,rightsholder,carried_in_cents,allocated_cents,gross_cents,admin_fee_cents,held_cents,withholding_bps,withheld_cents,paid_cents,carried_out_cents,threshold_cents,payout_status,payout_blocked_reason,lines");
    expect(rows.slice(1)).toEqual([
      `${s.statements[0].id},${s.payees[0].id},${s.payees[0].name},0,45900,54000,8100,0,2400,11016,34884,0,25000,PENDING,,1`,
      `${s.statements[2].id},${s.payees[2].id},${s.payees[2].name},5000,15300,18000,2700,0,2400,0,0,20300,25000,,,1`,
      `${s.statements[1].id},${s.payees[1].id},${s.payees[1].name},0,24480,28800,4320,30600,0,0,0,24480,25000,,,1`,
    ]);

    const allocations = await text((await exportDistributionRunCsv(analyst, s.run.id, "allocations")).lines);
    expect(allocations).toHaveLength(9);
    const [first] = await db.allocation.findMany({ where: { runId: s.run.id }, orderBy: { id: "asc" }, take: 1 });
    expect(allocations[1]).toBe(
      `${first!.id},${s.works[0].id},${s.works[0].identifiers[0]!.value},'${s.works[0].title},${s.payees[0].name},LICENSEE,${s.licensees.a.id},${s.licensees.a.name},3,38250,6750,45000,false,`,
    );
    expect(allocations.filter((r) => r.includes(",GENERAL_POOL,,,")).length).toBe(4);
    expect(allocations.filter((r) => r.includes(",true,")).length).toBe(2);

    const payouts = await text((await exportDistributionRunCsv(analyst, s.run.id, "payouts")).lines);
    expect(payouts.slice(1)).toEqual([`${s.payout.id},${s.statements[0].id},${s.payees[0].id},${s.payees[0].name},34884,USD,PENDING,0,acct_console_test,,payout:${s.run.id}:${s.payees[0].id},,`]);

    const external = await text((await exportDistributionRunCsv(analyst, s.run.id, "external-payees")).lines);
    expect(external[0]).toBe("share_id,work_id,identifier,title,work_rightsholder,payee_name,payee_email,share_bps,amount_cents");
    expect(external[1]).toMatch(new RegExp(`^\\d+,${s.works[1].id},${s.works[1].identifiers[0]!.value},${s.works[1].title},${s.payees[1].name},Ext Co-Author,coauthor@example.test,2000,6120$`));
  });

  it("streams a large allocations export in chunks, and frees the connection of an abandoned download", async () => {
    const quarter = await uniquePastQuarter();
    const run = await db.distributionRun.create({ data: { quarter: quarter.code, status: "CALCULATED", calculatedAt: new Date() } });
    // The pool's rows have no licensee, so one work takes them all (NULLs are distinct in the unique key).
    await db.$executeRaw`
      INSERT INTO allocations ("runId", "workId", "licenseeOrganizationId", source, units, "amountCents", "adminFeeCents")
      SELECT ${run.id}::uuid, ${s.works[0].id}, NULL, 'GENERAL_POOL', 1, n, 0 FROM generate_series(1, 30000) n`;
    for (let abandoned = 0; abandoned < 6; abandoned++) {
      const iterator = (await exportDistributionRunCsv(analyst, run.id, "allocations")).lines[Symbol.asyncIterator]();
      await iterator.next();
      expect((await iterator.next()).done).toBe(false);
      await iterator.return!();
    }
    let chunks = 0;
    let rows = 0;
    for await (const chunk of (await exportDistributionRunCsv(analyst, run.id, "allocations")).lines) {
      chunks++;
      rows += chunk.split("\r\n").length - 1;
    }
    expect(rows).toBe(30_001);
    expect(chunks).toBeGreaterThan(2);
  });
});

describe("who may read the console", () => {
  it("lets both staff roles read and refuses organisation members and the anonymous", async () => {
    const reads = [
      (actor: UserActor | null) => listDistributionRuns(actor),
      (actor: UserActor | null) => getDistributionRun(actor, s.run.id),
      (actor: UserActor | null) => listQuartersWithoutRun(actor),
      (actor: UserActor | null) => listRunPayouts(actor, s.run.id),
      (actor: UserActor | null) => listRunStatements(actor, s.run.id),
      (actor: UserActor | null) => reconcileDistributionRun(actor, s.run.id),
      ...RUN_EXPORT_KINDS.map((kind) => (actor: UserActor | null) => exportDistributionRunCsv(actor, s.run.id, kind)),
    ];
    for (const read of reads) {
      await expect(read(admin)).resolves.toBeDefined();
      await expect(read(analyst)).resolves.toBeDefined();
      for (const refused of [rightsholderOwner, licenseeOwner, null]) await expect(read(refused)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
