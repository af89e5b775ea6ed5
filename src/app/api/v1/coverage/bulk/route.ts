// POST /api/v1/coverage/bulk: many coverage questions at once, answered by a job. Either a CSV or
// plain-text body (one identifier per line, or a header naming identifier[,purpose][,date]) with
// ?purpose=…&date=… for the lines that don't say, up to 1M lines; or JSON
// {"identifiers": [...], "purpose": "TRAIN", "date": "YYYY-MM-DD"} up to 100,000. Answers 202 with
// the check; GET its `links.self` for progress and `links.result` for the CSV. A licensee key
// with coverage:read. docs/decisions/013-bulk-coverage.md.
// GET /api/v1/coverage/bulk[?limit=&cursor=]: the licensee's checks, newest first, a cursor page
// at a time. A coverage:read key.
import { ApiRequestError } from "@/server/api/api-errors";
import { handleApiRequest } from "@/server/api/handle-api-request";
import { isJsonContentType, jsonResponse, methodNotAllowed, readJsonBody } from "@/server/api/http";
import { coverageCheckJson, uploadBody } from "@/server/coverage/coverage-checks-http";
import { getCoverageCheck } from "@/server/coverage/coverage-checks.queries";
import { COVERAGE_CHECK_LIMITS } from "@/server/coverage/coverage-checks.schema";
import { startCoverageCheck, startCoverageCheckFromList } from "@/server/coverage/start-coverage-check";
import { coverageChecksListV1 } from "@/server/api/lists/coverage-checks-list-v1";
import { UploadTooLargeError } from "@/server/imports/stored-upload";

export const dynamic = "force-dynamic";

const JSON_BODY_BYTES = 8 * 1024 ** 2;
const FILE_TYPES = new Set(["text/csv", "text/plain", "application/octet-stream"]);

export function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, "coverage:read", async (actor) => {
    const contentType = request.headers.get("content-type");
    const query = new URL(request.url).searchParams;
    const organizationId = actor.organizationId;
    let started;
    if (isJsonContentType(contentType)) {
      const body = await readJsonBody(request, JSON_BODY_BYTES);
      const fields = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      started = await startCoverageCheckFromList(actor, { organizationId, identifiers: fields.identifiers, purpose: fields.purpose, date: fields.date });
    } else if (FILE_TYPES.has(contentType?.split(";")[0]?.trim().toLowerCase() ?? "")) {
      try {
        started = await startCoverageCheck(actor, {
          organizationId, fileName: query.get("name") ?? "identifiers.csv", purpose: query.get("purpose")?.toUpperCase() ?? undefined, date: query.get("date") ?? undefined, ...uploadBody(request),
        });
      } catch (error) {
        if (error instanceof UploadTooLargeError) throw new ApiRequestError("PAYLOAD_TOO_LARGE", error.message);
        throw error;
      }
    } else {
      throw new ApiRequestError("UNSUPPORTED_MEDIA_TYPE", `Send the identifiers as text/csv (up to ${COVERAGE_CHECK_LIMITS.maxLines.toLocaleString("en-GB")} lines) or as JSON with Content-Type: application/json.`);
    }
    const check = await getCoverageCheck(actor, { organizationId, checkId: started.id });
    const self = `/api/v1/coverage/bulk/${check.id}`;
    return jsonResponse(coverageCheckJson(check, { self, result: `${self}/result` }), 202, { Location: self });
  });
}

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, "coverage:read", async (actor) =>
    jsonResponse(await coverageChecksListV1(actor, { organizationId: actor.organizationId, params: new URL(request.url).searchParams })));
}

const notAllowed = () => methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
