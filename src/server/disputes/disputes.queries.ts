import "server-only";
import type { IdentifierKind } from "@/lib/identifiers";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can, membershipIn } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { describeIdentifier } from "../works/merge-works";
import { ZDisputeStatusFilter } from "./disputes.schema";
import { isUuid } from "@/lib/uuid";

// Disputes as each party sees them. A rightsholder sees its own work in full and, of the other
// side, only what the public repertoire would show: the organisation's name and the work's title,
// contributors, type and year. Never contacts, legal names, tax or payout details, members or
// other works. Staff see both sides in full.

const WORK_PUBLIC = { id: true, title: true, contributors: true, type: true, publicationYear: true } as const;
const WORK_FULL = {
  ...WORK_PUBLIC,
  publisher: true,
  language: true,
  status: true,
  mergedIntoId: true,
  rightsholderId: true,
  identifiers: { select: { type: true, value: true }, orderBy: { id: "asc" } },
} as const;

type PublicWork = { id: number; title: string; contributors: string[]; type: string; publicationYear: number | null };

export type DisputeListItem = {
  id: string;
  status: string;
  openedAt: Date;
  resolvedAt: Date | null;
  identifier: string | null;
  /** "holder": another rightsholder claims an identifier of our work; "claimant": our claim. */
  side: "holder" | "claimant";
  ourWork: { id: number; title: string } | null;
  otherOrganizationName: string;
  otherWorkTitle: string | null;
};

function identifierLabel(d: { identifierType: string | null; identifierValue: string | null }): string | null {
  return d.identifierType && d.identifierValue ? describeIdentifier({ type: d.identifierType as IdentifierKind, value: d.identifierValue }) : null;
}

function statusWhere(raw: unknown): Prisma.DisputeWhereInput {
  const status = ZDisputeStatusFilter.parse(raw ?? "OPEN");
  return status === "ALL" ? {} : { status };
}

/** Both directions for one rightsholder: claims on its works, and its claims on others'. */
export async function listDisputes(actor: Actor | null, organizationId: string, filters: { status?: string } = {}): Promise<DisputeListItem[]> {
  authorize(can.readWorks(actor, organizationId));
  const rows = await db.dispute.findMany({
    where: { ...statusWhere(filters.status), OR: [{ work: { rightsholderId: organizationId } }, { claimantOrgId: organizationId }] },
    orderBy: [{ openedAt: "desc" }],
    take: 500,
    select: {
      id: true, status: true, openedAt: true, resolvedAt: true, identifierType: true, identifierValue: true, claimantOrgId: true,
      work: { select: { id: true, title: true, rightsholder: { select: { name: true } } } },
      claimant: { select: { name: true } },
      claimantWork: { select: { id: true, title: true } },
    },
  });
  return rows.map((d) => {
    const isClaimant = d.claimantOrgId === organizationId;
    return {
      id: d.id,
      status: d.status,
      openedAt: d.openedAt,
      resolvedAt: d.resolvedAt,
      identifier: identifierLabel(d),
      side: isClaimant ? "claimant" : "holder",
      ourWork: isClaimant ? d.claimantWork : { id: d.work.id, title: d.work.title },
      otherOrganizationName: isClaimant ? d.work.rightsholder.name : d.claimant.name,
      otherWorkTitle: isClaimant ? d.work.title : (d.claimantWork?.title ?? null),
    };
  });
}

/** Open disputes where the organisation is a party, for badges and overview counts. */
export async function countOpenDisputes(actor: Actor | null, organizationId: string): Promise<number> {
  authorize(can.readWorks(actor, organizationId));
  return db.dispute.count({ where: { status: "OPEN", OR: [{ work: { rightsholderId: organizationId } }, { claimantOrgId: organizationId }] } });
}

async function loadDispute(disputeId: string) {
  if (!isUuid(disputeId)) return null;
  return db.dispute.findUnique({
    where: { id: disputeId },
    include: {
      work: { select: { ...WORK_FULL, rightsholder: { select: { id: true, name: true } }, coOwners: { select: { shareBps: true, organizationId: true, externalPayeeName: true, organization: { select: { name: true } } } } } },
      claimant: { select: { id: true, name: true } },
      claimantWork: { select: WORK_FULL },
    },
  });
}

function publicWork(work: PublicWork | null): PublicWork | null {
  return work && { id: work.id, title: work.title, contributors: work.contributors, type: work.type, publicationYear: work.publicationYear };
}

/**
 * One dispute for one of the two organisations involved: its own side in full, the other side
 * trimmed to public facts. Anyone else (another rightsholder, a licensee) gets "not found".
 */
export async function getDispute(actor: Actor | null, disputeId: string) {
  const dispute = await loadDispute(disputeId);
  const holderId = dispute?.work.rightsholder.id;
  const side = !dispute ? null
    : membershipIn(actor, dispute.claimantOrgId) ? "claimant" as const
      : holderId && membershipIn(actor, holderId) ? "holder" as const : null;
  if (!dispute || !side || !can.readWorks(actor, side === "claimant" ? dispute.claimantOrgId : holderId!)) {
    authorize(can.useRightsholderArea(actor));
    throw notFound("That dispute");
  }
  const { work, claimantWork } = dispute;
  return {
    id: dispute.id,
    status: dispute.status,
    reason: dispute.reason,
    resolution: dispute.resolution,
    openedAt: dispute.openedAt,
    resolvedAt: dispute.resolvedAt,
    identifier: identifierLabel(dispute),
    side,
    holder: {
      organizationName: work.rightsholder.name,
      work: side === "holder" ? work : publicWork(work),
    },
    claimant: {
      organizationName: dispute.claimant.name,
      work: side === "claimant" ? claimantWork : publicWork(claimantWork),
    },
  };
}

export type DisputeView = Awaited<ReturnType<typeof getDispute>>;

/** The staff queue: open disputes first, oldest first. */
export async function listDisputeQueue(actor: Actor | null, filters: { status?: string } = {}) {
  authorize(can.readStaffArea(actor));
  const [rows, openCount] = await Promise.all([
    db.dispute.findMany({
      where: statusWhere(filters.status),
      orderBy: [{ openedAt: "asc" }],
      take: 500,
      select: {
        id: true, status: true, origin: true, openedAt: true, resolvedAt: true, identifierType: true, identifierValue: true,
        work: { select: { id: true, title: true, rightsholder: { select: { name: true } } } },
        claimant: { select: { name: true } },
      },
    }),
    db.dispute.count({ where: { status: "OPEN" } }),
  ]);
  return {
    openCount,
    disputes: rows.map((d) => ({
      id: d.id,
      status: d.status,
      origin: d.origin,
      openedAt: d.openedAt,
      resolvedAt: d.resolvedAt,
      identifier: identifierLabel(d),
      workTitle: d.work.title,
      holderName: d.work.rightsholder.name,
      claimantName: d.claimant.name,
    })),
  };
}

/** Everything staff need to decide: both sides in full, contacts, co-owners, related claims. */
export async function getDisputeForStaff(actor: Actor | null, disputeId: string) {
  authorize(can.readStaffArea(actor));
  const dispute = await loadDispute(disputeId);
  if (!dispute) throw notFound("That dispute");
  const [profiles, related, resolvedBy] = await Promise.all([
    db.rightsholderProfile.findMany({
      where: { organizationId: { in: [dispute.work.rightsholder.id, dispute.claimantOrgId] } },
      select: { organizationId: true, legalName: true, contactName: true, contactEmail: true, status: true },
    }),
    dispute.identifierType && dispute.identifierValue
      ? db.dispute.findMany({
        where: { identifierType: dispute.identifierType, identifierValue: dispute.identifierValue, id: { not: dispute.id } },
        select: { id: true, status: true, openedAt: true, claimant: { select: { name: true } } },
        orderBy: { openedAt: "asc" },
      })
      : [],
    dispute.resolvedById ? db.user.findUnique({ where: { id: dispute.resolvedById }, select: { name: true } }) : null,
  ]);
  const profileOf = (id: string) => profiles.find((p) => p.organizationId === id) ?? null;
  return {
    ...dispute,
    identifier: identifierLabel(dispute),
    holderProfile: profileOf(dispute.work.rightsholder.id),
    claimantProfile: profileOf(dispute.claimantOrgId),
    related,
    resolvedByName: resolvedBy?.name ?? null,
    canResolve: can.administer(actor),
  };
}

export type StaffDisputeView = Awaited<ReturnType<typeof getDisputeForStaff>>;

