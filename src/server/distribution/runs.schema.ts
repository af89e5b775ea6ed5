import { z } from "zod";
import { parseQuarter } from "@/lib/usage/quarters";

export const ZRequestRunInput = z.object({
  quarter: z
    .string()
    .trim()
    .refine((q) => parseQuarter(q) !== null, "Choose a quarter such as 2026Q3."),
});
export type TRequestRunInput = z.input<typeof ZRequestRunInput>;

export const ZRunIdInput = z.object({ runId: z.uuid("Choose a distribution run.") });
export type TRunIdInput = z.input<typeof ZRunIdInput>;

/** The statuses after approval: the run's money is final (and the database refuses changes). */
export const FINAL_RUN_STATUSES = ["APPROVED", "PAYING", "PAID"] as const;
export const FINAL_RUN_STATUSES_SQL = `('APPROVED', 'PAYING', 'PAID')`;
