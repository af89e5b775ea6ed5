// /api/v1/works for a rightsholder's systems: GET lists the organisation's works, POST enrolls or
// updates one work or up to 1,000. Authenticated by an API key (src/server/api/); the contract is
// in docs/decisions/008-api-keys-and-v1.md.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { ApiRequestError } from "@/server/api/api-errors";
import { jsonResponse, methodNotAllowed, readJsonBody } from "@/server/api/http";
import { enrollWorksV1 } from "@/server/api/works/enroll-works-v1";
import { worksEnrollResponse } from "@/server/api/works/works-v1-response";
import { listWorksV1 } from "@/server/api/works/works-v1.queries";
import { MAX_BODY_BYTES, parseWorksQuery } from "@/server/api/works/works-v1.schema";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, "works:read", async (actor) => {
    const parsed = parseWorksQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new ApiRequestError("VALIDATION", "Check the query parameters.", parsed.details);
    return jsonResponse(await listWorksV1(actor, { organizationId: actor.organizationId, ...parsed.query }));
  });
}

export function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, "works:write", async (actor) => {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    return worksEnrollResponse(await enrollWorksV1(actor, { organizationId: actor.organizationId, body }));
  });
}

const notAllowed = () => methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
