import { exportAuditLogCsv } from "@/server/audit/audit-export";
import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
import { csvDownloadResponse } from "@/server/http/csv-download";

// GET /staff/audit/export?<the viewer's filters>: the matching audit rows as CSV, newest first,
// streamed batch by batch (src/server/audit/audit-export.ts). Staff only; refusals are a plain status.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export the audit log.", { status: 401 });
  let lines: AsyncIterable<string>;
  try {
    lines = await exportAuditLogCsv(actor, Object.fromEntries(new URL(request.url).searchParams));
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
  return csvDownloadResponse(lines, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, "Audit log export");
}
