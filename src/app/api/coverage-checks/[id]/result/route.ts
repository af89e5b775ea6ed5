// GET /api/coverage-checks/[id]/result: the answers as CSV, one line per identifier line.
import { getActor } from "@/server/auth/session";
import { coverageCheckDownloadResponse } from "@/server/coverage/coverage-checks-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return coverageCheckDownloadResponse(await getActor(), id);
}
