import "server-only";
import { z } from "zod";
import { isStorableText } from "@/lib/storable-text";
import { ApiRequestError } from "../api-errors";
import { emptyFieldErrors } from "../works/works-v1.schema";
import type { FieldErrors } from "../../errors";
import { isUuid } from "@/lib/uuid";

// The query of every /api/v1 list that pages by cursor: `limit` (1–100, default 20) and the
// `cursor` a previous page gave as `nextCursor`. A cursor is the last row's sort key and id,
// base64url JSON: opaque to clients, stable while rows are added (keyset, not offsets).

export const LIST_PAGE_SIZE = 20;
export const LIST_MAX_PAGE_SIZE = 100;

/** The shared part of a list query, as the OpenAPI document describes it. */
export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_MAX_PAGE_SIZE).default(LIST_PAGE_SIZE)
    .describe(`How many items per page, 1–${LIST_MAX_PAGE_SIZE} (default ${LIST_PAGE_SIZE}).`),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page; omit it for the first page."),
});

export type ListCursor = { key: string; id: string };
export type ListQuery = { limit: number; cursor: ListCursor | null };

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeListCursor(raw: string): ListCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<ListCursor>;
    // The key and id go into a query: text PostgreSQL can hold, or the cursor is not one of ours.
    return typeof parsed.key === "string" && typeof parsed.id === "string" && parsed.id.length <= 64 && isStorableText(parsed.key) && isStorableText(parsed.id)
      ? { key: parsed.key, id: parsed.id }
      : null;
  } catch {
    return null;
  }
}

/**
 * Reads limit and cursor (and the list's own `extra` parameters, returned as given); an unknown
 * or repeated parameter, a bad limit or a cursor we did not give out is a field error.
 */
export function parseListQuery<E extends string>(params: URLSearchParams, extra: readonly E[] = []):
  { ok: true; query: ListQuery; extra: Partial<Record<E, string>> } | { ok: false; details: FieldErrors } {
  const details = emptyFieldErrors();
  const known = ["limit", "cursor", ...extra];
  const seen = new Set<string>();
  const values: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!known.includes(key)) details[key.slice(0, 60)] = [`Unknown parameter; use ${known.join(", ")}.`];
    else if (seen.has(key)) details[key] = ["Give this parameter once."];
    else values[key] = value;
    seen.add(key);
  }
  const parsed = ZListQuery.safeParse({ limit: values.limit, cursor: values.cursor });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "query");
      details[field] = [field === "limit" ? `Use a whole number from 1 to ${LIST_MAX_PAGE_SIZE}.` : issue.message];
    }
  }
  const cursor = parsed.success && parsed.data.cursor !== undefined ? decodeListCursor(parsed.data.cursor) : null;
  if (parsed.success && parsed.data.cursor !== undefined && cursor === null) details.cursor = ["This cursor is not one we gave out; start again without it."];
  if (Object.keys(details).length > 0 || !parsed.success) return { ok: false, details };
  const extraValues = Object.fromEntries(extra.filter((k) => values[k] !== undefined).map((k) => [k, values[k]])) as Partial<Record<E, string>>;
  return { ok: true, query: { limit: parsed.data.limit, cursor }, extra: extraValues };
}

/** The page and the cursor to the next one, from `limit + 1` rows fetched. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => ListCursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeListCursor(cursorOf(last)) : null };
}


/** A cursor of (time, uuid), as the newest-first lists give out; a forged one is a field error. */
export function timeCursor(cursor: ListCursor | null): { at: Date; id: string } | null {
  if (!cursor) return null;
  if (Number.isNaN(Date.parse(cursor.key)) || !isUuid(cursor.id)) {
    throw new ApiRequestError("VALIDATION", "Check the query parameters.", { cursor: ["This cursor is not one we gave out; start again without it."] });
  }
  return { at: new Date(cursor.key), id: cursor.id };
}
