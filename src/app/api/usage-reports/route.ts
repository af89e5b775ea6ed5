// POST /api/usage-reports?quarter=2026Q3: a licensee member uploads a quarter's usage as CSV (the
// raw request body; its name in X-File-Name); the usage.process job reads it. Decision 014.
import { getActor } from "@/server/auth/session";
import { withSameOrigin } from "@/server/http/origin-check";
import { uploadUsageReportResponse } from "@/server/usage/usage-reports-http";

export const dynamic = "force-dynamic";

// Cookie-authenticated: refused unless it comes from the portal's own pages (origin-check.ts).
export const POST = withSameOrigin(async (request: Request): Promise<Response> => uploadUsageReportResponse(await getActor(), request));
