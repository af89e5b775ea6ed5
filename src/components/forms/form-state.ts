import type { FieldErrors } from "@/server/errors";

/** What a server action hands back to its form: the outcome, and on failure what was typed. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Submitted values (never passwords) so the form shows them again after a refusal. */
  values?: Record<string, string>;
} | null;
