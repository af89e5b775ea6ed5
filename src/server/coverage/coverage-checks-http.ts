import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Actor, UserActor } from "../auth/actor";
import { currentMembership } from "../auth/current-organization";
import { AppError } from "../errors";
import { importsErrorResponse } from "../imports/imports-http";
import { coverageCheckResult, getCoverageCheck, type CoverageCheckView } from "./coverage-checks.queries";
import { startCoverageCheck } from "./start-coverage-check";

const NO_STORE = { "Cache-Control": "no-store" };

// What the browser routes (/api/coverage-checks) and the API (/api/v1/coverage/bulk) share: how a
// check looks as JSON, how an upload's body and name are read, and the result file's response.

export function coverageCheckJson(check: CoverageCheckView, links: { self: string; result: string }) {
  return {
    id: check.id,
    status: check.status,
    percent: check.percent,
    purpose: check.purpose,
    date: check.date,
    fileName: check.fileName,
    lineCount: check.lineCount,
    counts: check.counts,
    reasons: Object.fromEntries(check.reasons.map((r) => [r.reason, r.count])),
    errorMessage: check.errorMessage,
    createdAt: check.createdAt,
    startedAt: check.startedAt,
    finishedAt: check.finishedAt,
    links: { self: links.self, ...(check.hasResult ? { result: links.result } : {}) },
  };
}

/** The raw request body as a Node stream, and its declared size. */
export function uploadBody(request: Request): { body: AsyncIterable<Uint8Array> | null; declaredSize: number | null } {
  const length = request.headers.get("content-length");
  return {
    body: request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) : null,
    declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
  };
}

/** The file name a browser sends URI-encoded in X-File-Name. */
export function headerFileName(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The result file as a download. */
export async function coverageResultResponse(actor: Actor | null, input: { organizationId: string; checkId: string }): Promise<Response> {
  const file = await coverageCheckResult(actor, input);
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(file.body, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// ── The browser routes, minus Next: the session's actor comes in, JSON (or the file) goes out. The
// organisation is always the actor's own licensee membership, never a value from the request.

function licenseeOf(actor: UserActor | null): { organizationId: string } | Response {
  if (!actor) return importsErrorResponse(new AppError("UNAUTHENTICATED", "Sign in to check coverage."));
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) return importsErrorResponse(new AppError("FORBIDDEN", "Only members of a licensee can check its coverage."));
  return { organizationId: membership.organizationId };
}

const WHERE = "/api/coverage-checks";

/** POST /api/coverage-checks?purpose=…&date=…: the raw body is the file, its name in X-File-Name. */
export async function uploadCoverageCheckResponse(actor: UserActor | null, request: Request): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  const query = new URL(request.url).searchParams;
  try {
    const started = await startCoverageCheck(actor, {
      organizationId: licensee.organizationId, fileName: headerFileName(request), purpose: query.get("purpose") ?? undefined, date: query.get("date") ?? undefined, ...uploadBody(request),
    });
    return Response.json({ check: started }, { status: 201, headers: NO_STORE });
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}

/** GET /api/coverage-checks/[id]: the progress the check's page polls. */
export async function coverageCheckProgressResponse(actor: UserActor | null, checkId: string): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  try {
    const check = await getCoverageCheck(actor, { organizationId: licensee.organizationId, checkId });
    return Response.json(coverageCheckJson(check, { self: `${WHERE}/${check.id}`, result: `${WHERE}/${check.id}/result` }), { headers: NO_STORE });
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}

/** GET /api/coverage-checks/[id]/result: the answers as a download. */
export async function coverageCheckDownloadResponse(actor: UserActor | null, checkId: string): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  try {
    return await coverageResultResponse(actor, { organizationId: licensee.organizationId, checkId });
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}
