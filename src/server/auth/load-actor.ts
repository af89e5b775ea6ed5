import "server-only";
import { db } from "../db";
import type { UserActor } from "./actor";
import { checkStaffSession, type SessionEnd, type SessionFacts } from "./staff-session-lifetime";
import { isUuid } from "@/lib/uuid";

type ActorRow = {
  id: string;
  email: string;
  name: string;
  staffRole: UserActor["staffRole"];
  isActive: boolean;
  sessionVersion: number;
  memberships: UserActor["memberships"];
};


/**
 * Re-reads the user behind a session on every request: a deactivated user, or a session issued
 * before the user's sessionVersion was bumped (role change, password change), gets no actor.
 * One statement (the user and the memberships of active organisations, oldest first): it runs
 * for every page view, and Prisma's nested read of the same rows took three round trips.
 */
export async function loadUserActor(
  userId: string,
  sessionVersion: number,
  ip: string | null,
): Promise<UserActor | null> {
  if (!isUuid(userId)) return null;
  const [user] = await db.$queryRaw<ActorRow[]>`
    SELECT u.id::text AS id, u.email, u.name, u."staffRole"::text AS "staffRole", u."isActive", u."sessionVersion",
           COALESCE(json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name, 'kind', o.kind, 'role', m.role)
                             ORDER BY m."createdAt", m.id) FILTER (WHERE o.id IS NOT NULL), '[]') AS memberships
      FROM users u
      LEFT JOIN memberships m ON m."userId" = u.id
      LEFT JOIN organizations o ON o.id = m."organizationId" AND o."isActive"
     WHERE u.id = ${userId}::uuid
     GROUP BY u.id`;
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  return { type: "user", userId: user.id, email: user.email, name: user.name, staffRole: user.staffRole, ip, memberships: user.memberships };
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
