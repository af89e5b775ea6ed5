import "server-only";
import { db } from "../db";
import type { UserActor } from "./actor";
import { checkStaffSession, type SessionEnd, type SessionFacts } from "./staff-session-lifetime";

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

/** A request's actor, or why its session has ended (staff limits), or neither (refused as above). */
export type SessionActorResult = { actor: UserActor; ended: null } | { actor: null; ended: SessionEnd | null };

/**
 * The actor behind a session token: loadUserActor, then, for staff, the session lifetime limits
 * (staff-session-lifetime.ts). Organisation users keep next-auth's lifetime (SESSION_MAX_AGE_SECONDS).
 */
export async function loadSessionActor(
  token: { userId: string; sessionVersion: number } & SessionFacts,
  ip: string | null,
  now = new Date(),
): Promise<SessionActorResult> {
  const actor = await loadUserActor(token.userId, token.sessionVersion, ip);
  if (!actor) return { actor: null, ended: null };
  if (actor.staffRole) {
    const ended = await checkStaffSession(actor.userId, token, now);
    if (ended) return { actor: null, ended };
  }
  return { actor, ended: null };
}
