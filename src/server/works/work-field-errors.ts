import "server-only";
import type { WorkFieldErrors } from "@/lib/works/work-input";
import type { FieldErrors } from "../errors";

/** parseWork's errors as the field errors a form shows next to each field. */
export function workFieldErrors(errors: WorkFieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, messages]) => messages && messages.length > 0)) as FieldErrors;
}
