// GET /api/v1/statements: a rightsholder's approved royalty statements, newest quarter first, a
// cursor page at a time (limit, cursor → nextCursor). A statements:read key.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { statementsListV1 } from "@/server/api/statements/statements-v1";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, "statements:read", async (actor) =>
    jsonResponse(await statementsListV1(actor, { organizationId: actor.organizationId, params: new URL(request.url).searchParams })));
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
