// GET /api/v1/usage-reports/{id}[?filter=all|eligible|ineligible|open&after=<line>&limit=<n>]: the
// report, its counts, its refused lines and a page of its lines. A usage:read key.
import { handleApiRequest } from "@/server/api/handle-api-request";
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { usageReportV1 } from "@/server/usage/usage-reports-v1";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApiRequest(request, "usage:read", async (actor) =>
    jsonResponse(await usageReportV1(actor, { organizationId: actor.organizationId, reportId: id, query: new URL(request.url).searchParams })));
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
