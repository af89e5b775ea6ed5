// Usage reports: a licensee's members (and its usage keys) report and read them; staff read every
// licensee's and work the unmatched queue (ADMIN decides, ANALYST reads).
import type { MatrixEntry } from "./types";

export const USAGE_MATRIX: Record<string, MatrixEntry> = {};

export const USAGE_PUBLIC: Record<string, string> = {};

export const USAGE_INTERNAL = [
  // eligibility as SQL: called inside use cases and the usage job
  "recomputeEligibility", "ineligibleReasonSql",
];
