import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { LINE_KEY_SQL, OPEN_LINE_SQL } from "./usage-queue-sql";
import { ZUsageKey } from "./usage-queue.schema";
import { candidateWorksFor, loadWorksForMatch, titleYearKey, type WorkForMatch } from "./works-for-match";

// One group of the queue, for the match page: its open lines (who reported them, where), the
// works with the same title and year, and the decision already on file for its key, if any.

/** The match page lists this many lines; the totals cover all of them. */
export const GROUP_LINES_SHOWN = 200;

type LineRow = {
  id: bigint; reportId: string; lineNumber: number; quarter: string; organizationName: string; purpose: string; units: bigint;
  matchStatus: "UNMATCHED" | "AMBIGUOUS"; rawIdentifier: string | null; rawTitle: string | null; rawYear: number | null; normalizedTitle: string | null;
};

export async function getUsageQueueGroup(actor: Actor | null, rawKey: string) {
  authorize(can.readUsageQueue(actor));
  const parsed = ZUsageKey.safeParse(rawKey);
  if (!parsed.success) throw notFound("That group of usage lines");
  const key = parsed.data;
  const inGroup = Prisma.sql`${OPEN_LINE_SQL} AND ${LINE_KEY_SQL} = ${key}`;
  const [lines, totals, decision] = await Promise.all([
    db.$queryRaw<LineRow[]>`
      SELECT l.id, l."reportId", l."lineNumber", r.quarter, o.name AS "organizationName", l.purpose::text AS purpose, l.units,
             l."matchStatus"::text AS "matchStatus", l."rawIdentifier", l."rawTitle", l."rawYear", l."normalizedTitle"
        FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId" JOIN organizations o ON o.id = r."organizationId"
       WHERE ${inGroup}
       ORDER BY r."submittedAt", r.id, l."lineNumber"
       LIMIT ${GROUP_LINES_SHOWN}`,
    db.$queryRaw<{ lines: number; units: bigint | null; licensees: number }[]>`
      SELECT count(*)::int AS lines, sum(l.units)::bigint AS units, count(DISTINCT r."organizationId")::int AS licensees
        FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId" WHERE ${inGroup}`,
    db.matchDecision.findUnique({ where: { rawKey: key }, select: { workId: true, isRejected: true, decidedById: true, decidedAt: true } }),
  ]);
  const first = lines[0];
  const [candidates, decidedWork, decidedBy] = await Promise.all([
    first?.normalizedTitle ? candidateWorksFor([{ normalizedTitle: first.normalizedTitle, year: first.rawYear }]) : new Map<string, WorkForMatch[]>(),
    decision?.workId ? loadWorksForMatch([decision.workId]) : [],
    decision ? db.user.findUnique({ where: { id: decision.decidedById }, select: { name: true } }) : null,
  ]);
  const summary = totals[0];
  return {
    key,
    isIdentifierKey: key.startsWith("id:"),
    status: lines.some((l) => l.matchStatus === "AMBIGUOUS") ? "AMBIGUOUS" as const : "UNMATCHED" as const,
    wrote: first ? { identifier: first.rawIdentifier, title: first.rawTitle, year: first.rawYear } : null,
    totals: { lines: summary?.lines ?? 0, units: summary?.units ?? 0n, licensees: summary?.licensees ?? 0 },
    lines: lines.map((l) => ({
      id: String(l.id), reportId: l.reportId, lineNumber: l.lineNumber, quarter: l.quarter, organizationName: l.organizationName, purpose: l.purpose, units: l.units,
    })),
    candidates: first?.normalizedTitle ? (candidates.get(titleYearKey(first.normalizedTitle, first.rawYear)) ?? []) : [],
    /** The decision remembered for this key (later reports get it): set once staff decided. */
    decision: decision ? {
      isRejected: decision.isRejected, work: decidedWork[0] ?? null, decidedAt: decision.decidedAt, decidedByName: decidedBy?.name ?? null,
    } : null,
    canDecide: can.matchUsage(actor),
  };
}

export type UsageQueueGroupView = Awaited<ReturnType<typeof getUsageQueueGroup>>;
