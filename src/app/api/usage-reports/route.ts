// POST /api/usage-reports?quarter=2026Q3: a licensee member uploads a quarter's usage as CSV (the
// raw request body; its name in X-File-Name); the usage.process job reads it. Decision 014.
import { getActor } from "@/server/auth/session";
import { uploadUsageReportResponse } from "@/server/usage/usage-reports-http";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return uploadUsageReportResponse(await getActor(), request);
}
