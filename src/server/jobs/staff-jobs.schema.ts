import { z } from "zod";
import { notFound, validation } from "../errors";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";

// The job monitor's filters and the inputs of its ADMIN actions (retry, cancel, schedule switch).

export const JOB_LIST_FILTERS = ["active", "QUEUED", "RUNNING", "FAILED", "SUCCEEDED", "CANCELLED", "RETRIED"] as const;
export type JobListFilter = (typeof JOB_LIST_FILTERS)[number];
export const JOB_FILTER_LABELS: Record<JobListFilter, string> = {
  active: "Queued, running or failed",
  QUEUED: "Queued",
  RUNNING: "Running",
  FAILED: "Failed",
  SUCCEEDED: "Succeeded recently",
  CANCELLED: "Cancelled recently",
  RETRIED: "Retried (more than one attempt)",
};

/** Succeeded and cancelled jobs are listed and counted for this many days (the table keeps them all). */
export const RECENT_JOB_DAYS = 7;
export const JOB_PAGE_SIZE = 50;
/** Attempts a staff retry gives a failed job on top of those it has used. */
export const RETRY_ATTEMPTS = 3;

export const ZJobListQuery = z.object({
  status: z.enum(JOB_LIST_FILTERS).catch("active"),
  name: z.string().trim().max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  /** "<createdAt in ms>.<id>" of the last row shown. */
  cursor: z.string().trim().regex(/^\d{1,15}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).optional().catch(undefined),
});
/** As the query string carries it: anything malformed falls back to the default. */
export type TJobListQuery = Partial<Record<"status" | "name" | "cursor", string | undefined>>;

const reason = z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZJobActionInput = z.object({
  jobId: z.uuid({ error: "That job was not found." }),
  reason,
});
export type TJobActionInput = z.input<typeof ZJobActionInput>;

export const ZScheduleSwitchInput = z.object({
  name: z.string().trim().min(1, "Choose a schedule.").max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  enabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Say whether to enable or disable the schedule." }),
  reason,
});
export type TScheduleSwitchInput = z.input<typeof ZScheduleSwitchInput>;

/** A job action's input, or why not: a malformed job id is "not found", a bad reason a field error. */
export function parseJobAction(rawInput: TJobActionInput): z.output<typeof ZJobActionInput> {
  const parsed = ZJobActionInput.safeParse(rawInput);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.some((i) => i.path[0] === "jobId")) throw notFound("That job");
  throw validation("Please correct the highlighted fields.", { reason: parsed.error.issues.map((i) => i.message) });
}
