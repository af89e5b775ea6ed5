import { describe, expect, it } from "vitest";
import { recognisedInQuarter } from "@/lib/money/revenue";
import type { Quarter } from "@/lib/usage/quarters";
import { db } from "@/server/db";
import { getLicensesByIndustry, getStaffOverview } from "@/server/staff/dashboard.queries";
import { getRevenueByQuarter } from "@/server/staff/revenue-by-quarter.queries";
import { getWorksEnrolled } from "@/server/staff/works-enrolled.queries";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";
import { createPaidGrant, markApproved, uniquePastQuarters } from "../factories/distribution";
import { createActiveGrant } from "../factories/licensing";
import { ensureLicensePlan } from "../factories/pricing";
import { createUsageReport, uniqueTitle } from "../factories/usage";
import { createWork } from "../factories/works";

// Every test file shares the database, so figures are checked where only this file has rows: quarters
// of its own (2000–2019, from the counter), and days in 2091, long after anything else any test writes.

const SETTINGS = { adminFeeBps: 1500 };

describe("the staff dashboard", () => {
  it("shows revenue by quarter: approved runs' figures, calculated runs awaiting approval, and estimates from the grants", async () => {
    const analyst = await createStaffActor("ANALYST");
    await ensureLicensePlan();
    const [q1, q2, q3] = (await uniquePastQuarters(3)) as [Quarter, Quarter, Quarter];
    const licensee = await createOrganization("LICENSEE");
    const inQ1 = await createPaidGrant(licensee.id, { startsOn: q1.startsOn, termDays: 30, feeCents: 100_000n });
    const inQ2 = await createPaidGrant(licensee.id, { startsOn: q2.startsOn, termDays: 30, feeCents: 90_000n });
    const inQ3 = await createPaidGrant(licensee.id, { startsOn: q3.startsOn, termDays: 30, feeCents: 55_000n });
    // The runs' figures are deliberately not what the grants would give today: the page must show the runs'.
    const approved = await db.distributionRun.create({ data: { quarter: q1.code, status: "CALCULATED", settingsSnapshot: SETTINGS, calculatedAt: new Date() } });
    await db.grantRevenue.create({ data: { runId: approved.id, grantId: inQ1.id, organizationId: licensee.id, recognisedCents: 120_000n, adminFeeCents: 18_000n, netCents: 102_000n } });
    await markApproved(approved.id);
    const calculated = await db.distributionRun.create({ data: { quarter: q3.code, status: "CALCULATED", settingsSnapshot: SETTINGS, calculatedAt: new Date() } });
    await db.grantRevenue.create({ data: { runId: calculated.id, grantId: inQ3.id, organizationId: licensee.id, recognisedCents: 50_000n, adminFeeCents: 7_500n, netCents: 42_500n } });
    // A refund recorded since lowers the estimate from its day on, by the runs' rule.
    const payment = await db.payment.findFirstOrThrow({ where: { grantId: inQ2.id } });
    await db.refund.create({ data: { paymentId: payment.id, grantId: inQ2.id, amountCents: 30_000n, effectiveOn: new Date(`${q2.startsOn}T00:00:00Z`), reason: "Test refund" } });

    const quarters = await getRevenueByQuarter(analyst, { today: q3.startsOn });
    // Eight quarters up to today's; the tests' own quarters start in 2000Q1, before which there are none.
    expect(quarters).toHaveLength(Math.min(8, (q3.year - 2000) * 4 + q3.q));
    expect(quarters.map((q) => q.quarter).slice(-3)).toEqual([q1.code, q2.code, q3.code]);
    expect(quarters.slice(-3)).toMatchObject([
      { quarter: q1.code, recognisedCents: 120_000n, source: "APPROVED_RUN", runId: approved.id, isInProgress: false },
      { quarter: q2.code, recognisedCents: 60_000n, source: "ESTIMATE", runId: null, isInProgress: false },
      { quarter: q3.code, recognisedCents: 50_000n, source: "CALCULATED_RUN", runId: calculated.id, isInProgress: true },
    ]);
    expect(recognisedInQuarter({ feeCents: 90_000n, startsOn: q2.startsOn, termDays: 30, refunds: [{ amountCents: 30_000n, effectiveOn: q2.startsOn }] }, q2)).toBe(60_000n);
  });

  it("counts licenses in force and by industry, and works enrolled by month and this quarter", async () => {
    const admin = await createStaffActor("ADMIN");
    // Grants in years no other test uses: the access matrix, running beside this file, makes licenses that run to 2099.
    const a = await createOrganization("LICENSEE");
    const b = await createOrganization("LICENSEE");
    await createActiveGrant(a.id, { startsOn: "2291-01-10", endsOn: "2292-01-10" });
    const tech = await createActiveGrant(b.id, { startsOn: "2291-02-01", endsOn: "2292-02-01" });
    await db.licenseGrant.update({ where: { id: tech.id }, data: { quotedIndustryGroup: "TECHNOLOGY" } });
    await createActiveGrant(b.id, { startsOn: "2292-02-01", endsOn: "2293-02-01" });
    const ended = await createActiveGrant(a.id, { startsOn: "2290-01-10", endsOn: "2291-01-10" });
    await db.licenseGrant.update({ where: { id: ended.id }, data: { status: "EXPIRED" } });

    const overview = await getStaffOverview(admin, { today: "2291-05-01" });
    expect(overview).toMatchObject({ activeGrants: 2, upcomingGrants: 1 });
    const industries = await getLicensesByIndustry(admin, { today: "2291-05-01" });
    expect(industries).toHaveLength(8);
    expect(industries.filter((i) => i.count > 0)).toEqual([{ key: "TECHNOLOGY", label: "Technology and software", count: 1 }, { key: "OTHER", label: "Other industries", count: 1 }]);

    const rightsholder = await createOrganization("RIGHTSHOLDER");
    const days = ["2091-03-10", "2091-03-20", "2091-03-31", "2091-04-02", "2091-04-30", "2090-12-31"];
    for (const day of days) {
      const work = await createWork(rightsholder.id);
      await db.work.update({ where: { id: work.id }, data: { createdAt: new Date(`${day}T12:00:00Z`), ...(day === "2091-04-30" ? { status: "SUSPENDED" } : {}) } });
    }
    const works = await getWorksEnrolled(admin, { today: "2091-05-01" });
    expect(works).toMatchObject({ isEstimate: false, thisQuarter: 2, quarter: "2091Q2" });
    expect(works.enrolled).toBeGreaterThanOrEqual(5);
    expect(works.months).toHaveLength(12);
    expect(works.months.slice(-5)).toEqual([
      { month: "2091-01", label: "Jan 2091", count: 0 },
      { month: "2091-02", label: "Feb 2091", count: 0 },
      { month: "2091-03", label: "Mar 2091", count: 3 },
      { month: "2091-04", label: "Apr 2091", count: 2 },
      { month: "2091-05", label: "May 2091", count: 0 },
    ]);
    expect(works.months[6]).toEqual({ month: "2090-12", label: "Dec 2090", count: 1 });
  });

  it("estimates from the planner's statistics above the exact limit, and says so", async () => {
    const admin = await createStaffActor("ADMIN");
    await createWork((await createOrganization("RIGHTSHOLDER")).id);
    await db.$executeRaw`ANALYZE works`;
    const works = await getWorksEnrolled(admin, { today: "2091-05-01", exactBelow: 0 });
    expect(works.isEstimate).toBe(true);
    expect(works.enrolled).toBeGreaterThan(0);
    expect(works.months).toHaveLength(12);
    for (const month of works.months) expect(Number.isInteger(month.count) && month.count >= 0).toBe(true);
  });

  it("lists every queue with its count and the page that works it", async () => {
    const analyst = await createStaffActor("ANALYST");
    const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "PENDING_APPROVAL", submittedAt: new Date() } });
    const work = await createWork(rightsholder.organization.id);
    await db.dispute.create({ data: { origin: "ENROLLMENT", workId: work.id, claimantOrgId: rightsholder.organization.id, reason: "Dashboard test claim" } });
    const licensee = await createOrganization("LICENSEE");
    await createUsageReport(licensee.id, { lines: [{ title: uniqueTitle("Dashboard unmatched"), year: 2001 }, { title: uniqueTitle("Dashboard unmatched"), matchStatus: "AMBIGUOUS" }] });
    await db.job.create({ data: { name: "test.dashboard", status: "FAILED", lastError: "boom", finishedAt: new Date() } });
    await db.mailMessage.create({ data: { to: "dashboard@example.test", subject: "Dashboard", text: "x", template: "test", status: "FAILED", lastError: "SMTP refused" } });
    const [quarter] = await uniquePastQuarters(1);
    await db.distributionRun.create({ data: { quarter: quarter!.code, status: "CALCULATED", settingsSnapshot: SETTINGS, calculatedAt: new Date() } });

    const { queues } = await getStaffOverview(analyst);
    expect(queues.map((q) => [q.key, q.href])).toEqual([
      ["approvals", "/staff/rightsholders"], ["disputes", "/staff/disputes"], ["usage", "/staff/usage"],
      ["jobs", "/staff/jobs?status=FAILED"], ["mail", "/staff/outbox?status=FAILED"], ["runs", "/staff/distributions"],
    ]);
    const count = (key: string) => queues.find((q) => q.key === key)!.count;
    // Other files add to the same queues: at least this file's rows are counted.
    expect(count("approvals")).toBeGreaterThanOrEqual(1);
    expect(count("disputes")).toBeGreaterThanOrEqual(1);
    expect(count("usage")).toBeGreaterThanOrEqual(2);
    expect(count("jobs")).toBeGreaterThanOrEqual(1);
    expect(count("mail")).toBeGreaterThanOrEqual(1);
    expect(count("runs")).toBeGreaterThanOrEqual(1);
    expect(queues.find((q) => q.key === "mail")!.hint).toMatch(/^\d+ failed, \d+ waiting$/);
  });

  it("is for staff only", async () => {
    const people = await createOrganizationWithPeople("LICENSEE");
    for (const actor of [people.owner.actor, people.member.actor, (await createOrganizationWithPeople("RIGHTSHOLDER")).owner.actor, null]) {
      await expect(getStaffOverview(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getRevenueByQuarter(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getWorksEnrolled(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getLicensesByIndustry(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
