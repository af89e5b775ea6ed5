import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { UserActor } from "./actor";
import { authOptions } from "./auth-options";
import { clientIpFromForwardedFor } from "./client-ip";
import { loadSessionActor, type SessionActorResult } from "./load-actor";
import { sessionClaimsFrom } from "./session-token";

/** The request's session: its actor, or why a staff session ended. Once per request. */
export const getSessionActor = cache(async (): Promise<SessionActorResult> => {
  const session = await sessionClaimsFrom((await cookies()).getAll(), authOptions.secret);
  if (!session?.uid || typeof session.sv !== "number") return { actor: null, ended: null };
  const ip = await requestIp();
  return loadSessionActor({ userId: session.uid, sessionVersion: session.sv, sessionId: session.sid, signedInAt: session.sat }, ip);
});

/** The request's actor, or null when signed out (or the session was revoked or has ended). */
export const getActor = cache(async (): Promise<UserActor | null> => (await getSessionActor()).actor);

export async function requestIp(): Promise<string> {
  const h = await headers();
  return clientIpFromForwardedFor(h.get("x-forwarded-for"));
}
