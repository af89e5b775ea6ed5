import type { Badge } from "../ui/badge";

type Tone = NonNullable<Parameters<typeof Badge>[0]["tone"]>;

export const REPORT_STATUS: Record<string, { label: string; tone: Tone }> = {
  RECEIVED: { label: "Waiting", tone: "neutral" },
  PROCESSING: { label: "Reading", tone: "brand" },
  PROCESSED: { label: "Processed", tone: "green" },
  FAILED: { label: "Could not be read", tone: "red" },
  REPLACED: { label: "Replaced", tone: "neutral" },
};

export const PURPOSE_LABEL: Record<string, string> = { TRAIN: "Pre-training", FINE_TUNE: "Fine-tuning", RAG: "Retrieval (RAG)" };

/** A line's state in one badge: counts, does not count (why), or waits for staff. */
export function lineState(line: { matchStatus: string; eligibility: string; ineligibleReason: string | null }): { label: string; tone: Tone } {
  if (line.eligibility === "ELIGIBLE") return { label: "Counts", tone: "green" };
  if (line.eligibility === "INELIGIBLE") return { label: "Does not count", tone: "red" };
  if (line.matchStatus === "AMBIGUOUS") return { label: "Several works match: staff decide", tone: "amber" };
  return { label: "Not matched yet: staff look", tone: "amber" };
}
