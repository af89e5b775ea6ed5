// A distribution run's calculation on hand-worked quarters (shared/DOMAIN.md, Money rules): each
// figure below is worked out in the comments, and the run's rows must hold exactly those cents.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createWork } from "../factories/works";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, uniquePastQuarter, uniquePastQuarters } from "../factories/distribution";
import { createOrganization } from "../factories/index";

const daysIn = (q: { startsOn: string; endsOn: string }) => (Date.parse(q.endsOn) - Date.parse(q.startsOn)) / 86_400_000;

async function statementOf(runId: string, rightsholderId: string) {
  return db.statement.findUnique({ where: { runId_rightsholderId: { runId, rightsholderId } }, include: { lines: { orderBy: { workId: "asc" } } } });
}

describe("calculating a distribution run", () => {
  it("follows each licensee's money to its usage and the general pool to everyone's, to the cent", async () => {
    const quarter = await uniquePastQuarter();
    const p1 = await createPayee({ taxForm: "W9" });
    const p2 = await createPayee({ taxForm: "none", domestic: false });
    const w1 = await createWork(p1.id);
    const w2 = await createWork(p2.id);
    const a = await createOrganization("LICENSEE");
    const b = await createOrganization("LICENSEE");
    // Terms wholly inside the quarter recognise their whole fee in it.
    await createPaidGrant(a.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents: 100_000n });
    await createPaidGrant(b.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents: 20_000n });
    await createEligibleUsage(a.id, quarter.code, [{ workId: w1.id, units: 1000n }, { workId: w2.id, units: 2000n }]);

    const run = await calculatedRun(quarter);
    expect(run.status).toBe("CALCULATED");
    // Fees 15 %: 15,000 + 3,000. A's net 85,000 over 1:2 → 28,333.33 / 56,666.67: the cent left
    // goes to the larger remainder (w2). B reported nothing: its 17,000 is the pool, over all
    // usage 1:2 → 5,666.67 / 11,333.33: the cent goes to w1.
    expect(run.recognisedCents).toBe(120_000n);
    expect(run.adminFeeCents).toBe(18_000n);
    expect(run.allocatedCents).toBe(102_000n);
    expect(run.heldOutCents).toBe(0n);
    const allocations = await db.allocation.findMany({ where: { runId: run.id }, orderBy: [{ source: "asc" }, { workId: "asc" }] });
    expect(allocations.map((x) => [x.source, x.workId, x.amountCents, x.adminFeeCents])).toEqual([
      ["LICENSEE", w1.id, 28_333n, 5_000n],
      ["LICENSEE", w2.id, 56_667n, 10_000n],
      ["GENERAL_POOL", w1.id, 5_667n, 1_000n],
      ["GENERAL_POOL", w2.id, 11_333n, 2_000n],
    ]);
    const revenues = await db.grantRevenue.findMany({ where: { runId: run.id }, orderBy: { recognisedCents: "asc" } });
    expect(revenues.map((r) => [r.organizationId, r.recognisedCents, r.adminFeeCents, r.netCents, r.toGeneralPool])).toEqual([
      [b.id, 20_000n, 3_000n, 17_000n, true],
      [a.id, 100_000n, 15_000n, 85_000n, false],
    ]);

    // P1 (W9 on file): 34,000 ≥ 25,000, paid whole. P2 (foreign, no form): 68,000, 30 % withheld.
    const s1 = (await statementOf(run.id, p1.id))!;
    expect([s1.allocatedCents, s1.grossCents, s1.adminFeeCents, s1.withheldCents, s1.paidCents, s1.carriedOutCents, s1.thresholdCents])
      .toEqual([34_000n, 40_000n, 6_000n, 0n, 34_000n, 0n, 25_000n]);
    expect(s1.lines.map((l) => [l.workId, l.units, l.licenseesCounted, l.grossCents, l.adminFeeShareCents, l.withholdingCents, l.netCents, l.title]))
      .toEqual([[w1.id, 1000n, 1, 40_000n, 6_000n, 0n, 34_000n, w1.title]]);
    expect(s1.lines[0]!.identifier).toBe(w1.identifiers[0]!.value);
    const s2 = (await statementOf(run.id, p2.id))!;
    expect([s2.allocatedCents, s2.withheldCents, s2.paidCents, s2.carriedOutCents, s2.withholdingBps]).toEqual([68_000n, 20_400n, 47_600n, 0n, 3_000]);
    expect(s2.lines.map((l) => [l.grossCents, l.withholdingCents, l.netCents])).toEqual([[80_000n, 20_400n, 47_600n]]);

    const payouts = await db.payout.findMany({ where: { runId: run.id, rightsholderId: { in: [p1.id, p2.id] } }, orderBy: { amountCents: "asc" } });
    expect(payouts.map((p) => [p.rightsholderId, p.amountCents, p.status, p.idempotencyKey])).toEqual([
      [p1.id, 34_000n, "PENDING", `payout:${run.id}:${p1.id}`],
      [p2.id, 47_600n, "PENDING", `payout:${run.id}:${p2.id}`],
    ]);
    // The payees' ledger in total (other tests' payees may carry balances into any quarter).
    expect(run.carriedInCents + run.allocatedCents - run.externalCents - run.disputeHeldCents).toBe(run.paidCents + run.withheldCents + run.carriedOutCents);
    expect(run.settingsSnapshot).toMatchObject({ adminFeeBps: 1500, thresholdAppliedCents: "25000", isYearEnd: quarter.q === 2 });
  });

  it("splits a co-owned work's money over its owners by largest remainder, external payee included", async () => {
    const quarter = await uniquePastQuarter();
    const a = await createPayee();
    const b = await createPayee();
    const work = await createWork(a.id);
    await db.workCoOwner.createMany({ data: [
      { workId: work.id, organizationId: a.id, shareBps: 3_334 },
      { workId: work.id, organizationId: b.id, shareBps: 3_333 },
      { workId: work.id, externalPayeeName: "Jo Translator", externalPayeeEmail: "jo@example.test", shareBps: 3_333 },
    ] });
    const licensee = await createOrganization("LICENSEE");
    await createPaidGrant(licensee.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents: 10_000n });
    await createEligibleUsage(licensee.id, quarter.code, [{ workId: work.id, units: 9n }]);
    const run = await calculatedRun(quarter);
    // Net 8,500: 2,833.9 / 2,833.05 / 2,833.05 → floors leave 1 cent, to the largest remainder (A).
    // Fee 1,500: 500.1 / 499.95 / 499.95 → 2 cents left, one each to B and the external payee.
    const sa = (await statementOf(run.id, a.id))!;
    const sb = (await statementOf(run.id, b.id))!;
    expect([sa.allocatedCents, sa.adminFeeCents, sa.lines[0]!.shareBps]).toEqual([2_834n, 500n, 3_334]);
    expect([sb.allocatedCents, sb.adminFeeCents, sb.lines[0]!.shareBps]).toEqual([2_833n, 500n, 3_333]);
    const external = await db.externalPayeeShare.findMany({ where: { runId: run.id, workId: work.id } });
    expect(external.map((e) => [e.payeeName, e.shareBps, e.amountCents])).toEqual([["Jo Translator", 3_333, 2_833n]]);
    expect(run.externalCents).toBe(2_833n);
    // Under either threshold (250.00, or 50.00 at year end), both carry their balance.
    expect([sa.paidCents, sa.carriedOutCents, sb.carriedOutCents]).toEqual([0n, 2_834n, 2_833n]);
  });

  it("recognises a refunded grant's fee less the refund, spread from the refund day on", async () => {
    // A term over three quarters at 1,000 cents a day; 10 days into the middle quarter 50,000
    // is refunded. By then the grant had recognised 1,000 a day; what is left to recognise,
    // F − C(r) − R, is spread over the days left (decision 015), so the middle quarter takes its
    // first 10 days at 1,000 and the rest at the lower rate.
    const [q0, q1, q2] = await uniquePastQuarters(3);
    const D = daysIn(q0!) + daysIn(q1!) + daysIn(q2!);
    const F = BigInt(D) * 1_000n;
    const payee = await createPayee();
    const work = await createWork(payee.id);
    const licensee = await createOrganization("LICENSEE");
    const grant = await createPaidGrant(licensee.id, { startsOn: q0!.startsOn, termDays: D, feeCents: F });
    const payment = await db.payment.findFirstOrThrow({ where: { grantId: grant.id } });
    const r = daysIn(q0!) + 10;
    const refundOn = new Date(Date.parse(q0!.startsOn) + r * 86_400_000);
    await db.refund.create({ data: { paymentId: payment.id, grantId: grant.id, amountCents: 50_000n, effectiveOn: refundOn, reason: "Seats reduced" } });
    await createEligibleUsage(licensee.id, q1!.code, [{ workId: work.id, units: 1n }]);
    const run = await calculatedRun(q1!);
    const left = F - BigInt(r) * 1_000n - 50_000n;
    const dEnd = BigInt(daysIn(q0!) + daysIn(q1!));
    const expected = 10n * 1_000n + (left * (dEnd - BigInt(r))) / BigInt(D - r);
    const revenue = await db.grantRevenue.findUniqueOrThrow({ where: { runId_grantId: { runId: run.id, grantId: grant.id } } });
    expect(revenue.recognisedCents).toBe(expected);
    expect(revenue.adminFeeCents).toBe((expected * 1_500n + 5_000n) / 10_000n);
    expect((await statementOf(run.id, payee.id))!.allocatedCents).toBe(revenue.netCents);
  });
});

// A small deterministic generator, so a failing scenario can be re-run as it was.
function prng(seed: number) {
  let s = seed >>> 0;
  return (max: number) => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s % max;
  };
}

describe("the run's SQL against the pure money rules", () => {
  for (const seed of [11, 29]) {
    it(`agrees with src/lib/money to the cent on a generated quarter (seed ${seed})`, async () => {
      const random = prng(seed);
      // The middle of three quarters: grants start in the first and end in the third, so the
      // run recognises only part of each fee.
      const [, q] = await uniquePastQuarters(3);
      const quarter = q!;
      const payees = [await createPayee(), await createPayee({ taxForm: "none" }), await createPayee({ taxForm: "none", domestic: false }), await createPayee({ account: false })];
      const works = [];
      for (let i = 0; i < 8; i++) works.push(await createWork(payees[i % payees.length]!.id));
      // Work 0 is shared: its rightsholder 50 %, payee 2 30 %, an external payee 20 %.
      await db.workCoOwner.createMany({ data: [
        { workId: works[0]!.id, organizationId: payees[0]!.id, shareBps: 5_000 },
        { workId: works[0]!.id, organizationId: payees[2]!.id, shareBps: 3_000 },
        { workId: works[0]!.id, externalPayeeName: "Ext Payee", externalPayeeEmail: "ext@example.test", shareBps: 2_000 },
      ] });
      const licensees = [];
      for (let i = 0; i < 4; i++) {
        const org = await createOrganization("LICENSEE");
        const startsOn = new Date(Date.parse(quarter.startsOn) - (10 + random(60)) * 86_400_000).toISOString().slice(0, 10);
        const grant = await createPaidGrant(org.id, { startsOn, termDays: 120 + random(60), feeCents: BigInt(50_000 + random(5_000_000)) });
        const usage = i === 3 ? [] : works.filter(() => random(3) > 0).map((w) => ({ workId: w.id, units: BigInt(1 + random(1_000_000)) }));
        if (usage.length > 0) await createEligibleUsage(org.id, quarter.code, usage);
        licensees.push({ org, grant, usage });
      }

      const run = await calculatedRun(quarter);

      const { adminFee, recognisedInQuarter } = await import("@/lib/money/revenue");
      const { allocateQuarter, splitOverCoOwners } = await import("@/lib/money/allocate");
      const { settlePayee } = await import("@/lib/money/payouts");
      const input = licensees.map(({ org, grant, usage }) => {
        const recognised = recognisedInQuarter({ feeCents: grant.feeCents, startsOn: grant.startsOn!.toISOString().slice(0, 10), termDays: grant.termDays!, refunds: [] }, quarter);
        return { licenseeId: org.id, netCents: recognised - adminFee(recognised, 1500), usage };
      });
      const expected = allocateQuarter(input, 0n);
      const actual = await db.allocation.findMany({ where: { runId: run.id }, select: { workId: true, source: true, licenseeOrganizationId: true, amountCents: true } });
      const key = (a: { workId: number; source: string; licenseeId?: string | null; licenseeOrganizationId?: string | null }) => `${a.source === "POOL" ? "GENERAL_POOL" : a.source}|${a.workId}|${a.licenseeId ?? a.licenseeOrganizationId ?? ""}`;
      const actualByKey = new Map(actual.filter((a) => a.amountCents > 0n).map((a) => [key(a), a.amountCents]));
      expect(actualByKey).toEqual(new Map(expected.allocations.map((a) => [key(a), a.cents])));

      const perWork = new Map<number, bigint>();
      for (const a of expected.allocations) perWork.set(a.workId, (perWork.get(a.workId) ?? 0n) + a.cents);
      const perPayee = new Map<string, bigint>();
      const coOwners = await db.workCoOwner.findMany({ where: { workId: works[0]!.id } });
      for (const [workId, cents] of perWork) {
        if (workId === works[0]!.id) {
          for (const [id, share] of splitOverCoOwners(cents, coOwners.map((c) => ({ id: c.id, shareBps: c.shareBps })))) {
            const owner = coOwners.find((c) => c.id === id)!.organizationId;
            if (owner) perPayee.set(owner, (perPayee.get(owner) ?? 0n) + share);
          }
        } else {
          const owner = works.find((w) => w.id === workId)!.rightsholderId;
          perPayee.set(owner, (perPayee.get(owner) ?? 0n) + cents);
        }
      }
      for (const [index, payee] of payees.entries()) {
        const statement = await db.statement.findUnique({ where: { runId_rightsholderId: { runId: run.id, rightsholderId: payee.id } } });
        const allocated = perPayee.get(payee.id) ?? 0n;
        const settled = settlePayee({ carriedInCents: 0n, allocatedCents: allocated, taxFormValid: index === 0 || index === 3, isDomestic: index !== 2 }, quarter);
        const blocked = index === 3 && settled.paidCents > 0n;
        expect(statement ? [statement.allocatedCents, statement.withheldCents, statement.paidCents, statement.carriedOutCents] : [0n, 0n, 0n, 0n])
          .toEqual(blocked ? [allocated, 0n, 0n, allocated] : [allocated, settled.withheldCents, settled.paidCents, settled.carriedOutCents]);
      }
      const external = await db.externalPayeeShare.findMany({ where: { runId: run.id } });
      expect(external.map((e) => e.payeeEmail)).toEqual(perWork.has(works[0]!.id) ? ["ext@example.test"] : []);
      // The quarter's money, to the cent: recognised = fees + allocated + held.
      expect(run.recognisedCents + run.heldInCents + run.releasedCents).toBe(run.adminFeeCents + run.allocatedCents + run.heldOutCents);
      expect(run.carriedInCents + run.allocatedCents - run.externalCents - run.disputeHeldCents).toBe(run.paidCents + run.withheldCents + run.carriedOutCents);
    });
  }
});
