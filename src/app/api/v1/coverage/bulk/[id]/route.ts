// GET /api/v1/coverage/bulk/{id}: a bulk check's status, progress and counts per reason.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { coverageCheckJson } from "@/server/coverage/coverage-checks-http";
import { getCoverageCheck } from "@/server/coverage/coverage-checks.queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApiRequest(request, "coverage:read", async (actor) => {
    const check = await getCoverageCheck(actor, { organizationId: actor.organizationId, checkId: id });
    const self = `/api/v1/coverage/bulk/${check.id}`;
    return jsonResponse(coverageCheckJson(check, { self, result: `${self}/result` }));
  });
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
