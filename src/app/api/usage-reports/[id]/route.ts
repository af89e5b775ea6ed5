// GET /api/usage-reports/[id]: the report's status and progress (session, licensee member).
import { getActor } from "@/server/auth/session";
import { usageReportProgressResponse } from "@/server/usage/usage-reports-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return usageReportProgressResponse(await getActor(), id);
}
