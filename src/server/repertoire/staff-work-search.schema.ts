import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { PURPOSES, WORK_TYPES } from "@/lib/works/work-input";

// The staff search's query, from a URL or a call: anything unknown or malformed is dropped
// (a filter ignored, the first page), never an error, so a hand-edited link still shows a page.

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const WORK_STATUSES = ["ENROLLED", "SUSPENDED", "MERGED"] as const;

export const ZStaffWorkFilters = z.object({
  status: optional(z.enum(WORK_STATUSES)),
  rightsholderId: optional(z.uuid()),
  type: optional(z.enum(WORK_TYPES)),
  purpose: optional(z.enum(PURPOSES)),
});
export type StaffWorkFilters = z.output<typeof ZStaffWorkFilters>;

export const ZStaffWorkQuery = ZStaffWorkFilters.extend({
  q: z.string().max(500).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).catch("").transform((q) => q.trim().slice(0, 200)).default(""),
  /** Search results: the page number (1…). */
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  /** Browsing without words: the id to continue after (newest first). */
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
export type TStaffWorkQuery = z.input<typeof ZStaffWorkQuery>;
export type StaffWorkQuery = z.output<typeof ZStaffWorkQuery>;

/** The URL query of a search (only what is set), for links, the pager and the export. */
export function staffWorkQueryString(query: Partial<StaffWorkQuery>, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...query, ...extra })
    .filter((e): e is [string, string | number] => (typeof e[1] === "string" && e[1] !== "") || typeof e[1] === "number")
    .filter(([k, v]) => !(k === "page" && v === 1))
    .map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(entries).toString();
}
