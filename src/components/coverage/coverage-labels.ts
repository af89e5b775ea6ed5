import type { CoverageReason } from "@/lib/coverage/coverage-rule";

// How coverage answers are named on the pages (the codes are the API's and the result file's).

export const PURPOSE_OPTIONS = [
  { value: "TRAIN", label: "Pre-training" },
  { value: "FINE_TUNE", label: "Fine-tuning" },
  { value: "RAG", label: "Retrieval (RAG)" },
];

export const PURPOSE_LABEL: Record<string, string> = Object.fromEntries(PURPOSE_OPTIONS.map((o) => [o.value, o.label]));

export type ReasonCode = CoverageReason | "INVALID";

export const REASON_LABEL: Record<ReasonCode, string> = {
  COVERED: "Covered",
  NO_ACTIVE_LICENSE: "No license in force",
  NOT_ENROLLED: "Not in the repertoire",
  EXCLUDED: "Excluded",
  PURPOSE_NOT_PERMITTED: "Purpose not permitted",
  DISPUTED: "Disputed",
  INVALID: "Unreadable line",
};

export const REASON_TONE: Record<ReasonCode, "green" | "amber" | "red" | "neutral"> = {
  COVERED: "green",
  NO_ACTIVE_LICENSE: "red",
  NOT_ENROLLED: "red",
  EXCLUDED: "amber",
  PURPOSE_NOT_PERMITTED: "amber",
  DISPUTED: "amber",
  INVALID: "neutral",
};
