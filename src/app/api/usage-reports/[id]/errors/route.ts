// GET /api/usage-reports/[id]/errors: the lines the report refused, with line numbers and reasons.
import { getActor } from "@/server/auth/session";
import { usageErrorsCsvResponse } from "@/server/usage/usage-reports-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return usageErrorsCsvResponse(await getActor(), id);
}
