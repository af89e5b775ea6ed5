import "server-only";
import { z } from "zod";
import { CoverageCheckStatus } from "@/generated/prisma/enums";
import type { CoverageReason } from "@/lib/coverage/coverage-rule";
import { cursorPage, ZDay, ZIdentifier, ZPurpose, ZTimestamp, ZUuid } from "./common.response";

// What /api/v1/coverage answers (check-coverage.ts, through the route) and what the bulk checks
// look like (coverage-checks-http.ts `coverageCheckJson`).

/** Every reason the coverage rule gives (a Record, so a new reason fails to compile until described). */
export const COVERAGE_REASONS: Record<CoverageReason, string> = {
  COVERED: "Covered: a license in force, the work in the repertoire and the purpose permitted.",
  NO_ACTIVE_LICENSE: "Your organisation held no license in force on that day.",
  NOT_ENROLLED: "No work of the repertoire had this identifier on that day (or its rightsholder had not yet joined).",
  EXCLUDED: "The rightsholder excluded the work from the repertoire from that day or earlier.",
  PURPOSE_NOT_PERMITTED: "The rightsholder does not permit this purpose for the work.",
  DISPUTED: "Two rightsholders claim the work; it is not covered until staff resolve the dispute.",
};
const REASON_CODES = Object.keys(COVERAGE_REASONS) as [CoverageReason, ...CoverageReason[]];

export const ZCoverageAnswer = z.strictObject({
  covered: z.boolean(),
  reason: z.enum(REASON_CODES).describe(Object.entries(COVERAGE_REASONS).map(([code, text]) => `${code}: ${text}`).join(" ")),
  message: z.string().describe("The reason in a sentence, with the dates that decided it."),
  identifier: ZIdentifier,
  purpose: ZPurpose,
  date: ZDay.describe("The day asked about (today, UTC, when not given)."),
  work: z
    .strictObject({ id: z.int(), title: z.string(), rightsholder: z.string().describe("The rightsholder's name.") })
    .nullable()
    .describe("The work holding the identifier, as the public repertoire shows it; null when none does."),
});

export const ZCoverageCheck = z.strictObject({
  id: ZUuid,
  status: z.enum(CoverageCheckStatus).describe("QUEUED, then PROCESSING, then COMPLETED (the result is ready) or FAILED (see errorMessage)."),
  percent: z.int().min(0).max(100).describe("Progress while the job works."),
  purpose: ZPurpose.describe("The purpose asked for lines that do not give their own."),
  date: ZDay.describe("The day asked for lines that do not give their own."),
  fileName: z.string(),
  lineCount: z.int().nullable().describe("Identifier lines read; null until the job has counted them."),
  counts: z.strictObject({ covered: z.int(), notCovered: z.int(), invalid: z.int().describe("Lines that could not be read as an identifier.") }),
  reasons: z.partialRecord(z.enum([...REASON_CODES, "INVALID"]), z.int()).describe("Lines per reason; INVALID for lines that could not be read."),
  errorMessage: z.string().nullable().describe("Why the check failed, when it did."),
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
  links: z.strictObject({
    self: z.string().describe("This check: poll it until status is COMPLETED or FAILED."),
    result: z.string().optional().describe("The answers as CSV; present once the check has COMPLETED."),
  }),
});

export const ZCoverageChecksPage = cursorPage(ZCoverageCheck);
