import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listDisputeQueue } from "@/server/disputes/disputes.queries";
import { heldWorkIds } from "@/server/disputes/held-works";
import { disputeDeadline } from "@/server/statements/dispute-window";
import { raiseStatementDispute } from "@/server/statements/raise-statement-dispute";
import { resolveStatementDispute } from "@/server/statements/resolve-statement-dispute";
import { getStatementDisputeForStaff } from "@/server/statements/statement-disputes.queries";
import { getStatement } from "@/server/statements/statements.queries";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { createDispute } from "../factories/disputes";
import { uniquePastQuarter } from "../factories/distribution";
import { createStatementRun } from "../factories/statements";
import { createWork } from "../factories/works";

const DAY = 86_400_000;

/** A time `months` calendar months before now, moved by `days`. */
function monthsAgo(months: number, days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()) + days * DAY);
}

async function statementApprovedAt(approvedAt: Date) {
  const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const work = await createWork(rh.organization.id, { title: "Disputed work" });
  const quarter = await uniquePastQuarter();
  const { statements } = await createStatementRun({
    quarter: quarter.code, approvedAt,
    statements: [{ rightsholderId: rh.organization.id, lines: [{ workId: work.id, title: work.title, allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: 5_000n, adminFeeCents: 882n, units: 40n }] }] }],
  });
  return { rh, licensee, work, statement: statements[0]!, line: statements[0]!.lines[0]! };
}

const REASON = "The units for this work look far too low for the quarter.";

describe("disputing a statement line", () => {
  it("lets an owner dispute a line within 9 months, once at a time, and holds the work until staff decide", async () => {
    const approvedAt = monthsAgo(9, 2);
    expect(disputeDeadline(approvedAt)!.getTime()).toBeGreaterThan(Date.now());
    const { rh, licensee, work, statement, line } = await statementApprovedAt(approvedAt);
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const input = { statementLineId: line.id.toString(), reason: REASON };

    await expect(raiseStatementDispute(rh.member.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(raiseStatementDispute(other.owner.actor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(raiseStatementDispute(licensee.owner.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(raiseStatementDispute(await createStaffActor("ADMIN"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(raiseStatementDispute(rh.owner.actor, { ...input, reason: "short" })).rejects.toThrow(/at least 10 characters/);

    const { disputeId } = await raiseStatementDispute(rh.owner.actor, input);
    const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(dispute).toMatchObject({ origin: "STATEMENT_LINE", workId: work.id, claimantOrgId: rh.organization.id, statementLineId: line.id, status: "OPEN", reason: REASON });
    expect(await db.auditLog.count({ where: { entityType: "Dispute", entityId: disputeId, action: "dispute.raised" } })).toBe(1);
    expect(await heldWorkIds(db)).toContain(work.id);
    await expect(raiseStatementDispute(rh.owner.actor, input)).rejects.toMatchObject({ code: "CONFLICT" });

    const view = await getStatement(rh.member.actor, statement.id);
    expect(view.lines[0]!.disputes).toEqual([expect.objectContaining({ id: disputeId, status: "OPEN" })]);

    const admin = await createStaffActor("ADMIN");
    const queue = await listDisputeQueue(admin, { status: "OPEN" });
    expect(queue.disputes.find((d) => d.id === disputeId)).toMatchObject({ origin: "STATEMENT_LINE", workTitle: "Disputed work" });
    const staffView = await getStatementDisputeForStaff(await createStaffActor("ANALYST"), disputeId);
    expect(staffView).toMatchObject({ status: "OPEN", workId: work.id, canResolve: false, line: { netCents: line.netCents, statement: { id: statement.id } } });

    await expect(resolveStatementDispute(await createStaffActor("ANALYST"), { disputeId, outcome: "RESOLVED", resolution: "Checked the usage reports." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveStatementDispute(rh.owner.actor, { disputeId, outcome: "RESOLVED", resolution: "Checked the usage reports." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await resolveStatementDispute(admin, { disputeId, outcome: "RESOLVED", resolution: "Checked the usage reports; corrected." })).toEqual({ status: "RESOLVED_ASSIGNED" });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: disputeId } })).toMatchObject({ status: "RESOLVED_ASSIGNED", resolvedById: admin.userId, resolution: "Checked the usage reports; corrected." });
    expect(await heldWorkIds(db)).not.toContain(work.id);
    expect((await mailsTo(rh.owner.user.email)).map((m) => m.template)).toContain("statement-dispute-resolved");
    await expect(resolveStatementDispute(admin, { disputeId, outcome: "REJECTED", resolution: "A second decision is refused." })).rejects.toMatchObject({ code: "CONFLICT" });

    // Once decided, the line can be disputed again; a rejection closes that one too.
    const again = await raiseStatementDispute(rh.owner.actor, input);
    expect(await resolveStatementDispute(admin, { disputeId: again.disputeId, outcome: "REJECTED", resolution: "The units match the reports." })).toEqual({ status: "REJECTED" });
  });

  it("refuses a dispute more than 9 months after the run was approved, with a field error", async () => {
    const approvedAt = monthsAgo(9, -2);
    expect(disputeDeadline(approvedAt)!.getTime()).toBeLessThan(Date.now());
    const { rh, statement, line } = await statementApprovedAt(approvedAt);
    const view = await getStatement(rh.owner.actor, statement.id);
    expect(view.disputeWindow.isOpen).toBe(false);
    expect(view.canDispute).toBe(false);
    const refusal = await raiseStatementDispute(rh.owner.actor, { statementLineId: line.id.toString(), reason: REASON }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "VALIDATION", fieldErrors: { statementLineId: [expect.stringMatching(/9 months after the run was approved/)] } });
    expect(await db.dispute.count({ where: { statementLineId: line.id } })).toBe(0);
  });

  it("keeps enrollment disputes out of the statement-dispute path", async () => {
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { dispute } = await createDispute(holder.organization.id, claimant.organization.id);
    const admin = await createStaffActor("ADMIN");
    expect(await getStatementDisputeForStaff(admin, dispute.id)).toBeNull();
    await expect(resolveStatementDispute(admin, { disputeId: dispute.id, outcome: "RESOLVED", resolution: "Not a statement dispute." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status).toBe("OPEN");
  });
});
