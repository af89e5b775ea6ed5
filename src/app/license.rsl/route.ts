// GET /license.rsl: the license as an RSL 1.0 document (https://rslstandard.org/rsl), announced in
// robots.txt with a License: line.
import { rslDocument } from "@/lib/terms/license-terms";
import { loadLicenseTerms } from "@/server/terms/license-terms.queries";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(rslDocument(await loadLicenseTerms()), { headers: { "Content-Type": "application/rsl+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
