import { getActor } from "@/server/auth/session";
import { distributionRunCsvResponse } from "@/server/distribution/run-exports";

// GET /api/distribution-runs/[id]/payouts.csv: staff only, streamed (src/server/distribution/run-exports.ts).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return distributionRunCsvResponse(await getActor(), id, "payouts");
}
