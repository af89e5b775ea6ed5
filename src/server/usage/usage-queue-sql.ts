import "server-only";
import { Prisma } from "@/generated/prisma/client";

// SQL pieces the staff queue shares, over a usage line `l` joined to its report `r`.

/**
 * usageLineKey of src/lib/usage/match-keys.ts as SQL: the identifier key when the line's
 * identifier could be read, else the title key, else NULL. The queue groups by it and decisions
 * are remembered under it, so it must equal the TypeScript key (a test holds the two together).
 */
export const LINE_KEY_SQL = Prisma.sql`(CASE
  WHEN l."identifierType" IS NOT NULL AND l."normalizedIdentifier" <> '' THEN 'id:' || l."identifierType"::text || ':' || l."normalizedIdentifier"
  WHEN l."normalizedTitle" <> '' THEN 'title:' || l."normalizedTitle" || '|' || COALESCE(l."rawYear"::text, '')
END)`;

/**
 * A line staff still have to decide: unmatched or ambiguous, in a report that counts now —
 * processed (so neither replaced nor still running) and not locked by an approved distribution.
 * The status condition is the predicate of the partial index usage_lines_open_idx.
 */
export const OPEN_LINE_SQL = Prisma.sql`l."matchStatus" IN ('UNMATCHED', 'AMBIGUOUS') AND r.status = 'PROCESSED' AND r."lockedAt" IS NULL`;

/** A LIKE pattern that finds `text` anywhere, its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
