import "server-only";
import { API_HTTP_STATUS, type ApiErrorCode } from "../api-errors";
import type { HeaderObject, JsonSchema, ParameterObject, ResponseObject } from "./openapi-types";
import { componentRef } from "./zod-json-schema";

// What every /api/v1 endpoint shares, as handleApiRequest, http.ts, rate-limit.ts and
// idempotency.ts answer it: the error format with the status of its code, 401/403/429/500 for
// every keyed endpoint, the Idempotency-Key header on every POST and what a repeat gets.

export const ERROR_COMPONENT = "Error";

/** Idempotency-Key: 1 to 255 visible ASCII characters (idempotency.ts). */
export const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique string of 1–255 visible ASCII characters (a UUID, say). The first request with a key is answered and its answer kept for 24 hours; " +
    "a repeat with the same key, method, path and body gets that answer again, with `Idempotent-Replayed: true`, and nothing runs twice. " +
    "The same key with another request is refused (422 IDEMPOTENCY_MISMATCH); while the first is still being answered a repeat gets 409. " +
    "A 5xx answer is not kept, so a retry with the same key runs again.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]{1,255}$" },
};

export const REPLAYED_HEADER: HeaderObject = {
  description: "`true` when this is the kept answer to an earlier request with the same Idempotency-Key.",
  schema: { type: "string", const: "true" },
};

export const RETRY_AFTER_HEADER: HeaderObject = {
  description: "Seconds until the key's next one-minute window opens.",
  required: true,
  schema: { type: "integer", minimum: 1, maximum: 60 },
};

/** Not required: a replayed answer (Idempotency-Key) carries the kept body but not this header; links.self has the same address. */
export const LOCATION_HEADER: HeaderObject = { description: "Where to follow it: the same address as links.self (not repeated on a replayed answer).", schema: { type: "string" } };

/** Error codes answered with each status (api-errors.ts), so a 404 says NOT_FOUND and nothing else. */
export function errorCodesFor(status: number): ApiErrorCode[] {
  return (Object.keys(API_HTTP_STATUS) as ApiErrorCode[]).filter((code) => API_HTTP_STATUS[code] === status);
}

/** An error answer: the Error component, its code narrowed to the ones this status carries. */
export function errorResponse(status: number, description: string, codes = errorCodesFor(status)): ResponseObject {
  const schema: JsonSchema = {
    allOf: [componentRef(ERROR_COMPONENT), { type: "object", properties: { error: { type: "object", properties: { code: { enum: codes } } } } }],
  };
  const headers: Record<string, HeaderObject> = {};
  if (status === 401) headers["WWW-Authenticate"] = { description: 'Bearer realm="clearway-api"', required: true, schema: { type: "string" } };
  if (status === 429) headers["Retry-After"] = RETRY_AFTER_HEADER;
  return { description: `${codes.join(" or ")}: ${description}`, ...(Object.keys(headers).length > 0 ? { headers } : {}), content: { "application/json": { schema } } };
}

/** The answers every endpoint that takes a key may give, whatever it does. */
export function keyedErrorResponses(): Record<string, ResponseObject> {
  return {
    "401": errorResponse(401, "No API key, or one that is malformed, unknown, revoked or expired, or whose organisation is inactive. Send `Authorization: Bearer cw_live_…`."),
    "403": errorResponse(403, "The key does not have this endpoint's scope, or belongs to the wrong kind of organisation. An owner can create a key with the scope under API keys."),
    "429": errorResponse(429, "The key made more requests this minute than its limit (600 a minute unless agreed otherwise). Wait the Retry-After seconds."),
    "500": errorResponse(500, "Something failed on our side; nothing was written. Try again later (with the same Idempotency-Key, for a POST)."),
  };
}

/** The answers every POST may give because of its Idempotency-Key or its body. */
export const POST_ERRORS = {
  400: "The body is not valid JSON or UTF-8, or is empty; or the Idempotency-Key is not 1–255 visible ASCII characters.",
  409: "A request with this Idempotency-Key is still being answered (try again in a moment), or another request changed the same data at the same moment (nothing was written; send it again).",
  422: "The Idempotency-Key was used for another request (IDEMPOTENCY_MISMATCH): use a new key for a new request.",
} as const;
