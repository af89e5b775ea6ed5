// POST /api/works-imports: a rightsholder member uploads a works file (CSV or ONIX 3.0) as the raw
// request body, its name in X-File-Name. The body is streamed to storage, never buffered; the
// import is processed by the works.import job. docs/decisions/007-works-import-pipeline.md.
import { getActor } from "@/server/auth/session";
import { withSameOrigin } from "@/server/http/origin-check";
import { uploadWorksImportResponse } from "@/server/imports/imports-http";

export const dynamic = "force-dynamic";

// Cookie-authenticated: refused unless it comes from the portal's own pages (origin-check.ts).
export const POST = withSameOrigin(async (request: Request): Promise<Response> => uploadWorksImportResponse(await getActor(), request));
