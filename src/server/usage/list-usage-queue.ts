import "server-only";
import { detectIdentifier } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { containsPattern, LINE_KEY_SQL, OPEN_LINE_SQL } from "./usage-queue-sql";
import { decodeQueueCursor, encodeQueueCursor, ZUsageQueueQuery, type TUsageQueueQuery } from "./usage-queue.schema";
import { candidateWorksFor, titleYearKey, type WorkForMatch } from "./works-for-match";

// The staff queue of unmatched usage: open lines of current reports, one row per key (the same
// raw identifier, or the same title and year, across every licensee and quarter), because one
// decision settles them all and is remembered for later reports. Oldest first, so nothing waits
// forever; keyset pages on (oldest submission, key). Open lines are few among many and found
// through the partial index usage_lines_open_idx, so grouping them all per page stays cheap.

export type UsageQueueGroup = {
  key: string;
  status: "UNMATCHED" | "AMBIGUOUS";
  /** What the licensee wrote, from the group's first line. */
  wrote: { identifier: string | null; title: string | null; year: number | null };
  lines: number;
  units: bigint;
  licensees: number;
  quarters: string[];
  oldestAt: Date;
  /** AMBIGUOUS only: the enrolled works with the same title and year. */
  candidates: WorkForMatch[];
};

type GroupRow = {
  key: string; oldestAt: string; lines: number; units: bigint; licensees: number; quarters: string[]; isAmbiguous: boolean;
  rawIdentifier: string | null; rawTitle: string | null; rawYear: number | null; normalizedTitle: string | null;
};

const OPEN_LINES_CTE = Prisma.sql`open_lines AS (
  SELECT l.id, l."matchStatus", l.units, l."rawTitle", l."rawIdentifier", l."normalizedTitle", l."normalizedIdentifier",
         r."organizationId" AS org, r.quarter, r."submittedAt", ${LINE_KEY_SQL} AS key
    FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId"
   WHERE ${OPEN_LINE_SQL}
)`;

/** Groups with at least one line whose raw title or identifier contains the search text. */
function searchCondition(search: string | undefined): Prisma.Sql {
  if (!search) return Prisma.sql`true`;
  const pattern = containsPattern(search);
  const conditions = [Prisma.sql`o."rawTitle" ILIKE ${pattern}`, Prisma.sql`o."rawIdentifier" ILIKE ${pattern}`];
  const title = normalizeTitle(search);
  if (title) conditions.push(Prisma.sql`o."normalizedTitle" LIKE ${containsPattern(title)}`);
  const identifier = detectIdentifier(search);
  if (identifier.ok) conditions.push(Prisma.sql`o."normalizedIdentifier" = ${identifier.value}`);
  return Prisma.sql`bool_or(${Prisma.join(conditions, " OR ")})`;
}

export async function listUsageQueue(actor: Actor | null, rawQuery: TUsageQueueQuery = {}) {
  authorize(can.readUsageQueue(actor));
  const { search, cursor: token, limit } = ZUsageQueueQuery.parse(rawQuery);
  const cursor = decodeQueueCursor(token);
  const after = cursor ? Prisma.sql`(g.oldest, g.key) > (${cursor.oldestAt}::timestamp, ${cursor.key})` : Prisma.sql`true`;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<GroupRow[]>`
      WITH ${OPEN_LINES_CTE}, groups AS (
        SELECT o.key, min(o."submittedAt") AS oldest, count(*)::int AS lines, sum(o.units)::bigint AS units,
               count(DISTINCT o.org)::int AS licensees, array_agg(DISTINCT o.quarter ORDER BY o.quarter) AS quarters,
               bool_or(o."matchStatus" = 'AMBIGUOUS') AS "isAmbiguous", min(o.id) AS sample
          FROM open_lines o WHERE o.key IS NOT NULL
         GROUP BY o.key
        HAVING ${searchCondition(search)}
      )
      SELECT g.key, to_char(g.oldest, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "oldestAt", g.lines, g.units, g.licensees, g.quarters, g."isAmbiguous",
             s."rawIdentifier", s."rawTitle", s."rawYear", s."normalizedTitle"
        FROM groups g JOIN usage_lines s ON s.id = g.sample
       WHERE ${after}
       ORDER BY g.oldest, g.key
       LIMIT ${limit + 1}`,
    db.$queryRaw<{ groups: number; lines: number }[]>`
      WITH ${OPEN_LINES_CTE} SELECT count(DISTINCT key)::int AS groups, count(key)::int AS lines FROM open_lines`,
  ]);
  const page = rows.slice(0, limit);
  const ambiguous = page.filter((g) => g.isAmbiguous && g.normalizedTitle);
  const candidates = await candidateWorksFor(ambiguous.map((g) => ({ normalizedTitle: g.normalizedTitle!, year: g.rawYear })));
  const last = page.at(-1);
  return {
    search: search ?? "",
    isFirstPage: cursor === null,
    totals: totals[0] ?? { groups: 0, lines: 0 },
    nextCursor: rows.length > limit && last ? encodeQueueCursor({ oldestAt: last.oldestAt, key: last.key }) : null,
    groups: page.map((g): UsageQueueGroup => ({
      key: g.key,
      status: g.isAmbiguous ? "AMBIGUOUS" : "UNMATCHED",
      wrote: { identifier: g.rawIdentifier, title: g.rawTitle, year: g.rawYear },
      lines: g.lines,
      units: g.units,
      licensees: g.licensees,
      quarters: g.quarters,
      oldestAt: new Date(`${g.oldestAt}Z`),
      candidates: g.isAmbiguous && g.normalizedTitle ? (candidates.get(titleYearKey(g.normalizedTitle, g.rawYear)) ?? []) : [],
    })),
  };
}

export type UsageQueuePage = Awaited<ReturnType<typeof listUsageQueue>>;
