import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { FINAL_RUN_STATUSES } from "../distribution/runs.schema";

/** Run statuses whose statements rightsholders see (approved, final): a CALCULATED run is still a draft for staff. */
export const VISIBLE_RUN_STATUSES = FINAL_RUN_STATUSES;

/** A statement-line dispute can be raised for this many months after the run's approval (DOMAIN.md). */
export const STATEMENT_DISPUTE_MONTHS = 9;

export const STATEMENT_LINE_SORTS = ["net", "title"] as const;
export type StatementLineSort = (typeof STATEMENT_LINE_SORTS)[number];

/** The lines table's query string: the sort and a keyset cursor in one direction. */
export const ZStatementLinesQuery = z.object({
  sort: z.enum(STATEMENT_LINE_SORTS).catch("net"),
  after: z.string().max(400).optional().catch(undefined),
  before: z.string().max(400).optional().catch(undefined),
});
/** As it arrives from a URL: anything unknown falls back to the default sort and the first page. */
export type TStatementLinesQuery = { sort?: string; after?: string; before?: string };

const reason = z
  .string()
  .trim()
  .min(10, "Say what is wrong with this line in a sentence or two (at least 10 characters).")
  .max(2000, "At most 2,000 characters.")
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZRaiseStatementDisputeInput = z.object({
  statementLineId: z.string().trim().regex(/^[0-9]{1,18}$/, "Unknown statement line."),
  reason,
});
export type TRaiseStatementDisputeInput = z.input<typeof ZRaiseStatementDisputeInput>;

export const STATEMENT_DISPUTE_OUTCOMES = ["RESOLVED", "REJECTED"] as const;

export const ZResolveStatementDisputeInput = z.object({
  disputeId: z.uuid({ message: "Unknown dispute." }),
  outcome: z.enum(STATEMENT_DISPUTE_OUTCOMES, { message: "Choose whether the line was wrong or the claim is rejected." }),
  resolution: z.string().trim().min(10, "Explain the decision in a sentence or two (at least 10 characters).").max(2000, "At most 2,000 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TResolveStatementDisputeInput = z.input<typeof ZResolveStatementDisputeInput>;
