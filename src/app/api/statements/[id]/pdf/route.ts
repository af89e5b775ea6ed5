// GET /api/statements/[id]/pdf: the statement as PDF, for its members and staff.
import { getActor } from "@/server/auth/session";
import { statementPdfResponse } from "@/server/statements/statement-downloads-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return statementPdfResponse(await getActor(), id);
}
