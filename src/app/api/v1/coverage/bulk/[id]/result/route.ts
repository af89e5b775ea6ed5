// GET /api/v1/coverage/bulk/{id}/result: the answers as CSV, one line per identifier line of the
// input, in its order (404 until the check has completed).
import { handleApiRequest } from "@/server/api/handle-api-request";
import { methodNotAllowed } from "@/server/api/http";
import { coverageResultResponse } from "@/server/coverage/coverage-checks-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApiRequest(request, "coverage:read", (actor) => coverageResultResponse(actor, { organizationId: actor.organizationId, checkId: id }));
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
