import { detectIdentifier } from "@/lib/identifiers";
import { IDENTIFIER_LABELS } from "@/lib/works/work-input";

export type IdentifierCheck =
  | { state: "empty" }
  | { state: "ok"; label: string; value: string; note?: string }
  | { state: "error"; message: string };

/** What the form shows under an identifier as it is typed: its normal form, or what is wrong. */
export function checkIdentifier(raw: string): IdentifierCheck {
  if (raw.trim() === "") return { state: "empty" };
  const result = detectIdentifier(raw);
  if (!result.ok) return { state: "error", message: result.error };
  const digits = raw.replace(/^\s*isbn(-1[03])?:?/i, "").replace(/[\s\-\u2010-\u2015]/g, "");
  const note = result.type === "ISBN13" && /^\d{9}[\dXx]$/.test(digits) ? "ISBN-10 converted to ISBN-13" : undefined;
  return { state: "ok", label: IDENTIFIER_LABELS[result.type], value: result.value, ...(note ? { note } : {}) };
}
