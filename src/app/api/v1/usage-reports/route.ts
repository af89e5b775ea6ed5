// POST /api/v1/usage-reports: a licensee's systems report a quarter, as JSON
// {"quarter": "2026Q3", "lines": [{"identifier"?, "title"?, "year"?, "purpose", "units"}]} (up to
// 100,000 lines) or as the CSV a person uploads (Content-Type: text/csv, ?quarter=2026Q3). Answers
// 202: the usage.process job reads it; GET links.self for the outcome. A usage:write key.
// GET /api/v1/usage-reports[?quarter=2026Q3&limit=&cursor=]: the licensee's reports, newest first,
// a cursor page at a time. A usage:read key.
import { ApiRequestError } from "@/server/api/api-errors";
import { handleApiRequest } from "@/server/api/handle-api-request";
import { isJsonContentType, jsonResponse, methodNotAllowed, readJsonBody } from "@/server/api/http";
import { uploadBody } from "@/server/coverage/coverage-checks-http";
import { usageReportsListV1 } from "@/server/api/lists/usage-reports-list-v1";
import { UploadTooLargeError } from "@/server/imports/stored-upload";
import { startUsageReport, startUsageReportFromJson } from "@/server/usage/start-usage-report";

export const dynamic = "force-dynamic";

const JSON_BODY_BYTES = 16 * 1024 ** 2;

export function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, "usage:write", async (actor) => {
    const contentType = request.headers.get("content-type");
    const organizationId = actor.organizationId;
    let started;
    if (isJsonContentType(contentType)) {
      started = await startUsageReportFromJson(actor, { organizationId, body: await readJsonBody(request, JSON_BODY_BYTES) });
    } else if (contentType?.split(";")[0]?.trim().toLowerCase() === "text/csv") {
      const query = new URL(request.url).searchParams;
      try {
        started = await startUsageReport(actor, { organizationId, quarter: query.get("quarter") ?? "", fileName: query.get("name") ?? "usage.csv", ...uploadBody(request) });
      } catch (error) {
        if (error instanceof UploadTooLargeError) throw new ApiRequestError("PAYLOAD_TOO_LARGE", error.message);
        throw error;
      }
    } else {
      throw new ApiRequestError("UNSUPPORTED_MEDIA_TYPE", "Send the report as JSON (Content-Type: application/json) or as CSV (Content-Type: text/csv with ?quarter=).");
    }
    const self = `/api/v1/usage-reports/${started.id}`;
    return jsonResponse({ id: started.id, quarter: started.quarter, status: "RECEIVED", isAdjustment: started.isAdjustment, replaces: started.replacesId, links: { self } }, 202, { Location: self });
  });
}

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, "usage:read", async (actor) =>
    jsonResponse(await usageReportsListV1(actor, { organizationId: actor.organizationId, params: new URL(request.url).searchParams })));
}

const notAllowed = () => methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
