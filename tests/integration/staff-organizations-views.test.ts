import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { inviteMember } from "@/server/organizations/invite-member";
import {
  listOrganizationCoverageChecksForStaff, listOrganizationGrantsForStaff, listOrganizationStatementsForStaff, listOrganizationUsageReportsForStaff,
} from "@/server/organizations/staff-organization-activity.queries";
import { getOrganizationForStaff, listOrganizationAuditForStaff, listOrganizationMembersForStaff } from "@/server/organizations/staff-organization.queries";
import { addMember, createOrganizationWithPeople, createStaffActor, uniqueEmail } from "../factories";
import { createDispute } from "../factories/disputes";
import { uniquePastQuarter } from "../factories/distribution";
import { createActiveGrant } from "../factories/licensing";
import { createStatementRun } from "../factories/statements";
import { createUsageReport } from "../factories/usage";
import { createWork } from "../factories/works";

// One organisation's read-only staff views: each shows that organisation's rows and never
// another's, for both staff roles; organisation people are refused.

async function licenseeWithActivity() {
  const people = await createOrganizationWithPeople("LICENSEE");
  const organizationId = people.organization.id;
  const grant = await createActiveGrant(organizationId);
  const { report } = await createUsageReport(organizationId, { quarter: "2026Q2", lines: [{ title: "Some title" }, { title: "Another" }] });
  const check = await db.coverageCheck.create({
    data: { organizationId, source: "FILE", fileName: `ids-${randomUUID().slice(0, 6)}.csv`, storagePath: "x/1", fileSize: 10n, purpose: "RAG", onDate: new Date("2026-11-01T00:00:00Z"), status: "COMPLETED", lineCount: 3, coveredCount: 2, notCoveredCount: 1 },
  });
  const invitation = await inviteMember(people.owner.actor, { organizationId, email: uniqueEmail("invitee"), role: "MEMBER" });
  return { ...people, grant, report, check, invitation };
}

describe("one organisation in the staff area", () => {
  it("shows a licensee's profile, members, invitations, grants, reports, checks and audit rows, and none of another licensee's", async () => {
    const analyst = await createStaffActor("ANALYST");
    const a = await licenseeWithActivity();
    const b = await licenseeWithActivity();
    const id = a.organization.id;
    await db.licenseeProfile.update({ where: { organizationId: id }, data: { legalName: "Acme Intelligence Inc.", country: "US", industryGroup: "TECHNOLOGY", employeeCount: 120 } });

    const view = await getOrganizationForStaff(analyst, id);
    expect(view.organization).toMatchObject({ id, kind: "LICENSEE", isSuspended: false });
    expect(view.licensee).toMatchObject({ legalName: "Acme Intelligence Inc.", country: "US", industryGroup: "TECHNOLOGY", employeeCount: 120 });
    expect(view.rightsholder).toBeNull();
    expect(view.counts).toMatchObject({ members: 2, activeMembers: 2, owners: 1, activeOwners: 1, activeGrants: 1, usageReports: 1, coverageChecks: 1, openDisputes: 0 });
    expect(view.canAdminister).toBe(false);
    expect((await getOrganizationForStaff(await createStaffActor("ADMIN"), id)).canAdminister).toBe(true);

    const members = await listOrganizationMembersForStaff(analyst, { organizationId: id });
    expect(members.rows.map((m) => m.user.email).sort()).toEqual([a.owner.user.email, a.member.user.email].sort());
    expect(members.rows[0]).toMatchObject({ role: "OWNER", user: { isActive: true, lastSignInAt: null } });
    expect((await listOrganizationGrantsForStaff(analyst, { organizationId: id })).rows).toEqual([
      expect.objectContaining({ id: a.grant.id, licenseNumber: a.grant.licenseNumber, status: "ACTIVE", paidCents: 450_000n, refundedCents: 0n, startsOn: "2026-01-15" }),
    ]);
    expect((await listOrganizationUsageReportsForStaff(analyst, { organizationId: id })).rows).toEqual([
      expect.objectContaining({ id: a.report.id, quarter: "2026Q2", totalLines: 2 }),
    ]);
    expect((await listOrganizationCoverageChecksForStaff(analyst, { organizationId: id })).rows).toEqual([
      expect.objectContaining({ id: a.check.id, coveredCount: 2, notCoveredCount: 1, onDate: "2026-11-01" }),
    ]);
    const audit = await listOrganizationAuditForStaff(analyst, { organizationId: id });
    expect(audit.rows.map((r) => r.entityId)).toContain(a.invitation.id);
    expect(audit.rows.map((r) => r.entityId)).not.toContain(b.invitation.id);
    expect(audit.rows.find((r) => r.entityId === a.invitation.id)).toMatchObject({ action: "member.invited", actorName: a.owner.user.name });
  });

  it("shows a rightsholder's standing with its tax form state, its statements' figures and its disputes, and none of another's", async () => {
    const admin = await createStaffActor("ADMIN");
    const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const id = rh.organization.id;
    await db.rightsholderProfile.update({ where: { organizationId: id }, data: { legalName: "Harbour Rights Ltd", country: "GB", isTaxDomestic: false, taxFormType: "W8BEN_E", taxFormSignedOn: new Date("2019-03-01T00:00:00Z") } });
    const [mine, theirs] = [await createWork(id), await createWork(other.organization.id)];
    const quarter = await uniquePastQuarter();
    const run = await createStatementRun({
      quarter: quarter.code,
      statements: [
        { rightsholderId: id, carriedInCents: 1_000n, lines: [{ workId: mine.id, allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: 40_000n, adminFeeCents: 7_000n, units: 10n }] }] },
        { rightsholderId: other.organization.id, lines: [{ workId: theirs.id, allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: 9_000n, adminFeeCents: 1_000n }] }] },
      ],
    });
    await createDispute(id, other.organization.id);

    const view = await getOrganizationForStaff(admin, id);
    expect(view.licensee).toBeNull();
    expect(view.rightsholder?.profile).toMatchObject({ legalName: "Harbour Rights Ltd", status: "DRAFT", taxFormType: "W8BEN_E", taxFormSignedOn: "2019-03-01" });
    // W-8BEN-E forms count through 31 December of the third year after signing.
    expect(view.rightsholder?.tax).toEqual({ state: "EXPIRED", expiredOn: "2022-12-31" });
    expect(view.counts).toMatchObject({ works: 2, statements: 1, openDisputes: 1 });

    const statements = await listOrganizationStatementsForStaff(admin, { organizationId: id });
    const mineStatement = run.statements.find((s) => s.rightsholderId === id)!;
    expect(statements.rows).toEqual([
      expect.objectContaining({
        id: mineStatement.id, runId: run.run.id, carriedInCents: 1_000n, allocatedCents: 40_000n, grossCents: 47_000n, adminFeeCents: 7_000n,
        paidCents: mineStatement.paidCents, carriedOutCents: mineStatement.carriedOutCents, run: { quarter: quarter.code, status: "APPROVED" },
      }),
    ]);
    expect((await listOrganizationStatementsForStaff(admin, { organizationId: other.organization.id })).rows.map((s) => s.id)).not.toContain(mineStatement.id);
    expect((await getOrganizationForStaff(admin, other.organization.id)).counts.openDisputes).toBe(1);
    // A rightsholder has no grants, reports or checks: its lists are empty, not another's.
    expect((await listOrganizationGrantsForStaff(admin, { organizationId: id })).rows).toEqual([]);
  });

  it("pages the members 25 at a time, owners first", async () => {
    const analyst = await createStaffActor("ANALYST");
    const people = await createOrganizationWithPeople("LICENSEE");
    for (let i = 0; i < 24; i++) await addMember(people.organization.id, "MEMBER");
    const first = await listOrganizationMembersForStaff(analyst, { organizationId: people.organization.id });
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(first.rows[0]!.user.id).toBe(people.owner.user.id);
    const second = await listOrganizationMembersForStaff(analyst, { organizationId: people.organization.id, page: "2" });
    expect(second).toMatchObject({ page: 2, hasNext: false });
    expect(second.rows).toHaveLength(1);
  });

  it("answers not found for an unknown or malformed id, and refuses organisation people", async () => {
    const analyst = await createStaffActor("ANALYST");
    const people = await createOrganizationWithPeople("LICENSEE");
    const reads = [
      (actor: typeof analyst | null, organizationId: string) => getOrganizationForStaff(actor, organizationId),
      ...[listOrganizationMembersForStaff, listOrganizationAuditForStaff, listOrganizationGrantsForStaff, listOrganizationUsageReportsForStaff,
        listOrganizationCoverageChecksForStaff, listOrganizationStatementsForStaff].map((read) => (actor: typeof analyst | null, organizationId: string) => read(actor, { organizationId })),
    ];
    for (const read of reads) {
      await expect(read(analyst, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(read(analyst, "not-an-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Even its own owner reads the organisation through its own area, not the staff views.
      await expect(read(people.owner.actor, people.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(read(null, people.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
