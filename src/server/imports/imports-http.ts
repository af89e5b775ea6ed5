import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { UserActor } from "../auth/actor";
import { currentMembership } from "../auth/current-organization";
import { HTTP_STATUS, isAppError } from "../errors";
import { getWorksImport, importErrorsCsv } from "./imports.queries";
import { startWorksImport } from "./start-works-import";
import { UploadTooLargeError } from "./stored-upload";

// The route handlers of /api/works-imports, minus Next: the session's actor comes in, JSON (or
// the error file) goes out. The organisation is always the actor's own rightsholder membership,
// never a value from the request. Errors share one shape: { error: { code, message, fields? } }.

const NO_STORE = { "Cache-Control": "no-store" };

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

function errorJson(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

/** A refusal in the browser routes' error shape (also /api/coverage-checks); anything unexpected is logged and answered 500. */
export function importsErrorResponse(error: unknown, where = "/api/works-imports"): Response {
  if (error instanceof UploadTooLargeError) return errorJson(413, "PAYLOAD_TOO_LARGE", error.message);
  if (isAppError(error)) return errorJson(HTTP_STATUS[error.code], error.code, error.message, error.fieldErrors);
  console.error(`Unexpected error in ${where}`, error);
  return errorJson(500, "INTERNAL", "Something went wrong on our side. Please try again.");
}

/** The rightsholder the actor works for, or the response refusing them. */
function organizationOf(actor: UserActor | null): { organizationId: string } | Response {
  if (!actor) return errorJson(401, "UNAUTHENTICATED", "Sign in to import works.");
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) return errorJson(403, "FORBIDDEN", "Only members of a rightsholder organisation can import works.");
  return { organizationId: membership.organizationId };
}

function headerFileName(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** POST: the raw body is the file; its name comes in the X-File-Name header (URI-encoded). */
export async function uploadWorksImportResponse(actor: UserActor | null, request: Request): Promise<Response> {
  const organization = organizationOf(actor);
  if (organization instanceof Response) return organization;
  const length = request.headers.get("content-length");
  const declaredSize = length !== null && /^\d+$/.test(length) ? Number(length) : null;
  try {
    const started = await startWorksImport(actor, {
      organizationId: organization.organizationId,
      fileName: headerFileName(request),
      body: request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) : null,
      declaredSize,
    });
    return json({ import: started }, 201);
  } catch (error) {
    return importsErrorResponse(error);
  }
}

/** GET /api/works-imports/[id]: the progress a page polls. */
export async function worksImportProgressResponse(actor: UserActor | null, importId: string): Promise<Response> {
  const organization = organizationOf(actor);
  if (organization instanceof Response) return organization;
  try {
    const found = await getWorksImport(actor, { organizationId: organization.organizationId, importId });
    return json({
      id: found.id,
      status: found.status,
      isActive: found.isActive,
      percent: found.percent,
      processedRows: found.processedRows,
      bytesProcessed: found.bytesProcessed,
      fileSize: found.fileSize,
      counts: found.counts,
      errorMessage: found.errorMessage,
      errorRowCount: found.errorRowCount,
      startedAt: found.startedAt,
      finishedAt: found.finishedAt,
    });
  } catch (error) {
    return importsErrorResponse(error);
  }
}

/** GET /api/works-imports/[id]/errors: the error file, streamed. */
export async function importErrorsCsvResponse(actor: UserActor | null, importId: string): Promise<Response> {
  const organization = organizationOf(actor);
  if (organization instanceof Response) return organization;
  try {
    const file = await importErrorsCsv(actor, { organizationId: organization.organizationId, importId });
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(file.body, {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return importsErrorResponse(error);
  }
}
