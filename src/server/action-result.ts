import "server-only";
import { ZodError } from "zod";
import { isAppError, type FieldErrors } from "./errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors };

/**
 * Runs a use case for a server action and turns refusals into a result the form can show.
 * Unexpected errors are logged and shown as a generic message: internals never reach the page.
 */
export async function runAction<T>(work: () => Promise<T>, successMessage?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work(), message: successMessage };
  } catch (error) {
    if (error instanceof ZodError) {
      const fieldErrors: FieldErrors = {};
      for (const issue of error.issues) {
        const key = issue.path.join(".") || "form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
    }
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Unexpected error in a server action", error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}

/** FormData to a plain object of strings (files are not accepted through actions). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
