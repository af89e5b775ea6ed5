// One error type for everything a use case refuses. Actions turn it into a result with field
// errors; route handlers into an HTTP status. Anything else is a bug and is logged, never shown.

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function forbidden(message = "You are not allowed to do this."): AppError {
  return new AppError("FORBIDDEN", message);
}

export function notFound(what = "That item"): AppError {
  return new AppError("NOT_FOUND", `${what} was not found.`);
}

export function validation(message: string, fieldErrors?: FieldErrors): AppError {
  return new AppError("VALIDATION", message, fieldErrors);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
