import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";

export async function listMembers(actor: Actor | null, organizationId: string) {
  authorize(can.readOrganization(actor, organizationId));
  return db.membership.findMany({
    where: { organizationId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, isActive: true, lastSignInAt: true } },
    },
  });
}

export async function listOpenInvitations(actor: Actor | null, organizationId: string) {
  authorize(can.readOrganization(actor, organizationId));
  return db.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
}

export async function getOrganizationSummary(actor: Actor | null, organizationId: string) {
  authorize(can.readOrganization(actor, organizationId));
  return db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, name: true, kind: true, createdAt: true, _count: { select: { memberships: true } } },
  });
}
