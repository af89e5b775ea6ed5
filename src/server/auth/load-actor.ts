import "server-only";
import { db } from "../db";
import type { UserActor } from "./actor";

/**
 * Re-reads the user behind a session on every request: a deactivated user, or a session issued
 * before the user's sessionVersion was bumped (role change, password change), gets no actor.
 */
export async function loadUserActor(
  userId: string,
  sessionVersion: number,
  ip: string | null,
): Promise<UserActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      staffRole: true,
      isActive: true,
      sessionVersion: true,
      memberships: {
        where: { organization: { isActive: true } },
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          organization: { select: { id: true, name: true, kind: true } },
        },
      },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  return {
    type: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    staffRole: user.staffRole,
    ip,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organization.id,
      organizationName: m.organization.name,
      kind: m.organization.kind,
      role: m.role,
    })),
  };
}
