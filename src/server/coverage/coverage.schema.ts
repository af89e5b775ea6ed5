import { z } from "zod";
import { PURPOSES } from "@/lib/coverage/coverage-rule";
import { isValidDate } from "@/lib/works/work-input";

/** One coverage question: an identifier (any of ISBN, ISSN, DOI, URL), a purpose, a day (today by default). */
export const ZCoverageQuery = z.object({
  identifier: z.string({ error: "Give the work's identifier: an ISBN, ISSN, DOI or URL." }).trim().min(1, "Give the work's identifier: an ISBN, ISSN, DOI or URL.").max(2000, "This identifier is too long."),
  purpose: z.enum(PURPOSES, { error: "Choose the purpose: TRAIN, FINE_TUNE or RAG." }),
  date: z.string().trim().refine(isValidDate, "Use a date as YYYY-MM-DD.").optional(),
});
export type TCoverageQuery = z.input<typeof ZCoverageQuery>;
