import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";

// Input of the staff queue of unmatched usage: the list, the work search, and the decisions.
// A key is the MatchDecision.rawKey format of src/lib/usage/match-keys.ts.

/** "id:<type>:<value>" or "title:<normalised title>|<year or empty>". */
const KEY_FORMAT = /^(?:id:(?:ISBN13|ISSN|DOI|URL):.+|title:.+\|-?\d*)$/s;

export const ZUsageKey = z.string().max(2200, "This key is too long.").regex(KEY_FORMAT, "This is not a usage line key.").refine(isStorableText, "This is not a usage line key.");

/** At most this many groups are decided in one go (one page of the queue, with room to spare). */
export const MAX_KEYS_PER_DECISION = 200;

const ZKeys = z
  .array(ZUsageKey)
  .min(1, "Select at least one group of lines.")
  .max(MAX_KEYS_PER_DECISION, `Decide at most ${MAX_KEYS_PER_DECISION} groups at once.`)
  .transform((keys) => [...new Set(keys)]);

export const ZMatchUsageLinesInput = z.object({
  keys: ZKeys,
  workId: z.coerce.number({ message: "Choose the work to match." }).int("Choose the work to match.").positive("Choose the work to match."),
});
export type TMatchUsageLinesInput = z.input<typeof ZMatchUsageLinesInput>;

export const ZRejectUsageLinesInput = z.object({
  keys: ZKeys,
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
});
export type TRejectUsageLinesInput = z.input<typeof ZRejectUsageLinesInput>;

export const USAGE_QUEUE_PAGE_SIZE = 50;

export const ZUsageQueueQuery = z.object({
  search: z.string().trim().max(200).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined).transform((s) => (s ? s : undefined)),
  cursor: z.string().max(3000).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).catch(USAGE_QUEUE_PAGE_SIZE),
});
/** As pages pass it (from the URL); anything malformed falls back to the first page. */
export type TUsageQueueQuery = { search?: string; cursor?: string; limit?: number };

export const ZWorkSearchInput = z.object({
  q: z.string().trim().max(200, "At most 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).catch(""),
});

/** Where the queue continues: the group's oldest submission (ms, UTC) and its key. */
export type UsageQueueCursor = { oldestAt: string; key: string };

export function encodeQueueCursor(cursor: UsageQueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.oldestAt, cursor.key])).toString("base64url");
}

/** A cursor from a URL, or null when it is malformed (the list then starts from the beginning). */
export function decodeQueueCursor(token: string | undefined): UsageQueueCursor | null {
  if (!token) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [oldestAt, key] = value as unknown[];
    // A real moment (PostgreSQL refuses "2026-44-44T44:…" with an error, not an empty page).
    if (typeof oldestAt !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/.test(oldestAt)) return null;
    const at = new Date(`${oldestAt}Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 23) !== oldestAt) return null;
    if (typeof key !== "string" || !ZUsageKey.safeParse(key).success) return null;
    return { oldestAt, key };
  } catch {
    return null;
  }
}
