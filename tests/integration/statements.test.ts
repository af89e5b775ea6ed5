import { describe, expect, it } from "vitest";
import { daysBetween } from "@/lib/licensing/term";
import { adminFee } from "@/lib/money/revenue";
import { db } from "@/server/db";
import { runSettingsFor } from "@/server/distribution/run-settings";
import { projectedPayout } from "@/server/statements/projected-payout";
import { statementLinesPage } from "@/server/statements/statement-lines-page";
import { getStatement, listStatements, statementCharts } from "@/server/statements/statements.queries";
import { actorFor, addMember, createOrganizationWithPeople, createStaffActor } from "../factories";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, markApproved, uniquePastQuarter, uniquePastQuarters } from "../factories/distribution";
import { createStatementRun } from "../factories/statements";
import { createWork } from "../factories/works";

const alloc = (licenseeOrganizationId: string, amountCents: bigint, units = 100n) => ({ licenseeOrganizationId, amountCents, adminFeeCents: amountCents / 5n, units });

describe("statements as the rightsholder sees them", () => {
  it("lists only approved runs' statements, newest first, with totals; drafts and other organisations stay hidden", async () => {
    const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const [w1, w2] = [await createWork(rh.organization.id, { title: "Alpha" }), await createWork(rh.organization.id, { title: "Beta" })];
    const [q1, q2, q3] = await uniquePastQuarters(3);
    const first = await createStatementRun({
      quarter: q1!.code,
      statements: [{ rightsholderId: rh.organization.id, lines: [{ workId: w1.id, allocations: [alloc(licensee.organization.id, 9_000n)] }] }],
    });
    const second = await createStatementRun({
      quarter: q2!.code, status: "PAID",
      statements: [{
        rightsholderId: rh.organization.id, carriedInCents: 9_000n, withholdingBps: 2_400,
        lines: [{ workId: w1.id, title: "Alpha", allocations: [alloc(licensee.organization.id, 12_000n)] }, { workId: w2.id, title: "Beta", allocations: [alloc(licensee.organization.id, 30_000n)] }],
      }],
    });
    const draft = await createStatementRun({
      quarter: q3!.code, status: "CALCULATED",
      statements: [{ rightsholderId: rh.organization.id, lines: [{ workId: w1.id, allocations: [alloc(licensee.organization.id, 1_000n)] }] }],
    });

    const list = await listStatements(rh.member.actor, rh.organization.id);
    expect(list.statements.map((s) => s.run.quarter)).toEqual([q2!.code, q1!.code]);
    expect(list.count).toBe(2);
    expect(list.totals.allocatedCents).toBe(9_000n + 42_000n);
    expect(list.totals.paidCents).toBe(second.statements[0]!.paidCents);
    expect(list.totals.withheldCents).toBe(second.statements[0]!.withheldCents);
    expect(list.statements[0]!._count.lines).toBe(2);

    const view = await getStatement(rh.owner.actor, second.statements[0]!.id);
    expect(view.lines.map((l) => l.title)).toEqual(["Beta", "Alpha"]);
    expect(view.lineTotals.netCents).toBe(view.lines.reduce((sum, l) => sum + l.netCents, 0n));
    expect(view.carriedInCents + view.allocatedCents).toBe(view.paidCents + view.withheldCents + view.carriedOutCents);
    expect(view.withheldOnCarriedInCents).toBe(view.withheldCents - view.lineTotals.withholdingCents);
    expect(view.withheldOnCarriedInCents > 0n).toBe(true);
    expect(view.canDispute).toBe(true);
    expect((await getStatement(rh.member.actor, second.statements[0]!.id)).canDispute).toBe(false);
    expect((await getStatement(rh.owner.actor, second.statements[0]!.id, { sort: "title" })).lines.map((l) => l.title)).toEqual(["Alpha", "Beta"]);
    expect((await getStatement(await createStaffActor("ANALYST"), first.statements[0]!.id)).run.quarter).toBe(q1!.code);

    await expect(getStatement(rh.owner.actor, draft.statements[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStatement(other.owner.actor, second.statements[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStatement(licensee.owner.actor, second.statements[0]!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getStatement(null, second.statements[0]!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getStatement(rh.owner.actor, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listStatements(other.owner.actor, rh.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listStatements(licensee.owner.actor, rh.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listStatements(other.owner.actor, other.organization.id)).count).toBe(0);
  });

  it("pages the lines with keyset cursors both ways, by net and by title", async () => {
    const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const [quarter] = await uniquePastQuarters(1);
    const titles = ["Echo", "Delta", "Alpha", "Charlie", "Bravo"];
    const works = [];
    for (const title of titles) works.push(await createWork(rh.organization.id, { title }));
    const { statements } = await createStatementRun({
      quarter: quarter!.code,
      // Two lines share a net amount, so the id breaks the tie.
      statements: [{ rightsholderId: rh.organization.id, lines: works.map((w, i) => ({ workId: w.id, title: titles[i], allocations: [alloc(licensee.organization.id, [500n, 400n, 400n, 300n, 100n][i]!)] })) }],
    });
    const id = statements[0]!.id;
    const walk = async (sort: "net" | "title") => {
      const seen: string[] = [];
      let page = await statementLinesPage(id, { sort }, 2);
      expect(page.previous).toBeNull();
      seen.push(...page.lines.map((l) => l.title));
      while (page.next) {
        page = await statementLinesPage(id, { sort, after: page.next }, 2);
        seen.push(...page.lines.map((l) => l.title));
      }
      const back = await statementLinesPage(id, { sort, before: page.previous! }, 2);
      return { seen, back: back.lines.map((l) => l.title), backHasPrevious: back.previous !== null };
    };
    const byNet = await walk("net");
    expect(byNet.seen).toEqual(["Echo", "Delta", "Alpha", "Charlie", "Bravo"]);
    expect(byNet.back).toEqual(["Alpha", "Charlie"]);
    expect(byNet.backHasPrevious).toBe(true);
    const byTitle = await walk("title");
    expect(byTitle.seen).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    expect(byTitle.back).toEqual(["Charlie", "Delta"]);
    expect((await statementLinesPage(id, { sort: "net", after: "garbage" }, 2)).lines.map((l) => l.title)).toEqual(["Echo", "Delta"]);
  });
});

describe("a run as the calculation writes it", () => {
  it("shows a calculated, then approved, statement whose lines and charts agree with its figures", async () => {
    const quarter = await uniquePastQuarter();
    const payee = await createPayee({ taxForm: "none" });
    const owner = { actor: await actorFor((await addMember(payee.id, "OWNER")).user.id) };
    const works = [await createWork(payee.id), await createWork(payee.id), await createWork(payee.id)];
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const days = daysBetween(quarter.startsOn, quarter.endsOn);
    await createPaidGrant(licensee.organization.id, { startsOn: quarter.startsOn, termDays: days, feeCents: 100_001n });
    await createEligibleUsage(licensee.organization.id, quarter.code, works.map((w, i) => ({ workId: w.id, units: BigInt(100 * (i + 1)), purpose: i === 0 ? "RAG" as const : "TRAIN" as const })));
    const run = await calculatedRun(quarter);
    const [statement] = await db.statement.findMany({ where: { runId: run.id, rightsholderId: payee.id } });
    await expect(getStatement(owner.actor, statement!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markApproved(run.id);

    const view = await getStatement(owner.actor, statement!.id);
    expect(view.lines).toHaveLength(3);
    expect(view.lineTotals.grossCents).toBe(view.grossCents);
    expect(view.lineTotals.adminFeeShareCents).toBe(view.adminFeeCents);
    expect(view.lineTotals.grossCents - view.lineTotals.adminFeeShareCents).toBe(view.allocatedCents);
    expect(view.lineTotals.netCents + view.lineTotals.withholdingCents).toBe(view.allocatedCents);
    expect(view.withheldOnCarriedInCents).toBeGreaterThanOrEqual(0n);
    const charts = await statementCharts(owner.actor, payee.id);
    expect(charts.totalCents).toBe(view.allocatedCents);
    for (const bars of [charts.byPurpose, charts.byIndustry]) expect(bars.reduce((sum, b) => sum + b.cents, 0n)).toBe(view.allocatedCents);
    expect(charts.byPurpose.map((b) => b.key).sort()).toEqual(["RAG", "TRAIN"]);
  });
});

describe("statement charts", () => {
  it("splits royalties by quarter, purpose and licensee industry to the cent, and ranks the top works", async () => {
    const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
    const tech = await createOrganizationWithPeople("LICENSEE");
    const media = await createOrganizationWithPeople("LICENSEE");
    await db.licenseeProfile.update({ where: { organizationId: tech.organization.id }, data: { industryGroup: "TECHNOLOGY" } });
    await db.licenseeProfile.update({ where: { organizationId: media.organization.id }, data: { industryGroup: "MEDIA_PUBLISHING" } });
    const [w1, w2] = [await createWork(rh.organization.id, { title: "Most used" }), await createWork(rh.organization.id, { title: "Less used" })];
    const [q1, q2] = await uniquePastQuarters(2);
    await createEligibleUsage(tech.organization.id, q1!.code, [{ workId: w1.id, units: 300n, purpose: "TRAIN" }, { workId: w1.id, units: 100n, purpose: "RAG" }, { workId: w2.id, units: 50n, purpose: "TRAIN" }]);
    await createEligibleUsage(media.organization.id, q1!.code, [{ workId: w1.id, units: 200n, purpose: "FINE_TUNE" }]);
    await createStatementRun({
      quarter: q1!.code,
      statements: [{
        rightsholderId: rh.organization.id,
        lines: [
          { workId: w1.id, title: "Most used", allocations: [alloc(tech.organization.id, 8_000n, 400n), alloc(media.organization.id, 4_000n, 200n), { source: "GENERAL_POOL", amountCents: 1_000n, adminFeeCents: 150n, units: 600n }] },
          { workId: w2.id, title: "Less used", allocations: [alloc(tech.organization.id, 2_000n, 50n), { source: "RELEASED", amountCents: 500n, adminFeeCents: 0n }] },
        ],
      }],
    });
    await createStatementRun({
      quarter: q2!.code,
      statements: [{ rightsholderId: rh.organization.id, carriedInCents: 15_500n, thresholdCents: 5_000n, lines: [{ workId: w2.id, title: "Less used", allocations: [alloc(tech.organization.id, 700n, 10n)] }] }],
    });

    const charts = await statementCharts(rh.member.actor, rh.organization.id);
    expect(charts.byQuarter).toEqual([
      { quarter: q1!.code, allocatedCents: 15_500n, paidCents: 0n },
      { quarter: q2!.code, allocatedCents: 700n, paidCents: 16_200n },
    ]);
    expect(charts.totalCents).toBe(16_200n);
    // The q2 run has no usage on file for its licensee allocation: it is shown as not attributed.
    const purposes = Object.fromEntries(charts.byPurpose.map((b) => [b.key, b.cents]));
    expect(purposes).toEqual({ TRAIN: 8_500n, FINE_TUNE: 4_333n, RAG: 2_167n, RELEASED: 500n, UNATTRIBUTED: 700n });
    const industries = Object.fromEntries(charts.byIndustry.map((b) => [b.label, b.cents]));
    expect(industries).toEqual({ "Technology and software": 10_700n, "Media and publishing": 4_000n, "General pool": 1_000n, Released: 500n });
    for (const bars of [charts.byPurpose, charts.byIndustry]) expect(bars.reduce((sum, b) => sum + b.cents, 0n)).toBe(charts.totalCents);
    expect(charts.topWorks.map((w) => [w.title, w.allocatedCents])).toEqual([["Most used", 13_000n], ["Less used", 3_200n]]);

    const empty = await createOrganizationWithPeople("RIGHTSHOLDER");
    expect(await statementCharts(empty.owner.actor, empty.organization.id)).toMatchObject({ byQuarter: [], byPurpose: [], topWorks: [] });
    await expect(statementCharts(empty.owner.actor, rh.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("projected payout", () => {
  it("adds the rightsholder's share of the last run, applied to this quarter's net revenue, to the balance carried now", async () => {
    const a = await createOrganizationWithPeople("RIGHTSHOLDER");
    const b = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const [last, current] = await uniquePastQuarters(2);
    const [wa, wb] = [await createWork(a.organization.id), await createWork(b.organization.id)];
    await createStatementRun({
      quarter: last!.code,
      statements: [
        { rightsholderId: a.organization.id, thresholdCents: 25_000n, lines: [{ workId: wa.id, allocations: [alloc(licensee.organization.id, 7_500n)] }] },
        { rightsholderId: b.organization.id, lines: [{ workId: wb.id, allocations: [alloc(licensee.organization.id, 2_500n)] }] },
      ],
    });
    const feeCents = 1_000_003n;
    await createPaidGrant(licensee.organization.id, { startsOn: current!.startsOn, termDays: daysBetween(current!.startsOn, current!.endsOn), feeCents });
    const settings = await runSettingsFor(current!);
    const net = feeCents - adminFee(feeCents, settings.adminFeeBps);
    const today = new Date(Date.parse(`${current!.startsOn}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);

    const projection = await projectedPayout(a.member.actor, a.organization.id, { today });
    const estimate = (net * 7_500n) / 10_000n;
    expect(projection).toMatchObject({
      quarter: current!.code, carriedCents: 7_500n, carriedFromQuarter: last!.code, basedOnQuarter: last!.code, estimateCents: estimate,
      projectedBalanceCents: 7_500n + estimate, thresholdCents: settings.thresholdAppliedCents, isYearEnd: settings.isYearEnd, isPreviousQuarterPending: false,
    });
    const threshold = settings.thresholdAppliedCents;
    expect(projection.carriedShortfallCents).toBe(threshold > 7_500n ? threshold - 7_500n : 0n);
    expect(projection.wouldBePaid).toBe(7_500n + estimate >= threshold);

    const later = new Date(Date.parse(`${current!.endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await projectedPayout(a.owner.actor, a.organization.id, { today: later })).isPreviousQuarterPending).toBe(true);
    const newcomer = await createOrganizationWithPeople("RIGHTSHOLDER");
    expect(await projectedPayout(newcomer.owner.actor, newcomer.organization.id, { today })).toMatchObject({ carriedCents: 0n, estimateCents: 0n, carriedFromQuarter: null });
    await expect(projectedPayout(b.owner.actor, a.organization.id, { today })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
