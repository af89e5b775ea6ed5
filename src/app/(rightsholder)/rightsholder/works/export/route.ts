import { currentMembership } from "@/server/auth/current-organization";
import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
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
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("Works export failed mid-stream", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const slug = membership.organizationName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "works";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-works-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
