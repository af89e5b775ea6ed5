import "server-only";
import { z } from "zod";
import { Eligibility, MatchMethod, MatchStatus, UsageReportSource, UsageReportStatus } from "@/generated/prisma/enums";
import { INELIGIBLE_REASONS } from "@/lib/usage/eligibility";
import { cursorPage, ZDecimalString, ZPurpose, ZTimestamp, ZUuid } from "./common.response";

// What /api/v1/usage-reports answers: the route's 202, usage-reports-v1.ts (one report) and
// lists/usage-reports-list-v1.ts (the list).

const ZQuarter = z.string().regex(/^\d{4}Q[1-4]$/).describe("A calendar quarter, such as 2026Q3.");

export const ZUsageReportAccepted = z.strictObject({
  id: ZUuid,
  quarter: ZQuarter,
  status: z.literal("RECEIVED").describe("The usage.process job reads the report next; follow links.self."),
  isAdjustment: z.boolean().describe("True when the quarter's distribution was already approved: the lines count in the next run."),
  replaces: ZUuid.nullable().describe("The quarter's report this one replaces, if there was one."),
  links: z.strictObject({ self: z.string() }),
});

const ZCounts = z.strictObject({
  lines: z.int().describe("Lines read (without the header)."),
  accepted: z.int(),
  rejected: z.int().describe("Lines refused; see errors."),
  summed: z.int().describe("Lines added into another line of the same work and purpose."),
});

const ZTotals = z.strictObject({ lines: z.int(), units: ZDecimalString });

const ZReportHeader = {
  id: ZUuid,
  quarter: ZQuarter,
  source: z.enum(UsageReportSource).describe("FILE (uploaded CSV) or API (JSON lines)."),
  status: z.enum(UsageReportStatus).describe("RECEIVED, PROCESSING, PROCESSED, FAILED (see errorMessage), or REPLACED by a later report."),
  percent: z.int().min(0).max(100),
  isAdjustment: z.boolean(),
  isLocked: z.boolean().describe("The quarter's distribution was approved: the report can no longer be replaced."),
  replacedBy: ZUuid.nullable(),
  errorMessage: z.string().nullable().describe("Why the report could not be processed at all."),
  counts: ZCounts,
};

/** Where a line was in the request: its CSV line number (header = 1) and, for JSON reports, its index in `lines`. */
const ZLinePosition = {
  line: z.int().describe("The line number as in a CSV file (the header is line 1)."),
  index: z.int().optional().describe("For a report sent as JSON: the line's index in the request's `lines`."),
};

const ZUsageLine = z.strictObject({
  ...ZLinePosition,
  identifier: z.string().nullable(),
  title: z.string().nullable(),
  year: z.int().nullable(),
  purpose: ZPurpose,
  units: ZDecimalString,
  summedLines: z.int().describe("How many input lines were added into this one."),
  match: z.strictObject({
    status: z.enum(MatchStatus).describe("PENDING, MATCHED, UNMATCHED or AMBIGUOUS (staff decide), REJECTED."),
    method: z.enum(MatchMethod).nullable(),
    work: z.strictObject({ id: z.int(), title: z.string(), rightsholder: z.string() }).nullable(),
  }),
  eligibility: z.enum(Eligibility).describe("ELIGIBLE lines count toward royalties."),
  reason: z.enum(INELIGIBLE_REASONS).nullable().describe("Why an INELIGIBLE line does not count."),
  message: z.string().nullable(),
});

export const ZUsageReport = z.strictObject({
  ...ZReportHeader,
  summary: z.strictObject({
    matched: ZTotals,
    unmatched: ZTotals.describe("Lines still open: unmatched, ambiguous or pending."),
    eligible: ZTotals,
    ineligible: ZTotals,
    ineligibleByReason: z.partialRecord(z.enum(INELIGIBLE_REASONS), ZTotals),
  }),
  errors: z.array(z.strictObject({ ...ZLinePosition, reason: z.string() })).describe("The refused lines (up to 1,000), in line order."),
  lines: z.array(ZUsageLine).describe("A page of the report's lines, in line order."),
  next: z.string().nullable().describe("The address of the next page of lines; null on the last."),
});

export const ZUsageReportListItem = z.strictObject({
  ...ZReportHeader,
  submittedAt: ZTimestamp,
  processedAt: ZTimestamp.nullable(),
  links: z.strictObject({ self: z.string() }),
});

export const ZUsageReportsPage = cursorPage(ZUsageReportListItem);
