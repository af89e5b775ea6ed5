import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { loadStanding } from "../participation/participation.queries";
import { ZStaffPage } from "./staff-organizations.schema";
import { isUuid } from "@/lib/uuid";

// One organisation in the staff area, read-only: its profile and standing, its members, its audit
// trail. Both staff roles read; `canAdminister` tells the page whether to draw ADMIN's controls.
// Every query names the organisation in its `where`, so rows of another never show.

export const STAFF_ORGANIZATION_PAGE_SIZE = 25;

/** Offset and size for a page of one of the organisation's lists (one extra row tells if more follow). */
export function staffPageWindow(rawPage: unknown) {
  const page = ZStaffPage.parse(rawPage ?? 1);
  return { page, skip: (page - 1) * STAFF_ORGANIZATION_PAGE_SIZE, take: STAFF_ORGANIZATION_PAGE_SIZE + 1 };
}

export function staffPageOf<T>(rows: T[], page: number) {
  return { rows: rows.slice(0, STAFF_ORGANIZATION_PAGE_SIZE), page, hasNext: rows.length > STAFF_ORGANIZATION_PAGE_SIZE };
}

/** The organisation by id (a malformed or unknown id is "not found"), for queries that checked access. */
export async function findOrganizationForStaff(organizationId: string) {
  const organization = isUuid(organizationId)
    ? await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, kind: true } })
    : null;
  if (!organization) throw notFound("That organisation");
  return organization;
}

/** The header and profile tab: who the organisation is, where it stands, what it has. */
export async function getOrganizationForStaff(actor: Actor | null, organizationId: string) {
  authorize(can.readStaffArea(actor));
  const organization = !isUuid(organizationId) ? null : await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true, kind: true, name: true, isActive: true, suspendedAt: true, suspendReason: true, createdAt: true,
      licenseeProfile: true,
      rightsholderProfile: { select: { status: true } },
      _count: {
        select: {
          grants: { where: { status: "ACTIVE" } }, works: { where: { status: { not: "MERGED" } } }, apiKeys: { where: { revokedAt: null } },
          usageReports: true, coverageChecks: true, statements: true,
        },
      },
    },
  });
  if (!organization) throw notFound("That organisation");
  const [people, openDisputes, standing] = await Promise.all([
    db.membership.findMany({ where: { organizationId }, select: { role: true, user: { select: { isActive: true } } } }),
    db.dispute.count({ where: { status: "OPEN", OR: [{ claimantOrgId: organizationId }, { work: { rightsholderId: organizationId } }] } }),
    organization.kind === "RIGHTSHOLDER" ? loadStanding(db, organizationId) : Promise.resolve(null),
  ]);
  const licensee = organization.licenseeProfile;
  const attestedBy = licensee?.attestedById ? await db.user.findUnique({ where: { id: licensee.attestedById }, select: { name: true } }) : null;
  const { _count } = organization;
  const header = {
    id: organization.id, kind: organization.kind, name: organization.name, isActive: organization.isActive, suspendedAt: organization.suspendedAt,
    suspendReason: organization.suspendReason, createdAt: organization.createdAt,
  };
  return {
    organization: { ...header, isSuspended: !header.isActive || header.suspendedAt !== null || organization.rightsholderProfile?.status === "SUSPENDED" },
    counts: {
      members: people.length,
      activeMembers: people.filter((p) => p.user.isActive).length,
      owners: people.filter((p) => p.role === "OWNER").length,
      activeOwners: people.filter((p) => p.role === "OWNER" && p.user.isActive).length,
      activeGrants: _count.grants, works: _count.works, activeApiKeys: _count.apiKeys, usageReports: _count.usageReports,
      coverageChecks: _count.coverageChecks, statements: _count.statements, openDisputes,
    },
    licensee: licensee && { ...licensee, attestedByName: attestedBy?.name ?? null },
    rightsholder: standing,
    canAdminister: can.administer(actor),
  };
}

export type StaffOrganizationView = Awaited<ReturnType<typeof getOrganizationForStaff>>;

/** The organisation's members, owners first, with the account facts staff act on. */
export async function listOrganizationMembersForStaff(actor: Actor | null, input: { organizationId: string; page?: unknown }) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.membership.findMany({
    where: { organizationId: input.organizationId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true, role: true, createdAt: true,
      user: { select: { id: true, name: true, email: true, isActive: true, lastSignInAt: true, staffRole: true, createdAt: true } },
    },
  });
  return staffPageOf(rows, page);
}

/** The organisation's audit rows, newest first, naming who acted. */
export async function listOrganizationAuditForStaff(actor: Actor | null, input: { organizationId: string; page?: unknown }) {
  authorize(can.readStaffArea(actor));
  await findOrganizationForStaff(input.organizationId);
  const { page, skip, take } = staffPageWindow(input.page);
  const rows = await db.auditLog.findMany({
    where: { OR: [{ organizationId: input.organizationId }, { entityType: "Organization", entityId: input.organizationId }] },
    orderBy: { id: "desc" },
    skip,
    take,
    select: { id: true, at: true, actorUserId: true, actorKind: true, action: true, entityType: true, entityId: true, before: true, after: true },
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const people = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return staffPageOf(rows.map((r) => ({ ...r, actorName: r.actorUserId ? (nameOf.get(r.actorUserId) ?? "A former user") : null })), page);
}
