import "server-only";
import type { FormState } from "@/components/forms/form-state";
import { formValues, runAction } from "./action-result";

/**
 * The body of a form's server action: runs the use case with the submitted values and returns a
 * FormState. On failure the values come back (passwords and tokens dropped) so nothing typed is lost.
 */
export async function handleForm(
  formData: FormData,
  work: (values: Record<string, string>) => Promise<unknown>,
  successMessage?: string,
): Promise<FormState> {
  const values = formValues(formData);
  const result = await runAction(() => work(values), successMessage);
  if (result.ok) return { ok: true, message: result.message };
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: kept };
}
