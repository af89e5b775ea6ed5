// POST /api/coverage-checks?purpose=…&date=…: a licensee member uploads a file of identifiers as
// the raw request body (its name in X-File-Name); the coverage.check job answers it line by line.
// docs/decisions/013-bulk-coverage.md.
import { getActor } from "@/server/auth/session";
import { withSameOrigin } from "@/server/http/origin-check";
import { uploadCoverageCheckResponse } from "@/server/coverage/coverage-checks-http";

export const dynamic = "force-dynamic";

// Cookie-authenticated: refused unless it comes from the portal's own pages (origin-check.ts).
export const POST = withSameOrigin(async (request: Request): Promise<Response> => uploadCoverageCheckResponse(await getActor(), request));
