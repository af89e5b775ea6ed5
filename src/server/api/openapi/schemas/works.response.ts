import "server-only";
import { z } from "zod";
import { WorkStatus, WorkType } from "@/generated/prisma/enums";
import { cursorPage, ZApiError, ZDay, ZIdentifier, ZPurpose, ZTimestamp } from "./common.response";

// What /api/v1/works answers: works-v1.queries.ts (the list) and works-v1-response.ts (enrolment).

export const ZWork = z.strictObject({
  id: z.int().describe("The work's id in the repertoire."),
  title: z.string(),
  contributors: z.array(z.string()),
  type: z.enum(WorkType),
  language: z.string().nullable().describe("A language code such as \"en\"."),
  publicationYear: z.int().nullable(),
  publisher: z.string().nullable(),
  purposes: z.array(ZPurpose).describe("The AI purposes the rightsholder permits for this work."),
  excludedFrom: ZDay.nullable().describe("From this day on the work is out of the repertoire (kept on file)."),
  status: z.enum(WorkStatus).describe("ENROLLED; SUSPENDED by staff; MERGED into another work by staff."),
  identifiers: z.array(ZIdentifier),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZWorksPage = cursorPage(ZWork);

const ZFieldMessages = z.record(z.string(), z.array(z.string()));

export const ZWorkItemResult = z.strictObject({
  index: z.int().min(0).describe("The item's position in the request (0 for a single work)."),
  status: z.enum(["created", "updated", "unchanged", "rejected"]),
  workId: z.int().nullable().describe("The work written; null when the item was rejected."),
  errors: ZFieldMessages.describe("Why the item was rejected, by field (`work` for the whole item); `{}` otherwise."),
  disputedIdentifiers: z.array(ZIdentifier).describe("Identifiers another rightsholder holds: a dispute was opened and the work enrolled without them."),
  notes: z.array(z.string()).describe("Remarks on an accepted item, such as a work merged by staff."),
});

export const ZWorksEnrollSummary = z.strictObject({
  received: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.int(),
  disputedIdentifiers: z.int().describe("Identifiers left out of the works written because another rightsholder holds them."),
});

export const ZWorksEnrollResponse = z.strictObject({
  summary: ZWorksEnrollSummary,
  results: z.array(ZWorkItemResult).describe("One result per item, in request order."),
});

/** Every item rejected: the error format, and the same summary and results. */
export const ZWorksEnrollRejected = z.strictObject({
  error: ZApiError.shape.error,
  summary: ZWorksEnrollSummary,
  results: z.array(ZWorkItemResult),
});
