import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";

/** Headline figures for the staff home page; each links to its queue. */
export async function getStaffOverview(actor: Actor | null) {
  authorize(can.readStaffArea(actor));
  const [licensees, rightsholders, pendingApprovals, openDisputes, activeGrants, works, unmatchedLines, failedJobs, capturedMail] =
    await Promise.all([
      db.organization.count({ where: { kind: "LICENSEE" } }),
      db.organization.count({ where: { kind: "RIGHTSHOLDER" } }),
      db.rightsholderProfile.count({ where: { status: "PENDING_APPROVAL" } }),
      db.dispute.count({ where: { status: "OPEN" } }),
      db.licenseGrant.count({ where: { status: "ACTIVE" } }),
      db.work.count({ where: { status: "ENROLLED" } }),
      db.usageLine.count({ where: { matchStatus: { in: ["UNMATCHED", "AMBIGUOUS"] } } }),
      db.job.count({ where: { status: "FAILED" } }),
      db.mailMessage.count({ where: { status: { in: ["CAPTURED", "QUEUED", "FAILED"] } } }),
    ]);
  return { licensees, rightsholders, pendingApprovals, openDisputes, activeGrants, works, unmatchedLines, failedJobs, capturedMail };
}
