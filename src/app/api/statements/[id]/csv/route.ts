// GET /api/statements/[id]/csv: the statement's lines and summary as CSV, for its members and staff.
import { getActor } from "@/server/auth/session";
import { statementCsvResponse } from "@/server/statements/statement-downloads-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return statementCsvResponse(await getActor(), id);
}
