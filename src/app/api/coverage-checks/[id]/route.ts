// GET /api/coverage-checks/[id]: the progress the check's page polls (session, licensee member).
import { getActor } from "@/server/auth/session";
import { coverageCheckProgressResponse } from "@/server/coverage/coverage-checks-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return coverageCheckProgressResponse(await getActor(), id);
}
