import "server-only";
import { appUrl } from "../env";

// Cross-site request forgery guard for route handlers that change something on the strength of
// the session cookie. The session cookie is SameSite=Lax, which already keeps it off cross-site
// POSTs from other sites, but not from a sibling subdomain (same site) or an older browser; the
// Origin check closes both. Server actions need none of this: Next compares their Origin with the
// Host itself. /api/v1 (bearer keys, never cookies), the Stripe webhook (signed) and next-auth's
// routes (its own CSRF token) are exempt: tests/integration/security-origin.test.ts lists them.

export type OriginVerdict = { isSameOrigin: true } | { isSameOrigin: false; reason: string };

/** The origin the portal is served from (NEXTAUTH_URL), e.g. "https://portal.example". */
export function portalOrigin(): string {
  return new URL(appUrl()).origin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Origin when the browser sent one (every current browser does on a POST, including fetch), else
 * Referer; with neither, the request is refused, since a cookie-authenticated mutation from our
 * own pages always carries one. "null" (a sandboxed frame, a file: page) is another origin.
 */
export function checkRequestOrigin(headers: Headers, expected = portalOrigin()): OriginVerdict {
  const origin = headers.get("origin");
  if (origin !== null) {
    return origin === expected ? { isSameOrigin: true } : { isSameOrigin: false, reason: `it came from ${origin}` };
  }
  const referer = headers.get("referer");
  if (referer) {
    const refererOrigin = originOf(referer);
    if (refererOrigin === expected) return { isSameOrigin: true };
    return { isSameOrigin: false, reason: `it came from ${refererOrigin ?? "an unreadable Referer"}` };
  }
  return { isSameOrigin: false, reason: "it said neither where it came from (no Origin or Referer header)" };
}

/** The 403 answer, in the browser routes' error shape ({ error: { code, message } }). */
export function crossOriginResponse(reason: string, expected = portalOrigin()): Response {
  const message = `This request was refused because ${reason}. Changes can only be made from the portal's own pages at ${expected}.`;
  return Response.json({ error: { code: "CROSS_ORIGIN", message } }, { status: 403, headers: { "Cache-Control": "no-store" } });
}

/**
 * Wraps a mutating route handler: a request from another origin (or from nowhere) is answered 403
 * before the handler runs, so neither the session nor the body is read.
 */
export function withSameOrigin<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const verdict = checkRequestOrigin(request.headers);
    if (!verdict.isSameOrigin) return crossOriginResponse(verdict.reason);
    return handler(request, ...rest);
  };
}
