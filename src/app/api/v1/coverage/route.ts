// GET /api/v1/coverage?identifier=…&purpose=TRAIN|FINE_TUNE|RAG[&date=YYYY-MM-DD]: whether the work
// is covered by the key's licensee's license, with the reason. A licensee key with coverage:read.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { checkCoverage } from "@/server/coverage/check-coverage";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, "coverage:read", async (actor) => {
    const query = new URL(request.url).searchParams;
    // A refusal (bad identifier, purpose or date) becomes the error format with per-field details.
    const result = await checkCoverage(actor, {
      organizationId: actor.organizationId,
      identifier: query.get("identifier") ?? undefined,
      purpose: query.get("purpose")?.toUpperCase() ?? undefined,
      date: query.get("date") ?? undefined,
    });
    const { covered, reason, message, identifier, purpose, date, work } = result;
    return jsonResponse({ covered, reason, message, identifier, purpose, date, work });
  });
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
