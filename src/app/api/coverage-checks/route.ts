// POST /api/coverage-checks?purpose=…&date=…: a licensee member uploads a file of identifiers as
// the raw request body (its name in X-File-Name); the coverage.check job answers it line by line.
// docs/decisions/013-bulk-coverage.md.
import { getActor } from "@/server/auth/session";
import { uploadCoverageCheckResponse } from "@/server/coverage/coverage-checks-http";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return uploadCoverageCheckResponse(await getActor(), request);
}
