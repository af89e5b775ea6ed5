import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in actor lacks the role for a page.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  serverExternalPackages: ["nodemailer", "pg"],
};

export default nextConfig;
