import { describe, expect, it } from "vitest";
import type { GrantStatus, UsageReportStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { runUsageReminders } from "@/server/usage/run-usage-reminders";
import { addMember, createOrganizationWithPeople, mailsTo } from "../factories";
import { createActiveGrant } from "../factories/licensing";

// Each test lives in its own far-off year: no other test file's grants (dated near today) are in
// force then, and the tests of this file do not remind each other's licensees.

type GrantSpec = { startsOn: string; endsOn: string; status?: GrantStatus; revokedOn?: string };
type ReportSpec = { quarter: string; status: UsageReportStatus; isAdjustment?: boolean };

async function licensee(grants: GrantSpec[], reports: ReportSpec[] = []) {
  const people = await createOrganizationWithPeople("LICENSEE");
  const organizationId = people.organization.id;
  for (const spec of grants) {
    const grant = await createActiveGrant(organizationId, { startsOn: spec.startsOn, endsOn: spec.endsOn, withPayment: false });
    if (spec.status && spec.status !== "ACTIVE") {
      await db.licenseGrant.update({
        where: { id: grant.id },
        data: { status: spec.status, revokedAt: spec.revokedOn ? new Date(`${spec.revokedOn}T12:00:00Z`) : null },
      });
    }
  }
  for (const report of reports) {
    await db.usageReport.create({ data: { organizationId, source: "FILE", quarter: report.quarter, status: report.status, isAdjustment: report.isAdjustment ?? false } });
  }
  created.push(organizationId);
  return { ...people, organizationId };
}

/** The licensees this file created: other test files' grants may fall in the same far-off years. */
const created: string[] = [];
const runReminders = (options: { today?: string; now?: Date }) => runUsageReminders({ ...options, organizationIds: created });

const reminders = async (email: string) => (await mailsTo(email)).filter((m) => m.template.startsWith("usage-reminder"));
const subjects = async (email: string) => (await reminders(email)).map((m) => m.subject);
const reminderRow = (organizationId: string, quarter: string) =>
  db.usageReminder.findUnique({ where: { organizationId_quarter: { organizationId, quarter } } });

describe("the daily usage reminders job", () => {
  it("waits out the grace week, reminds every member by mail and in the portal, again 14 days later, and never a third time", async () => {
    const { organizationId, owner, member } = await licensee([{ startsOn: "2040-03-01", endsOn: "2041-03-01" }]);
    const inactive = await addMember(organizationId, "MEMBER");
    await db.user.update({ where: { id: inactive.user.id }, data: { isActive: false } });

    for (const today of ["2040-10-01", "2040-10-07"]) {
      expect(await runReminders({ today })).toEqual({ quarter: "2040Q3", first: 0, second: 0 });
    }
    expect(await subjects(owner.user.email)).toEqual([]);

    expect(await runReminders({ now: new Date("2040-10-08T06:15:00Z") })).toEqual({ quarter: "2040Q3", first: 1, second: 0 });
    for (const person of [owner, member]) {
      const [mail, ...more] = await reminders(person.user.email);
      expect(more).toEqual([]);
      expect(mail?.subject).toBe("Your usage report for Q3 2040 is due");
      expect(mail?.text).toMatch(/Q3 2040 \(July–September\)/);
      expect(mail?.text).toMatch(/\/licensee\/usage/);
      expect(mail?.text).toMatch(/POST \S+\/api\/v1\/usage-reports/);
      expect(mail?.text).toMatch(/royalties for Q3 2040 are distributed/);
      expect(mail?.text).not.toMatch(/last reminder/i);
      expect(await db.notification.count({ where: { userId: person.user.id, href: "/licensee/usage" } })).toBe(1);
    }
    expect(await subjects(inactive.user.email)).toEqual([]);
    const first = await reminderRow(organizationId, "2040Q3");
    expect(first).toMatchObject({ sentCount: 1, lastSentAt: new Date("2040-10-08T06:15:00Z") });
    expect(await db.auditLog.count({ where: { organizationId, action: "usage.reminder_sent" } })).toBe(1);

    // The same day again, and up to 13 days later: nothing more.
    await runReminders({ now: new Date("2040-10-08T18:00:00Z") });
    await runReminders({ today: "2040-10-21" });
    expect(await subjects(owner.user.email)).toHaveLength(1);

    // Fourteen calendar days on, even a few hours earlier in the day than the first.
    expect(await runReminders({ now: new Date("2040-10-22T05:00:00Z") })).toEqual({ quarter: "2040Q3", first: 0, second: 1 });
    const [, last] = await reminders(member.user.email);
    expect(last?.subject).toBe("Last reminder: your usage report for Q3 2040 is due");
    expect(last?.text).toMatch(/This is the last reminder for Q3 2040/);
    expect(await db.notification.count({ where: { userId: member.user.id, href: "/licensee/usage" } })).toBe(2);
    expect(await reminderRow(organizationId, "2040Q3")).toMatchObject({ sentCount: 2 });

    for (const today of ["2040-11-05", "2040-12-31"]) await runReminders({ today });
    expect(await subjects(owner.user.email)).toHaveLength(2);
    expect(await db.auditLog.count({ where: { organizationId, action: "usage.reminder_sent" } })).toBe(2);
  });

  it("counts a received, processing or processed report, but not a failed or replaced one, an adjustment or another quarter's", async () => {
    const term = [{ startsOn: "2042-02-01", endsOn: "2043-02-01" }];
    const reported = await Promise.all((["RECEIVED", "PROCESSING", "PROCESSED"] as const).map((status) => licensee(term, [{ quarter: "2042Q3", status }])));
    const unreported = await Promise.all([
      licensee(term, [{ quarter: "2042Q3", status: "FAILED" }]),
      licensee(term, [{ quarter: "2042Q3", status: "REPLACED" }]),
      licensee(term, [{ quarter: "2042Q3", status: "PROCESSED", isAdjustment: true }]),
      licensee(term, [{ quarter: "2042Q2", status: "PROCESSED" }]),
    ]);

    expect(await runReminders({ today: "2042-10-08" })).toEqual({ quarter: "2042Q3", first: 4, second: 0 });
    for (const { owner } of reported) expect(await subjects(owner.user.email)).toEqual([]);
    for (const { owner, organizationId } of unreported) {
      expect(await subjects(owner.user.email)).toEqual(["Your usage report for Q3 2042 is due"]);
      expect(await reminderRow(organizationId, "2042Q3")).toMatchObject({ sentCount: 1 });
    }

    // A report that arrives after the first reminder stops the second.
    const [late] = unreported;
    await db.usageReport.create({ data: { organizationId: late!.organizationId, source: "API", quarter: "2042Q3", status: "RECEIVED", isAdjustment: true } });
    await db.usageReport.updateMany({ where: { organizationId: late!.organizationId, status: "FAILED" }, data: { status: "REPLACED" } });
    await db.usageReport.create({ data: { organizationId: late!.organizationId, source: "API", quarter: "2042Q3", status: "RECEIVED" } });
    expect(await runReminders({ today: "2042-10-22" })).toEqual({ quarter: "2042Q3", first: 0, second: 3 });
    expect(await subjects(late!.owner.user.email)).toHaveLength(1);
  });

  it("reminds only licensees that held a license in that quarter and hold an active one today", async () => {
    const startedAfter = await licensee([{ startsOn: "2044-10-01", endsOn: "2045-10-01" }]);
    const revokedBefore = await licensee([
      { startsOn: "2044-03-01", endsOn: "2045-03-01", status: "REVOKED", revokedOn: "2044-06-20" },
      { startsOn: "2044-10-01", endsOn: "2045-10-01" },
    ]);
    const revokedDuring = await licensee([
      { startsOn: "2044-03-01", endsOn: "2045-03-01", status: "REVOKED", revokedOn: "2044-08-01" },
      { startsOn: "2044-10-01", endsOn: "2045-10-01" },
    ]);
    const expired = await licensee([{ startsOn: "2043-09-01", endsOn: "2044-09-01", status: "EXPIRED" }]);
    const renewed = await licensee([
      { startsOn: "2043-08-01", endsOn: "2044-08-01", status: "EXPIRED" },
      { startsOn: "2044-08-01", endsOn: "2045-08-01" },
    ]);

    expect(await runReminders({ today: "2044-10-09" })).toEqual({ quarter: "2044Q3", first: 2, second: 0 });
    for (const { owner } of [startedAfter, revokedBefore, expired]) expect(await subjects(owner.user.email)).toEqual([]);
    for (const { owner } of [revokedDuring, renewed]) expect(await subjects(owner.user.email)).toHaveLength(1);
  });

  it("sends each reminder once when runs overlap", async () => {
    const term = [{ startsOn: "2046-01-10", endsOn: "2047-01-10" }];
    const licensees = [await licensee(term), await licensee(term)];
    const runTogether = async (today: string) => {
      const outcomes = await Promise.all([1, 2, 3].map(() => runReminders({ today })));
      return outcomes.reduce((sum, o) => ({ first: sum.first + o.first, second: sum.second + o.second }), { first: 0, second: 0 });
    };

    expect(await runTogether("2046-10-08")).toEqual({ first: 2, second: 0 });
    expect(await runTogether("2046-10-22")).toEqual({ first: 0, second: 2 });
    for (const { owner, member, organizationId } of licensees) {
      expect(await subjects(owner.user.email)).toHaveLength(2);
      expect(await subjects(member.user.email)).toHaveLength(2);
      expect(await db.notification.count({ where: { userId: owner.user.id, href: "/licensee/usage" } })).toBe(2);
      expect(await reminderRow(organizationId, "2046Q3")).toMatchObject({ sentCount: 2 });
    }
  });
});
