import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import type { UserActor } from "./actor";
import { authOptions } from "./auth-options";
import { clientIpFromForwardedFor } from "./client-ip";
import { loadUserActor } from "./load-actor";

/** The request's actor, or null when signed out (or the session was revoked). Once per request. */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || typeof session.sv !== "number") return null;
  const ip = await requestIp();
  return loadUserActor(session.uid, session.sv, ip);
});

export async function requestIp(): Promise<string> {
  const h = await headers();
  return clientIpFromForwardedFor(h.get("x-forwarded-for"));
}
