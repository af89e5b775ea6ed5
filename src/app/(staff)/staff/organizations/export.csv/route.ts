// GET /staff/organizations/export.csv: the organisations list with the page's filters, staff only.
import { getActor } from "@/server/auth/session";
import { organizationsCsvResponse } from "@/server/organizations/staff-organizations-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return organizationsCsvResponse(await getActor(), new URL(request.url).searchParams);
}
