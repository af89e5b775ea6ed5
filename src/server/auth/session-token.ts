import "server-only";
import { decode } from "next-auth/jwt";

// The claims of next-auth's session cookie, read the way next-auth reads them: the cookie named
// for this URL (__Secure- over https), its chunks joined in order when next-auth had to split it,
// decrypted with the secret, the expiry enforced (jose, 15 s of clock tolerance). Pages read the
// session through this rather than getServerSession, which runs next-auth's whole session
// endpoint and re-encrypts a renewed token a server component can never send back: half a
// millisecond of a page's ~6 under load (docs/reliability.md, "Load").

export type SessionClaims = { uid?: string; sv?: number; sid?: string; sat?: number };

type Cookie = { name: string; value: string };

export function sessionCookieName(nextAuthUrl = process.env.NEXTAUTH_URL ?? ""): string {
  return nextAuthUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The token next-auth stored, whole or from its numbered chunks (name.0, name.1, …). */
export function sessionTokenFrom(cookies: Cookie[], name = sessionCookieName()): string | null {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .map((c) => ({ index: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN, value: c.value }))
    .filter((c) => Number.isInteger(c.index) && c.index >= 0)
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : null;
}

/** The session's claims, or null when there is no valid, unexpired session cookie. */
export async function sessionClaimsFrom(cookies: Cookie[], secret: string | undefined, name = sessionCookieName()): Promise<SessionClaims | null> {
  const token = sessionTokenFrom(cookies, name);
  if (!token || !secret) return null;
  try {
    const claims = await decode({ token, secret });
    if (!claims) return null;
    return { uid: claims.uid, sv: claims.sv, sid: claims.sid, sat: claims.sat };
  } catch {
    // Tampered, expired, or made with another secret: signed out, as getServerSession answers.
    return null;
  }
}
