// GET /robots.txt: crawlers may read the public pages, not the signed-in areas or the API; the
// License: line points AI crawlers at the RSL document (RSL 1.0 discovery).
import { appUrl } from "@/server/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const base = appUrl();
  const body = ["User-agent: *", "Allow: /$", "Allow: /pricing", "Allow: /repertoire", "Allow: /terms", "Allow: /verify/", "Disallow: /", "", `License: ${base}/license.rsl`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
