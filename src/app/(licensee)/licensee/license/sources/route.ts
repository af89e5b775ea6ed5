import { currentMembership } from "@/server/auth/current-organization";
import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
import { csvDownloadResponse } from "@/server/http/csv-download";
import { exportLicensedSources } from "@/server/licensing/export-licensed-sources";

// GET /licensee/license/sources: the licensed sources as CSV (for an EU AI Act training-content
// summary), streamed batch by batch. The use case checks access before the first byte.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download the licensed sources.", { status: 401 });
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) return new Response("Only licensees download their licensed sources.", { status: 403 });
  let exported: Awaited<ReturnType<typeof exportLicensedSources>>;
  try {
    exported = await exportLicensedSources(actor, membership.organizationId);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
  return csvDownloadResponse(exported.lines, exported.fileName, "Licensed sources export");
}
