import "server-only";
import type { RightsholderStatus } from "@/generated/prisma/enums";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { ZRightsholderSuspensionInput, type TRightsholderSuspensionInput } from "../works/staff-works.schema";
import { parseStaffInput } from "../works/staff-work-lock";
import { rightsholderSuspensionMail } from "./staff-repertoire-mails";

// Staff (ADMIN) suspend a rightsholder, with a reason, and lift it. A suspension marks the
// organisation (suspendedAt, suspendReason) and moves its participation to SUSPENDED: coverage,
// usage eligibility and the public repertoire all ask for an APPROVED rightsholder
// (check-coverage.ts, usage/eligibility-sql.ts, public-repertoire.queries.ts), so every one of
// its works leaves the repertoire at once without a row of them being touched, and comes back
// when the suspension is lifted. Members keep signing in and reading their statements; the
// standing page tells them. Lifting restores the participation status it had (kept in the
// suspension's audit row: an approved rightsholder is approved again, a pending one pending).

type Standing = { name: string; status: RightsholderStatus; suspendedAt: Date | null; approvedAt: Date | null };

async function lockRightsholder(tx: Tx, organizationId: string): Promise<Standing> {
  const rows = await tx.$queryRaw<Standing[]>`
    SELECT o.name, p.status::text AS status, o."suspendedAt", p."approvedAt"
      FROM organizations o JOIN rightsholder_profiles p ON p."organizationId" = o.id
     WHERE o.id = ${organizationId}::uuid AND o.kind = 'RIGHTSHOLDER' FOR UPDATE OF o, p`;
  if (rows.length === 0) throw notFound("That rightsholder");
  return rows[0]!;
}

async function mailOwners(tx: Tx, organizationId: string, mail: (to: string) => ReturnType<typeof rightsholderSuspensionMail>) {
  const owners = await tx.membership.findMany({ where: { organizationId, role: "OWNER" }, select: { user: { select: { email: true } } } });
  for (const owner of owners) await enqueueMail(tx, mail(owner.user.email));
}

export async function suspendRightsholder(actor: Actor | null, rawInput: TRightsholderSuspensionInput): Promise<{ suspendedAt: Date }> {
  authorize(can.administer(actor), "Only staff administrators suspend rightsholders.");
  const input = parseStaffInput(ZRightsholderSuspensionInput, rawInput);
  return db.$transaction(async (tx) => {
    const standing = await lockRightsholder(tx, input.organizationId);
    if (standing.suspendedAt) throw new AppError("CONFLICT", `${standing.name} is already suspended; reload the page.`);
    const suspendedAt = new Date();
    await tx.organization.update({ where: { id: input.organizationId }, data: { suspendedAt, suspendReason: input.reason } });
    await tx.rightsholderProfile.update({ where: { organizationId: input.organizationId }, data: { status: "SUSPENDED" } });
    await writeAudit(tx, actor, {
      action: "rightsholder.suspended",
      entityType: "Organization",
      entityId: input.organizationId,
      organizationId: input.organizationId,
      before: { status: standing.status, suspendedAt: null },
      after: { status: "SUSPENDED", suspendedAt, suspendReason: input.reason },
    });
    await mailOwners(tx, input.organizationId, (to) => rightsholderSuspensionMail(to, standing.name, { suspended: true, reason: input.reason }));
    return { suspendedAt };
  });
}

export async function unsuspendRightsholder(actor: Actor | null, rawInput: TRightsholderSuspensionInput): Promise<{ status: RightsholderStatus }> {
  authorize(can.administer(actor), "Only staff administrators lift a rightsholder's suspension.");
  const input = parseStaffInput(ZRightsholderSuspensionInput, rawInput);
  return db.$transaction(async (tx) => {
    const standing = await lockRightsholder(tx, input.organizationId);
    if (!standing.suspendedAt) throw new AppError("CONFLICT", `${standing.name} is not suspended; reload the page.`);
    const suspension = await tx.auditLog.findFirst({
      where: { entityType: "Organization", entityId: input.organizationId, action: "rightsholder.suspended" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { before: true },
    });
    const recorded = (suspension?.before as { status?: RightsholderStatus } | null)?.status;
    const status: RightsholderStatus = recorded && recorded !== "SUSPENDED" ? recorded : standing.approvedAt ? "APPROVED" : "DRAFT";
    await tx.organization.update({ where: { id: input.organizationId }, data: { suspendedAt: null, suspendReason: null } });
    await tx.rightsholderProfile.update({ where: { organizationId: input.organizationId }, data: { status } });
    await writeAudit(tx, actor, {
      action: "rightsholder.unsuspended",
      entityType: "Organization",
      entityId: input.organizationId,
      organizationId: input.organizationId,
      before: { status: standing.status, suspendedAt: standing.suspendedAt },
      after: { status, suspendedAt: null, reason: input.reason },
    });
    await mailOwners(tx, input.organizationId, (to) => rightsholderSuspensionMail(to, standing.name, { suspended: false, reason: input.reason }));
    return { status };
  });
}
