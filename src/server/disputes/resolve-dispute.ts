import "server-only";
import { formatShare, parseSharePercent, scaleShares, SHARE_TOTAL_BPS } from "@/lib/works/co-owner-shares";
import type { IdentifierKind } from "@/lib/identifiers";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db, type Tx } from "../db";
import { AppError, notFound, validation } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { describeIdentifier } from "../works/merge-works";
import { disputeResolvedMail, RESOLUTION_SUMMARY } from "./dispute-mails";
import { ZResolveDisputeInput, type TResolveDisputeInput } from "./disputes.schema";

const STATUS_AFTER = {
  ASSIGN_HOLDER: "RESOLVED_ASSIGNED",
  ASSIGN_CLAIMANT: "RESOLVED_ASSIGNED",
  CO_OWNERS: "RESOLVED_CO_OWNERS",
  REJECT: "REJECTED",
} as const;

/**
 * Staff (ADMIN) resolve an enrollment dispute. Only an OPEN dispute moves (a conditional update),
 * so two admins deciding at once cannot both apply; the loser is told it was already resolved.
 * - ASSIGN_HOLDER / REJECT: nothing moves; the claimant's work stays without the identifier.
 * - ASSIGN_CLAIMANT: the identifier moves from the holder's work to the claimant's.
 * - CO_OWNERS: the claimant's work is merged into the holder's (its identifiers move along), and
 *   the claimant gets the given share, carved proportionally out of the existing split.
 * Both organisations' owners are mailed; everything is audited in the same transaction.
 */
export async function resolveDispute(actor: Actor | null, rawInput: TResolveDisputeInput) {
  authorize(can.administer(actor), "Only staff administrators resolve disputes.");
  const staff = requireUser(actor);
  const parsed = ZResolveDisputeInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw validation("Check the highlighted fields.", fieldErrors);
  }
  const input = parsed.data;

  return db.$transaction(async (tx) => {
    // Statement-line disputes have their own resolution (statements/resolve-statement-dispute.ts).
    const dispute = await tx.dispute.findUnique({
      where: { id: input.disputeId, origin: "ENROLLMENT" },
      include: {
        work: { select: { id: true, title: true, rightsholderId: true, rightsholder: { select: { name: true } } } },
        claimant: { select: { id: true, name: true } },
        claimantWork: { select: { id: true, title: true, status: true } },
      },
    });
    if (!dispute) throw notFound("That dispute");
    const moved = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "OPEN" },
      data: { status: STATUS_AFTER[input.resolution], resolution: input.note, resolvedById: staff.userId, resolvedAt: new Date() },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "This dispute was already resolved; reload the page to see the decision.");

    const identifier = dispute.identifierType && dispute.identifierValue
      ? { type: dispute.identifierType as IdentifierKind, value: dispute.identifierValue }
      : null;
    const label = identifier ? describeIdentifier(identifier) : "The identifier";
    let summary: string;
    if (input.resolution === "ASSIGN_CLAIMANT") {
      if (!identifier || !dispute.claimantWork) throw validation("This dispute has no claimant work to assign the identifier to.");
      await moveIdentifier(tx, actor, identifier, dispute.work.id, dispute.claimantWork.id, dispute.id);
      summary = RESOLUTION_SUMMARY.ASSIGN_CLAIMANT(dispute.claimant.name, label);
    } else if (input.resolution === "CO_OWNERS") {
      const share = parseSharePercent(input.claimantSharePercent);
      if (!share.ok) throw validation(share.error, { claimantSharePercent: [share.error] });
      await makeCoOwners(tx, actor, { workId: dispute.work.id, holderId: dispute.work.rightsholderId, claimantId: dispute.claimantOrgId, claimantBps: share.bps, claimantWork: dispute.claimantWork, disputeId: dispute.id });
      summary = RESOLUTION_SUMMARY.CO_OWNERS(dispute.work.rightsholder.name, dispute.claimant.name, formatShare(share.bps));
    } else if (input.resolution === "ASSIGN_HOLDER") {
      summary = RESOLUTION_SUMMARY.ASSIGN_HOLDER(dispute.work.rightsholder.name, label);
    } else {
      summary = RESOLUTION_SUMMARY.REJECT();
    }

    await writeAudit(tx, actor, {
      action: "dispute.resolved",
      entityType: "Dispute",
      entityId: dispute.id,
      organizationId: dispute.claimantOrgId,
      before: { status: "OPEN" },
      after: { status: STATUS_AFTER[input.resolution], decision: input.resolution, resolution: input.note, summary },
    });

    const owners = await tx.membership.findMany({
      where: { role: "OWNER", organizationId: { in: [dispute.work.rightsholderId, dispute.claimantOrgId] } },
      select: { organizationId: true, user: { select: { email: true } } },
    });
    for (const owner of owners) {
      const otherName = owner.organizationId === dispute.claimantOrgId ? dispute.work.rightsholder.name : dispute.claimant.name;
      await enqueueMail(tx, disputeResolvedMail(owner.user.email, { organizationName: otherName, workTitle: dispute.work.title, summary, note: input.note, disputeId: dispute.id }));
    }
    return { status: STATUS_AFTER[input.resolution], summary };
  });
}

async function moveIdentifier(tx: Tx, actor: Actor | null, identifier: { type: IdentifierKind; value: string }, fromWorkId: number, toWorkId: number, disputeId: string) {
  const removed = await tx.workIdentifier.deleteMany({ where: { workId: fromWorkId, type: identifier.type, value: identifier.value } });
  if (removed.count === 0) throw new AppError("CONFLICT", `${describeIdentifier(identifier)} is no longer on the holder's work; reload and check.`);
  await tx.workIdentifier.create({ data: { workId: toWorkId, ...identifier } });
  const note = { identifier: describeIdentifier(identifier), disputeId };
  await writeAudit(tx, actor, { action: "work.identifier_removed", entityType: "Work", entityId: String(fromWorkId), before: note, after: { reason: "dispute resolved for the claimant" } });
  await writeAudit(tx, actor, { action: "work.identifier_assigned", entityType: "Work", entityId: String(toWorkId), before: null, after: note });
}

async function makeCoOwners(
  tx: Tx,
  actor: Actor | null,
  input: { workId: number; holderId: string; claimantId: string; claimantBps: number; claimantWork: { id: number; status: string } | null; disputeId: string },
) {
  // Lock the work's split so a co-owner edit in the same moment cannot interleave.
  await tx.$queryRaw`SELECT id FROM works WHERE id = ${input.workId} FOR UPDATE`;
  const current = await tx.workCoOwner.findMany({ where: { workId: input.workId }, orderBy: { id: "asc" } });
  const existing = current.length > 0
    ? current.map((c) => ({ organizationId: c.organizationId, externalPayeeName: c.externalPayeeName, externalPayeeEmail: c.externalPayeeEmail, shareBps: c.shareBps }))
    : [{ organizationId: input.holderId, externalPayeeName: null, externalPayeeEmail: null, shareBps: SHARE_TOTAL_BPS }];
  const scaled = scaleShares(existing.map((e) => e.shareBps), SHARE_TOTAL_BPS - input.claimantBps);
  const next = existing.map((e, index) => ({ ...e, shareBps: scaled[index]! })).filter((e) => e.shareBps > 0);
  const already = next.find((e) => e.organizationId === input.claimantId);
  if (already) already.shareBps += input.claimantBps;
  else next.push({ organizationId: input.claimantId, externalPayeeName: null, externalPayeeEmail: null, shareBps: input.claimantBps });

  await tx.workCoOwner.deleteMany({ where: { workId: input.workId } });
  await tx.workCoOwner.createMany({ data: next.map((e) => ({ workId: input.workId, ...e })) });
  await writeAudit(tx, actor, {
    action: "work.co_owners_changed",
    entityType: "Work",
    entityId: String(input.workId),
    organizationId: input.holderId,
    before: { coOwners: existing.map((e) => ({ organizationId: e.organizationId, payee: e.externalPayeeName, shareBps: e.shareBps })) },
    after: { coOwners: next.map((e) => ({ organizationId: e.organizationId, payee: e.externalPayeeName, shareBps: e.shareBps })), disputeId: input.disputeId },
  });

  const claimantWork = input.claimantWork;
  if (claimantWork && claimantWork.id !== input.workId && claimantWork.status !== "MERGED") {
    const movedIdentifiers = await tx.workIdentifier.updateMany({ where: { workId: claimantWork.id }, data: { workId: input.workId } });
    await tx.work.update({ where: { id: claimantWork.id }, data: { status: "MERGED", mergedIntoId: input.workId } });
    await writeAudit(tx, actor, {
      action: "work.merged",
      entityType: "Work",
      entityId: String(claimantWork.id),
      organizationId: input.claimantId,
      before: { status: claimantWork.status },
      after: { status: "MERGED", mergedIntoId: input.workId, identifiersMoved: movedIdentifiers.count, disputeId: input.disputeId },
    });
  }
}
