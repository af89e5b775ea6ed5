import { currentMembership } from "@/server/auth/current-organization";
import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
import { csvDownloadResponse } from "@/server/http/csv-download";
import { exportWorksCsv } from "@/server/works/export-works";
import { parseWorksFilters } from "@/server/works/works.schema";

// GET /rightsholder/works/export?<the list's filters>: the matching works as CSV, streamed batch by
// batch. The use case checks access before the first byte; a refusal is a plain HTTP status.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export works.", { status: 401 });
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) return new Response("Only rightsholders can export their works.", { status: 403 });
  const filters = parseWorksFilters(Object.fromEntries(new URL(request.url).searchParams));
  let lines: AsyncIterable<string>;
  try {
    lines = await exportWorksCsv(actor, membership.organizationId, filters);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
  const stamp = new Date().toISOString().slice(0, 10);
  const slug = membership.organizationName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "works";
  return csvDownloadResponse(lines, `${slug}-works-${stamp}.csv`, "Works export");
}
