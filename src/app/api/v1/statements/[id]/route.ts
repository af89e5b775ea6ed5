// GET /api/v1/statements/{id}: one approved statement of the key's organisation, with its figures
// and a page of its lines (sort=net|title, limit, cursor → lines.nextCursor). A statements:read key.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { statementV1 } from "@/server/api/statements/statements-v1";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApiRequest(request, "statements:read", async (actor) =>
    jsonResponse(await statementV1(actor, { organizationId: actor.organizationId, statementId: id, params: new URL(request.url).searchParams })));
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
