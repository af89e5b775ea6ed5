import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { findOrganizationForStaff, staffPageOf, staffPageWindow } from "./staff-organization.queries";

// What an organisation has done, for the staff tabs: a licensee's grants, usage reports and bulk
// coverage checks; a rightsholder's statements (every run, drafts included: staff see those in the
// distribution console too). Read-only, a page at a time, the organisation in every `where`.

type PageInput = { organizationId: string; page?: unknown };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const sum = (rows: { amountCents: bigint }[]) => rows.reduce((total, r) => total + r.amountCents, 0n);

/** The licensee's grants, newest first, with what was paid and refunded. */
export async function listOrganizationGrantsForStaff(actor: Actor | null, input: PageInput) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.licenseGrant.findMany({
    where: { organizationId: input.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, licenseNumber: true, status: true, startsOn: true, endsOn: true, feeCents: true, currency: true, autoRenew: true, createdAt: true,
      plan: { select: { name: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
      refunds: { select: { amountCents: true } },
    },
  });
  return staffPageOf(rows.map(({ payments, refunds, startsOn, endsOn, ...g }) => ({
    ...g, startsOn: day(startsOn), endsOn: day(endsOn), paidCents: sum(payments), refundedCents: sum(refunds),
  })), page);
}

/** The licensee's usage reports, newest first (replaced ones too), with their line counts. */
export async function listOrganizationUsageReportsForStaff(actor: Actor | null, input: PageInput) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.usageReport.findMany({
    where: { organizationId: input.organizationId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, quarter: true, source: true, status: true, fileName: true, isAdjustment: true, totalLines: true, acceptedLines: true,
      rejectedLines: true, summedLines: true, errorMessage: true, lockedAt: true, submittedAt: true, processedAt: true,
    },
  });
  return staffPageOf(rows, page);
}

/** The licensee's bulk coverage checks, newest first, with their answers counted. */
export async function listOrganizationCoverageChecksForStaff(actor: Actor | null, input: PageInput) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.coverageCheck.findMany({
    where: { organizationId: input.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, source: true, fileName: true, purpose: true, onDate: true, status: true, lineCount: true, coveredCount: true,
      notCoveredCount: true, invalidCount: true, errorMessage: true, createdAt: true, finishedAt: true,
    },
  });
  return staffPageOf(rows.map(({ onDate, ...c }) => ({ ...c, onDate: day(onDate)! })), page);
}

/** The rightsholder's statements, newest quarter first, with the statement's own figures. */
export async function listOrganizationStatementsForStaff(actor: Actor | null, input: PageInput) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.statement.findMany({
    where: { rightsholderId: input.organizationId },
    orderBy: [{ run: { quarter: "desc" } }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, runId: true, carriedInCents: true, allocatedCents: true, grossCents: true, adminFeeCents: true, heldCents: true,
      withholdingBps: true, withheldCents: true, paidCents: true, carriedOutCents: true, thresholdCents: true, payoutBlockedReason: true,
      run: { select: { quarter: true, status: true } },
      payout: { select: { status: true, paidAt: true } },
      _count: { select: { lines: true } },
    },
  });
  return staffPageOf(rows, page);
}
