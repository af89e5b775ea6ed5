import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { ZWorkId } from "./works.schema";

// Inputs of the staff (ADMIN) changes to works and rightsholders. Every change carries the reason
// staff give: it goes into the audit row, and into the mail when a rightsholder is told.

export const MAX_BULK_WORKS = 500;

export const ZReason = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason (a few words at least): it is kept in the work's history.")
  .max(500, "At most 500 characters.")
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZStaffUpdateWorkInput = z.object({
  workId: ZWorkId,
  /** Raw values as typed: parseWork checks and normalises them (the rightsholder's rules). */
  work: z.record(z.string(), z.unknown()),
  reason: ZReason,
  /** The work's updatedAt when the form was opened: a later change by someone else is not overwritten. */
  expectedUpdatedAt: z.string().max(40).optional(),
});
export type TStaffUpdateWorkInput = z.input<typeof ZStaffUpdateWorkInput>;

export const ZWorkIds = z
  .array(ZWorkId, { error: "Select at least one work." })
  .min(1, "Select at least one work.")
  .max(MAX_BULK_WORKS, `At most ${MAX_BULK_WORKS} works at a time.`)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

export const ZSetWorksSuspensionInput = z.object({
  workIds: ZWorkIds,
  reason: ZReason,
});
export type TSetWorksSuspensionInput = z.input<typeof ZSetWorksSuspensionInput>;

export const ZMergeWorkInput = z
  .object({
    /** The duplicate: it becomes MERGED and its identifiers move. */
    workId: ZWorkId,
    /** The work it is a duplicate of, which stays. */
    targetId: z.coerce.number({ error: "Give the number of the work to merge into." }).int().positive("Give the number of the work to merge into."),
    reason: ZReason,
  })
  .refine((input) => input.workId !== input.targetId, { message: "A work can't be merged into itself.", path: ["targetId"] });
export type TMergeWorkInput = z.input<typeof ZMergeWorkInput>;

export const ZRightsholderSuspensionInput = z.object({
  organizationId: z.uuid("That rightsholder was not found."),
  reason: ZReason,
});
export type TRightsholderSuspensionInput = z.input<typeof ZRightsholderSuspensionInput>;
