import "server-only";
import { AppError, HTTP_STATUS, type AppErrorCode, type FieldErrors } from "../errors";

// The one error format of /api/v1: every failure answers
//   { "error": { "code": "VALIDATION", "message": "…", "details": { "field": ["…"] } } }
// with the HTTP status of its code. Use-case refusals (AppError) keep their codes; the request
// plumbing adds the few that only HTTP has (a body that is not JSON, too large, …).

export type ApiErrorCode =
  | AppErrorCode
  | "BAD_REQUEST"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "IDEMPOTENCY_MISMATCH"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INTERNAL";

export const API_HTTP_STATUS: Record<ApiErrorCode, number> = {
  ...HTTP_STATUS,
  BAD_REQUEST: 400,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  IDEMPOTENCY_MISMATCH: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** Per-field (or per-item, "works[3].title") messages; empty when there is nothing more to say. */
export type ApiErrorDetails = FieldErrors;

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; details: ApiErrorDetails } };

/** A refusal raised by the request plumbing, before any use case runs. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export function apiErrorBody(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}): ApiErrorBody {
  return { error: { code, message, details } };
}

/** Any thrown value as the error format: refusals keep their code, anything else is a 500 that shows nothing. */
export function apiErrorFor(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof ApiRequestError) {
    return { status: API_HTTP_STATUS[error.code], body: apiErrorBody(error.code, error.message, error.details) };
  }
  if (error instanceof AppError) {
    return { status: API_HTTP_STATUS[error.code], body: apiErrorBody(error.code, error.message, error.fieldErrors ?? {}) };
  }
  if (isUniqueViolation(error)) {
    // Two requests enrolled the same identifier at the same moment; the later one rolled back.
    return {
      status: API_HTTP_STATUS.CONFLICT,
      body: apiErrorBody("CONFLICT", "Another request changed the same works at the same time. Nothing was written; send the request again."),
    };
  }
  console.error("Unexpected error in /api/v1", error);
  return { status: 500, body: apiErrorBody("INTERNAL", "Something went wrong on our side. Nothing was written; try again later.") };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "23505";
}
