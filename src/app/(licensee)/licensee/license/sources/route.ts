import { currentMembership } from "@/server/auth/current-organization";
import { getActor } from "@/server/auth/session";
import { HTTP_STATUS, isAppError } from "@/server/errors";
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
  const encoder = new TextEncoder();
  const iterator = exported.lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("Licensed sources export failed mid-stream", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
