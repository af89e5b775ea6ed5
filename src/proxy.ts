import { NextResponse, type NextRequest } from "next/server";

// Only redirects familiar addresses to ours. It never decides access: every page, action and
// route handler checks the actor itself (a forged header once bypassed middleware everywhere).
const ALIASES: Record<string, string> = {
  "/login": "/sign-in",
  "/signin": "/sign-in",
  "/register": "/sign-up",
  "/signup": "/sign-up",
  "/logout": "/sign-in",
};

export function proxy(request: NextRequest) {
  const target = ALIASES[request.nextUrl.pathname];
  if (!target) return NextResponse.next();
  return NextResponse.redirect(new URL(target, request.url));
}

export const config = { matcher: ["/login", "/signin", "/register", "/signup", "/logout"] };
