import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { INDUSTRY_GROUPS, INDUSTRY_LABELS } from "@/lib/pricing/price-license";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { OPEN_LINE_SQL } from "../usage/usage-queue-sql";

// The staff home page: headline figures and the queues that wait for someone, each counted in
// SQL through an index (the statuses that wait are few among many rows: partial or status
// indexes), so the page stays fast however large the repertoire and usage grow. The charts'
// figures are in revenue-by-quarter.queries.ts and works-enrolled.queries.ts.

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export type StaffQueue = { key: string; label: string; count: number; href: string; hint?: string };

/** Headline figures and every queue, each with the page that works it. `today` is for tests. */
export async function getStaffOverview(actor: Actor | null, options: { today?: string } = {}) {
  authorize(can.readStaffArea(actor));
  const today = at(options.today ?? todayUtc());
  const inForce = { status: "ACTIVE" as const, startsOn: { lte: today }, endsOn: { gt: today } };
  const [licensees, rightsholders, activeGrants, upcomingGrants, pendingApprovals, openDisputes, unmatched, failedJobs, mail, runsToApprove] = await Promise.all([
    db.organization.count({ where: { kind: "LICENSEE" } }),
    db.organization.count({ where: { kind: "RIGHTSHOLDER" } }),
    db.licenseGrant.count({ where: inForce }),
    db.licenseGrant.count({ where: { status: "ACTIVE", startsOn: { gt: today } } }),
    db.rightsholderProfile.count({ where: { status: "PENDING_APPROVAL" } }),
    db.dispute.count({ where: { status: "OPEN" } }),
    // The usage queue's own rule for an open line (usage-queue-sql.ts), found through usage_lines_open_idx.
    db.$queryRaw<{ lines: number }[]>(Prisma.sql`SELECT count(*)::int AS lines FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId" WHERE ${OPEN_LINE_SQL}`),
    db.job.count({ where: { status: "FAILED" } }),
    db.mailMessage.groupBy({ by: ["status"], where: { status: { in: ["QUEUED", "FAILED"] } }, _count: { _all: true } }),
    db.distributionRun.count({ where: { status: "CALCULATED" } }),
  ]);
  const mailCount = (status: string) => mail.find((m) => m.status === status)?._count._all ?? 0;
  const failedMail = mailCount("FAILED");
  const queuedMail = mailCount("QUEUED");
  const queues: StaffQueue[] = [
    { key: "approvals", label: "Rightsholders awaiting approval", count: pendingApprovals, href: "/staff/rightsholders" },
    { key: "disputes", label: "Open disputes", count: openDisputes, href: "/staff/disputes" },
    { key: "usage", label: "Unmatched usage lines", count: unmatched[0]?.lines ?? 0, href: "/staff/usage", hint: "Unmatched or ambiguous, in current reports" },
    { key: "jobs", label: "Failed jobs", count: failedJobs, href: "/staff/jobs?status=FAILED" },
    { key: "mail", label: "Mail not sent", count: failedMail + queuedMail, href: failedMail > 0 ? "/staff/outbox?status=FAILED" : "/staff/outbox?status=QUEUED", hint: `${failedMail} failed, ${queuedMail} waiting` },
    { key: "runs", label: "Distribution runs to approve", count: runsToApprove, href: "/staff/distributions", hint: "Calculated, waiting for an administrator" },
  ];
  return { licensees, rightsholders, activeGrants, upcomingGrants, queues };
}

/** Licenses in force today by the licensee's industry group (as quoted on the grant), every group listed. */
export async function getLicensesByIndustry(actor: Actor | null, options: { today?: string } = {}) {
  authorize(can.readStaffArea(actor));
  const today = at(options.today ?? todayUtc());
  const rows = await db.licenseGrant.groupBy({
    by: ["quotedIndustryGroup"],
    where: { status: "ACTIVE", startsOn: { lte: today }, endsOn: { gt: today } },
    _count: { _all: true },
  });
  return INDUSTRY_GROUPS.map((group) => ({ key: group, label: INDUSTRY_LABELS[group], count: rows.find((r) => r.quotedIndustryGroup === group)?._count._all ?? 0 }));
}
