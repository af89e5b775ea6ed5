import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
import { csvDownloadResponse } from "@/server/http/csv-download";
import { exportWorksForStaffCsv } from "@/server/repertoire/staff-work-export";

// GET /staff/works/export?<the search's query>: the search's ranked works, or the filtered works
// (newest first, up to 100,000), as CSV. The use case checks access before the first byte.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export works.", { status: 401 });
  let lines: AsyncIterable<string>;
  try {
    lines = await exportWorksForStaffCsv(actor, Object.fromEntries(new URL(request.url).searchParams));
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
  return csvDownloadResponse(lines, `repertoire-${new Date().toISOString().slice(0, 10)}.csv`, "Repertoire export");
}
