import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, stripeFormTargets } from "@/lib/http/security-headers";

// Two jobs, neither of them access: redirecting familiar addresses to ours, and giving each
// request its Content-Security-Policy with a fresh nonce. It never decides access: every page,
// action and route handler checks the actor itself (a forged header once bypassed middleware
// everywhere, CVE-2025-29927), so nothing here may refuse or let through.
const ALIASES: Record<string, string> = {
  "/login": "/sign-in",
  "/signin": "/sign-in",
  "/register": "/sign-up",
  "/signup": "/sign-up",
  "/logout": "/sign-in",
};

export function proxy(request: NextRequest) {
  const target = ALIASES[request.nextUrl.pathname];
  if (target) return NextResponse.redirect(new URL(target, request.url));

  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    formTargets: stripeFormTargets({ STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, STRIPE_DOUBLE_URL: process.env.STRIPE_DOUBLE_URL }),
    isHttps: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    isDevelopment: process.env.NODE_ENV === "development",
  });
  // Next reads the nonce from the request's Content-Security-Policy header while rendering and
  // puts it on its own scripts and styles; the browser enforces the response's copy.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Everything but the build's static files (hashed, immutable, never HTML).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
