import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { PURPOSES, WORK_TYPES } from "@/lib/works/work-input";

// Inputs of the works use cases. The work itself is checked by src/lib/works/work-input.ts
// (parseWork), shared with the importers and the API; these schemas only shape the envelope.

export const ZWorkId = z.coerce.number().int().positive();

export const ZCreateWorkInput = z.object({
  organizationId: z.uuid(),
  /** Raw values as typed: parseWork checks and normalises them. */
  work: z.record(z.string(), z.unknown()),
});
export type TCreateWorkInput = z.input<typeof ZCreateWorkInput>;

export const ZUpdateWorkInput = z.object({
  workId: ZWorkId,
  /** Raw values as typed. Without an `excludedFrom` key the exclusion stays as it is (it has its own form). */
  work: z.record(z.string(), z.unknown()),
  /** The work's updatedAt when the form was opened: a later change by someone else is not overwritten. */
  expectedUpdatedAt: z.string().max(40).optional(),
});
export type TUpdateWorkInput = z.input<typeof ZUpdateWorkInput>;

export const ZSetWorkExclusionInput = z.object({
  workId: ZWorkId,
  /** YYYY-MM-DD, or null/"" to cancel a scheduled exclusion. */
  excludedFrom: z.string().max(40).nullable(),
});
export type TSetWorkExclusionInput = z.input<typeof ZSetWorkExclusionInput>;

/** One co-owner as the editor sends it: an organisation, or an external payee with a name. */
export type RawCoOwner = {
  organizationId?: unknown;
  externalPayeeName?: unknown;
  externalPayeeEmail?: unknown;
  /** Percent, up to two decimals. */
  share?: unknown;
};

export const ZSetCoOwnersInput = z.object({
  workId: ZWorkId,
  /** An empty list means 100% to the enrolling rightsholder. Each item is checked by setCoOwners. */
  owners: z.array(z.record(z.string(), z.unknown())).max(100),
});
export type TSetCoOwnersInput = z.input<typeof ZSetCoOwnersInput>;

export const ZCoOwnerSearchInput = z.object({
  workId: ZWorkId,
  q: z.string().trim().max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TCoOwnerSearchInput = z.input<typeof ZCoOwnerSearchInput>;

export const WORK_SORTS = ["newest", "title", "year"] as const;
export type WorkSort = (typeof WORK_SORTS)[number];
export const WORK_SORT_LABELS: Record<WorkSort, string> = {
  newest: "Newest first",
  title: "Title A–Z",
  year: "Year, latest first",
};

export const EXCLUSION_FILTERS = ["yes", "scheduled", "no"] as const;
export type ExclusionFilter = (typeof EXCLUSION_FILTERS)[number];
export const EXCLUSION_FILTER_LABELS: Record<ExclusionFilter, string> = {
  yes: "Excluded now",
  scheduled: "Scheduled",
  no: "Not excluded",
};

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The works list's filters from a URL: anything unknown or malformed is ignored, never an error. */
export const ZWorksFilters = z.object({
  q: optional(z.string().trim().max(200).transform((q) => (q === "" ? undefined : q))),
  status: optional(z.enum(["ENROLLED", "SUSPENDED", "MERGED"])),
  purpose: optional(z.enum(PURPOSES)),
  type: optional(z.enum(WORK_TYPES)),
  excluded: optional(z.enum(EXCLUSION_FILTERS)),
  sort: z.enum(WORK_SORTS).catch("newest"),
});
export type WorksFilters = z.output<typeof ZWorksFilters>;

/** A page position: after (next page) or before (previous page) a row's sort key. */
export type WorksCursor = { direction: "after" | "before"; id: number; title?: string; year?: number | null };

export function parseWorksFilters(params: Record<string, string | string[] | undefined>): WorksFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
  return ZWorksFilters.parse({ ...values, sort: values.sort ?? "newest" });
}

/** The URL query of a filter set (only what is set), for links and the export. */
export function worksFiltersQuery(filters: WorksFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && !(e[0] === "sort" && e[1] === "newest"),
  );
  return new URLSearchParams(entries).toString();
}

const MAX_WORK_ID = 2 ** 31 - 1;

export function encodeWorksCursor(sort: WorkSort, row: { id: number; normalizedTitle: string; publicationYear: number | null }): string {
  const key = sort === "title" ? [row.normalizedTitle, row.id] : sort === "year" ? [row.publicationYear, row.id] : [row.id];
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A cursor from a URL, or null when it is malformed or made for another sort. */
export function decodeWorksCursor(sort: WorkSort, direction: "after" | "before", token: string | undefined): WorksCursor | null {
  if (!token || token.length > 2000) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(key)) return null;
  // Only positions a page can hold: a work id (INTEGER), a storable title, a year the CHECK allows.
  const id = key.at(-1);
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > MAX_WORK_ID) return null;
  if (sort === "newest") return key.length === 1 ? { direction, id } : null;
  if (key.length !== 2) return null;
  if (sort === "title") return typeof key[0] === "string" && isStorableText(key[0]) ? { direction, id, title: key[0] } : null;
  const year = key[0];
  return year === null || (typeof year === "number" && Number.isInteger(year) && year >= 1400 && year <= 2100) ? { direction, id, year } : null;
}
