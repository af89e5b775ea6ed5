// GET /.well-known/tdmrep.json (W3C TDMRep): text and data mining rights are reserved; the policy
// (the license terms as JSON) says how to license them.
import { tdmrepDocument } from "@/lib/terms/license-terms";
import { loadLicenseTerms } from "@/server/terms/license-terms.queries";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return Response.json(tdmrepDocument(await loadLicenseTerms()), { headers: { "Cache-Control": "public, max-age=300" } });
}
