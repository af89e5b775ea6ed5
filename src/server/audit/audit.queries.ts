import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AUDIT_PAGE_SIZE, ZAuditFilters, decodeAuditCursor, encodeAuditCursor, filterDay, type AuditCursor, type AuditFilters, type TAuditFilters } from "./audit.schema";
import { isUuid } from "@/lib/uuid";

// The staff audit log viewer. The table is append-only and large, so rows are read newest first
// by keyset on (at, id): each filter picks one of its indexes (actorUserId, at), (organizationId,
// at), (entityType, entityId, at) or (at), and a page reads the index from the cursor on, never
// counting or skipping. The action prefix and the date range narrow whichever index is used.

const DAY_MS = 86_400_000;

export type AuditRow = {
  id: string;
  at: Date;
  actorKind: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  organizationId: string | null;
  organizationName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

/**
 * The filters as a `where`, or null when they name nobody (an unknown email or organisation):
 * nothing can match, and the notes say why. Called after the access check of its callers.
 */
export async function buildAuditWhere(filters: AuditFilters): Promise<{ where: Prisma.AuditLogWhereInput | null; notes: string[] }> {
  const notes: string[] = [];
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) {
    if (isUuid(filters.actor)) and.push({ actorUserId: filters.actor });
    else if (filters.actor.includes("@")) {
      const user = await db.user.findUnique({ where: { email: filters.actor.toLowerCase() }, select: { id: true } });
      if (!user) return { where: null, notes: [`No user has the email ${filters.actor}.`] };
      and.push({ actorUserId: user.id });
    } else and.push({ actorKind: filters.actor.toLowerCase() });
  }
  if (filters.organization) {
    if (isUuid(filters.organization)) and.push({ organizationId: filters.organization });
    else {
      const named = await db.organization.findMany({ where: { name: { equals: filters.organization, mode: "insensitive" } }, select: { id: true }, take: 50 });
      if (named.length === 0) return { where: null, notes: [`No organisation is named “${filters.organization}”.`] };
      and.push({ organizationId: { in: named.map((o) => o.id) } });
    }
  }
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.entityId) and.push({ entityId: filters.entityId });
  // Prisma hands startsWith to LIKE as it is: "_" and "%" are escaped so the prefix is literal.
  if (filters.action) and.push({ action: { startsWith: filters.action.replace(/[\\%_]/g, "\\$&") } });
  const from = filterDay(filters.from);
  const to = filterDay(filters.to);
  if (filters.from && !from) notes.push(`“${filters.from}” is not a day (YYYY-MM-DD): the start of the range is ignored.`);
  if (filters.to && !to) notes.push(`“${filters.to}” is not a day (YYYY-MM-DD): the end of the range is ignored.`);
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lt: new Date(to.getTime() + DAY_MS) } });
  return { where: { AND: and }, notes };
}

/** Rows after `cursor` in the direction asked: (at, id) below it for older, above it for newer. */
export function auditKeyset(cursor: AuditCursor, direction: "older" | "newer"): Prisma.AuditLogWhereInput {
  return direction === "older"
    ? { at: { lte: cursor.at }, OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] }
    : { at: { gte: cursor.at }, OR: [{ at: { gt: cursor.at } }, { id: { gt: cursor.id } }] };
}

/** Who and which organisation, by name, for a page of rows. */
export async function describeAuditRows(rows: Prisma.AuditLogGetPayload<object>[]): Promise<AuditRow[]> {
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => id !== null))];
  const [users, orgs] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    orgIds.length ? db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [],
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const orgOf = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actorKind: r.actorKind,
    actorUserId: r.actorUserId,
    actorName: r.actorUserId ? (userOf.get(r.actorUserId)?.name ?? null) : null,
    actorEmail: r.actorUserId ? (userOf.get(r.actorUserId)?.email ?? null) : null,
    organizationId: r.organizationId,
    organizationName: r.organizationId ? (orgOf.get(r.organizationId) ?? null) : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
}

export type AuditPage = { filters: AuditFilters; rows: AuditRow[]; olderCursor: string | null; newerCursor: string | null; notes: string[] };

/** One page of the audit log, newest first, filtered; both staff roles read it. */
export async function listAuditLog(actor: Actor | null, rawFilters: TAuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  authorize(can.readStaffArea(actor));
  const filters = ZAuditFilters.parse(rawFilters);
  const { where, notes } = await buildAuditWhere(filters);
  if (!where) return { filters, rows: [], olderCursor: null, newerCursor: null, notes };
  const cursor = decodeAuditCursor(filters.cursor);
  const direction = cursor && filters.dir === "newer" ? "newer" : "older";
  const order = direction === "older" ? "desc" : "asc";
  const found = await db.auditLog.findMany({
    where: cursor ? { AND: [where, auditKeyset(cursor, direction)] } : where,
    orderBy: [{ at: order }, { id: order }],
    take: pageSize + 1,
  });
  const hasMore = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (direction === "newer") page.reverse();
  const rows = await describeAuditRows(page);
  const first = page[0];
  const last = page.at(-1);
  return {
    filters,
    rows,
    // Going older, more rows beyond means an older page; we came from newer rows when a cursor was given.
    olderCursor: last && (direction === "older" ? hasMore : true) ? encodeAuditCursor(last) : null,
    newerCursor: first && (direction === "newer" ? hasMore : cursor !== null) ? encodeAuditCursor(first) : null,
    notes,
  };
}
