import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/lib/http/security-headers";

const nextConfig: NextConfig = {
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in actor lacks the role for a page.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  serverExternalPackages: ["nodemailer", "pg"],
  // Every response, static files included. The Content-Security-Policy is not here: it carries a
  // fresh nonce per request, so src/proxy.ts sets it.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
