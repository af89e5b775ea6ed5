import "server-only";
import { db } from "../db";

// Staff sessions reach every organisation's data, so they end sooner than others: 12 hours after
// sign-in whatever happens (the JWT can be re-issued by next-auth's session endpoint, but the
// sign-in time inside it is carried over, never renewed), and after 30 minutes without a request.
// The idle clock is kept per session in session_activity, not in the JWT: server components
// cannot set cookies, so a rolling JWT field would not move on the page views that are the work.
export const STAFF_SESSION_LIMITS = {
  absoluteSeconds: 12 * 60 * 60,
  idleSeconds: 30 * 60,
  /** lastSeenAt is written at most this often (like API keys' lastUsedAt): idle ends within a minute of the limit. */
  touchEverySeconds: 60,
};

/** Why a session ended; the sign-in page says it in words. */
export type SessionEnd = "absolute" | "idle";

/** What the JWT says about the session: its id and when it signed in (absent in tokens issued before these fields). */
export type SessionFacts = { sessionId?: string; signedInAt?: number };

/** Pure: has the session outlived a staff limit at `now`? `lastSeenAt` null means not seen since sign-in. */
export function staffSessionEnd(signedInAt: Date, lastSeenAt: Date | null, now: Date): SessionEnd | null {
  const since = (from: Date) => (now.getTime() - from.getTime()) / 1000;
  if (since(signedInAt) > STAFF_SESSION_LIMITS.absoluteSeconds) return "absolute";
  if (since(lastSeenAt ?? signedInAt) > STAFF_SESSION_LIMITS.idleSeconds) return "idle";
  return null;
}

/**
 * For a staff member's request: the reason the session has ended, or null after recording that it
 * was used now. A token without a session id or sign-in time cannot be timed, so it has ended. An
 * ended session is not touched, so it stays ended.
 */
export async function checkStaffSession(userId: string, session: SessionFacts, now = new Date()): Promise<SessionEnd | null> {
  if (!session.sessionId || typeof session.signedInAt !== "number") return "absolute";
  const signedInAt = new Date(session.signedInAt * 1000);
  const activity = await db.sessionActivity.findUnique({ where: { id: session.sessionId }, select: { userId: true, lastSeenAt: true } });
  // A session id belongs to the user it was issued to; another user's row is never borrowed.
  if (activity && activity.userId !== userId) return "absolute";
  const ended = staffSessionEnd(signedInAt, activity?.lastSeenAt ?? null, now);
  if (ended) return ended;
  const lastSeenAt = activity?.lastSeenAt ?? signedInAt;
  if ((now.getTime() - lastSeenAt.getTime()) / 1000 >= STAFF_SESSION_LIMITS.touchEverySeconds) {
    await touchSession(userId, session.sessionId, now);
  }
  return null;
}

/** Records the use, and drops the user's rows of sessions that can no longer be alive. */
async function touchSession(userId: string, sessionId: string, now: Date): Promise<void> {
  const oldest = new Date(now.getTime() - STAFF_SESSION_LIMITS.absoluteSeconds * 1000);
  await db.$transaction([
    db.sessionActivity.upsert({ where: { id: sessionId }, create: { id: sessionId, userId, lastSeenAt: now }, update: { lastSeenAt: now } }),
    db.sessionActivity.deleteMany({ where: { userId, lastSeenAt: { lt: oldest } } }),
  ]);
}
