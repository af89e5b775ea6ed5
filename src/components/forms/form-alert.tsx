import type { FormState } from "./form-state";

/** The form-level outcome. role="alert" on failures so screen readers announce them. */
export function FormAlert({ state }: { state: FormState }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
      {state.message}
    </p>
  ) : (
    <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {state.message}
    </p>
  );
}
