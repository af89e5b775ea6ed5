import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrganizationKind } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { ZStaffOrganizationsQuery, type TStaffOrganizationsQuery } from "./staff-organizations.schema";

// The staff list of every organisation, licensees and rightsholders: searched by name, legal name
// or a member's email, filtered by kind and state, with what staff look at first per row. Both
// staff roles read it; the CSV export (staff-organizations-csv.ts) walks the same filters.

export const STAFF_ORGANIZATIONS_PAGE_SIZE = 50;

/** Suspended: the organisation is switched off, suspended by staff, or its participation is. */
const SUSPENDED: Prisma.OrganizationWhereInput = {
  OR: [{ isActive: false }, { suspendedAt: { not: null } }, { rightsholderProfile: { is: { status: "SUSPENDED" } } }],
};

export function organizationsWhere(query: ReturnType<typeof ZStaffOrganizationsQuery.parse>): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [];
  if (query.kind !== "ALL") and.push({ kind: query.kind });
  if (query.state === "SUSPENDED") and.push(SUSPENDED);
  if (query.state === "ACTIVE") and.push({ NOT: SUSPENDED });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { name: contains },
        { licenseeProfile: { is: { legalName: contains } } },
        { rightsholderProfile: { is: { legalName: contains } } },
        { memberships: { some: { user: { email: contains } } } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

const ROW_SELECT = {
  id: true, kind: true, name: true, isActive: true, suspendedAt: true, suspendReason: true, createdAt: true,
  licenseeProfile: { select: { legalName: true, country: true } },
  rightsholderProfile: { select: { legalName: true, country: true, status: true } },
  _count: {
    select: {
      memberships: true,
      grants: { where: { status: "ACTIVE" } },
      works: { where: { status: { not: "MERGED" } } },
    },
  },
} as const satisfies Prisma.OrganizationSelect;

export type StaffOrganizationRow = {
  id: string;
  kind: OrganizationKind;
  name: string;
  legalName: string | null;
  country: string | null;
  participationStatus: string | null;
  isSuspended: boolean;
  suspendReason: string | null;
  createdAt: Date;
  counts: { members: number; activeGrants: number; works: number; openDisputes: number };
};

/** Open disputes where each organisation is a party: as the work's holder or as the claimant. */
async function openDisputeCounts(organizationIds: string[]): Promise<Map<string, number>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ organizationId: string; open: bigint }[]>`
    SELECT party AS "organizationId", COUNT(DISTINCT id) AS open FROM (
      SELECT d.id, d."claimantOrgId" AS party FROM disputes d
       WHERE d.status = 'OPEN' AND d."claimantOrgId" = ANY(${organizationIds}::uuid[])
      UNION ALL
      SELECT d.id, w."rightsholderId" AS party FROM disputes d JOIN works w ON w.id = d."workId"
       WHERE d.status = 'OPEN' AND w."rightsholderId" = ANY(${organizationIds}::uuid[])
    ) parties GROUP BY party`;
  return new Map(rows.map((r) => [r.organizationId, Number(r.open)]));
}

/** Rows of the list in name order (ties by id), `skip`ped and `take`n, with their counts. */
export async function organizationRows(where: Prisma.OrganizationWhereInput, page: { skip?: number; take: number; after?: { name: string; id: string } }) {
  const after = page.after;
  const rows = await db.organization.findMany({
    where: after ? { AND: [where, { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] } : where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
    select: ROW_SELECT,
  });
  const disputes = await openDisputeCounts(rows.map((r) => r.id));
  return rows.map((o): StaffOrganizationRow => {
    const profile = o.kind === "LICENSEE" ? o.licenseeProfile : o.rightsholderProfile;
    const participationStatus = o.kind === "RIGHTSHOLDER" ? (o.rightsholderProfile?.status ?? null) : null;
    return {
      id: o.id, kind: o.kind, name: o.name, legalName: profile?.legalName ?? null, country: profile?.country ?? null, participationStatus,
      isSuspended: !o.isActive || o.suspendedAt !== null || participationStatus === "SUSPENDED", suspendReason: o.suspendReason, createdAt: o.createdAt,
      counts: { members: o._count.memberships, activeGrants: o._count.grants, works: o._count.works, openDisputes: disputes.get(o.id) ?? 0 },
    };
  });
}

/** One page of the list, and how many organisations match. */
export async function listOrganizationsForStaff(actor: Actor | null, rawQuery: TStaffOrganizationsQuery = {}) {
  authorize(can.readStaffArea(actor));
  const query = ZStaffOrganizationsQuery.parse(rawQuery);
  const where = organizationsWhere(query);
  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    organizationRows(where, { skip: (query.page - 1) * STAFF_ORGANIZATIONS_PAGE_SIZE, take: STAFF_ORGANIZATIONS_PAGE_SIZE + 1 }),
  ]);
  return {
    query,
    total,
    hasNext: rows.length > STAFF_ORGANIZATIONS_PAGE_SIZE,
    organizations: rows.slice(0, STAFF_ORGANIZATIONS_PAGE_SIZE),
  };
}
