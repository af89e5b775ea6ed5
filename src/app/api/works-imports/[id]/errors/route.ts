// GET /api/works-imports/[id]/errors: the import's error file (line, reason, raw_line), streamed.
import { getActor } from "@/server/auth/session";
import { importErrorsCsvResponse } from "@/server/imports/imports-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return importErrorsCsvResponse(await getActor(), id);
}
