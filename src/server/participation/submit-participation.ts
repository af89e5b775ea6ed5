import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { participationSubmittedMail } from "./participation-mails";
import { loadStanding } from "./participation.queries";
import { ZOrganizationOnly } from "./participation.schema";

/** With the checklist complete, an owner submits for staff review (from DRAFT, or again after a rejection). */
export async function submitParticipation(actor: Actor | null, rawInput: { organizationId: string }) {
  const input = ZOrganizationOnly.parse(rawInput);
  authorize(can.manageParticipation(actor, input.organizationId), "Only the organisation's owners can submit.");
  return db.$transaction(async (tx) => {
    const standing = await loadStanding(tx, input.organizationId);
    if (!standing) throw validation("This organisation has no participation profile.");
    const missing = standing.checklist.filter((item) => !item.done);
    if (missing.length > 0) throw validation(`Finish these first: ${missing.map((m) => m.label.toLowerCase()).join("; ")}.`);
    const moved = await tx.rightsholderProfile.updateMany({
      where: { organizationId: input.organizationId, status: { in: ["DRAFT", "REJECTED"] } },
      data: { status: "PENDING_APPROVAL", submittedAt: new Date(), rejectionReason: null },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", `Already ${standing.profile.status === "PENDING_APPROVAL" ? "submitted and waiting for review" : standing.profile.status.toLowerCase()}.`);
    await writeAudit(tx, actor, { action: "participation.submitted", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before: { status: standing.profile.status }, after: { status: "PENDING_APPROVAL" } });
    const owners = await tx.membership.findMany({ where: { organizationId: input.organizationId, role: "OWNER" }, select: { user: { select: { email: true } } } });
    for (const owner of owners) await enqueueMail(tx, participationSubmittedMail(owner.user.email, standing.organization.name));
    return { status: "PENDING_APPROVAL" as const };
  });
}
