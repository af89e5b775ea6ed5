import "server-only";
import { ApiRequestError, apiErrorFor, API_HTTP_STATUS, apiErrorBody, type ApiErrorCode } from "./api-errors";

// Reading requests and writing responses for /api/v1 route handlers. Bodies are read as a
// stream with a hard byte limit, decoded as strict UTF-8 and parsed as JSON; each failure is one
// clear error in the API's format, never a crash.

const NO_STORE = { "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiErrorResponse(error: unknown): Response {
  const { status, body } = apiErrorFor(error);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="clearway-api"' } : {};
  return jsonResponse(body, status, headers);
}

/** For the methods a route does not offer (Next would answer an empty 405). */
export function methodNotAllowed(allowed: string[]): Response {
  const code: ApiErrorCode = "METHOD_NOT_ALLOWED";
  return jsonResponse(apiErrorBody(code, `Use ${allowed.join(" or ")} on this endpoint.`), API_HTTP_STATUS[code], { Allow: allowed.join(", ") });
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(value ?? "")?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

function tooLarge(maxBytes: number): ApiRequestError {
  return new ApiRequestError("PAYLOAD_TOO_LARGE", `The body is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB. Send fewer works per request.`);
}

/** The request's JSON body, or an ApiRequestError (415, 413, 400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new ApiRequestError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiRequestError("BAD_REQUEST", "The body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new ApiRequestError("BAD_REQUEST", "The body is empty; send a work as JSON.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.slice(0, 200) : "unreadable";
    throw new ApiRequestError("BAD_REQUEST", `The body is not valid JSON (${reason}).`);
  }
}
