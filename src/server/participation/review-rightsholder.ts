import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db, type Tx } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { participationDecisionMail } from "./participation-mails";
import { loadStanding } from "./participation.queries";
import { ZOrganizationOnly, ZRejectInput } from "./participation.schema";

// Staff decisions on a rightsholder's participation. Only a PENDING_APPROVAL profile moves (a
// conditional update), so two admins deciding at once cannot both apply.

async function mailOwners(tx: Tx, organizationId: string, organizationName: string, decision: Parameters<typeof participationDecisionMail>[2]) {
  const owners = await tx.membership.findMany({ where: { organizationId, role: "OWNER" }, select: { user: { select: { email: true } } } });
  for (const owner of owners) await enqueueMail(tx, participationDecisionMail(owner.user.email, organizationName, decision));
}

function alreadyDecided(): AppError {
  return new AppError("CONFLICT", "This rightsholder is not waiting for review any more; reload the page to see its status.");
}

/** ADMIN approves: the rightsholder's works enter the licensed repertoire. */
export async function approveRightsholder(actor: Actor | null, rawInput: { organizationId: string }) {
  authorize(can.administer(actor), "Only staff administrators approve rightsholders.");
  const staff = requireUser(actor);
  const input = ZOrganizationOnly.parse(rawInput);
  return db.$transaction(async (tx) => {
    const standing = await loadStanding(tx, input.organizationId);
    if (!standing) throw notFound("That rightsholder");
    const unfinished = standing.checklist.filter((i) => !i.done);
    if (unfinished.length > 0) throw validation(`Not complete: ${unfinished.map((i) => i.label.toLowerCase()).join("; ")}.`);
    const moved = await tx.rightsholderProfile.updateMany({
      where: { organizationId: input.organizationId, status: "PENDING_APPROVAL" },
      data: { status: "APPROVED", approvedAt: new Date(), approvedById: staff.userId, rejectionReason: null },
    });
    if (moved.count === 0) throw alreadyDecided();
    await writeAudit(tx, actor, { action: "participation.approved", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before: { status: "PENDING_APPROVAL" }, after: { status: "APPROVED" } });
    await mailOwners(tx, input.organizationId, standing.organization.name, { approved: true });
    return { status: "APPROVED" as const };
  });
}

/** ADMIN sends it back with what to fix; the owners fix it and submit again. */
export async function rejectRightsholder(actor: Actor | null, rawInput: { organizationId: string; reason: string }) {
  authorize(can.administer(actor), "Only staff administrators reject rightsholders.");
  const input = ZRejectInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({ where: { id: input.organizationId, kind: "RIGHTSHOLDER" }, select: { name: true } });
    if (!organization) throw notFound("That rightsholder");
    const moved = await tx.rightsholderProfile.updateMany({
      where: { organizationId: input.organizationId, status: "PENDING_APPROVAL" },
      data: { status: "REJECTED", rejectionReason: input.reason },
    });
    if (moved.count === 0) throw alreadyDecided();
    await writeAudit(tx, actor, { action: "participation.rejected", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before: { status: "PENDING_APPROVAL" }, after: { status: "REJECTED", reason: input.reason } });
    await mailOwners(tx, input.organizationId, organization.name, { approved: false, reason: input.reason });
    return { status: "REJECTED" as const };
  });
}

/** ADMIN confirms a tax form of type OTHER after checking the document. */
export async function markTaxFormValid(actor: Actor | null, rawInput: { organizationId: string }) {
  authorize(can.administer(actor), "Only staff administrators validate tax forms.");
  const input = ZOrganizationOnly.parse(rawInput);
  return db.$transaction(async (tx) => {
    const moved = await tx.rightsholderProfile.updateMany({
      where: { organizationId: input.organizationId, taxFormType: "OTHER", taxFormValid: false },
      data: { taxFormValid: true },
    });
    if (moved.count === 0) throw validation("There is no tax form of type Other waiting for review.");
    await writeAudit(tx, actor, { action: "participation.tax_form_validated", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before: { taxFormValid: false }, after: { taxFormValid: true } });
    return { valid: true };
  });
}
