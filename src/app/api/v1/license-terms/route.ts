// GET /api/v1/license-terms: the license's terms as JSON — who may buy it, what it permits, the
// price model in force, where to acquire it. Public, no key: it is what the license offers anyone.
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { licenseTermsJson } from "@/lib/terms/license-terms";
import { loadLicenseTerms } from "@/server/terms/license-terms.queries";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return jsonResponse(licenseTermsJson(await loadLicenseTerms()), 200, { "Cache-Control": "public, max-age=300" });
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
