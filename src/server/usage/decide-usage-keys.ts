import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { UserActor } from "../auth/actor";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { recomputeEligibility } from "./eligibility-sql";
import { LINE_KEY_SQL, OPEN_LINE_SQL } from "./usage-queue-sql";

// A staff decision over one or more keys, inside the caller's transaction: the open lines move,
// their eligibility is decided again, the decision is remembered per key for later reports, and
// each key gets its audit row.
//
// Two staff deciding the same key at once: the lines are locked in id order (no deadlock between
// overlapping selections) and only lines still open move. The second transaction waits for the
// first, finds the lines decided, and skips the key, so neither the lines nor the remembered
// decision are applied twice. The reports are share-locked too: a report replaced or locked by an
// approved distribution meanwhile is left as it is.

export type UsageDecision =
  | { kind: "match"; work: { id: number; title: string } }
  | { kind: "reject"; reason: string };

export type UsageDecisionResult = {
  /** Keys whose open lines moved, with how many. */
  applied: { key: string; lines: number }[];
  /** Keys with no open line left (decided by someone else, or their reports replaced or locked). */
  skipped: string[];
  lines: number;
  /** What the staff member is told. */
  message: string;
};

export async function decideUsageKeys(tx: Tx, staff: UserActor, keys: string[], decision: UsageDecision): Promise<UsageDecisionResult> {
  const isMatch = decision.kind === "match";
  const moved = await tx.$queryRaw<{ id: bigint; key: string; reportId: string; organizationId: string }[]>`
    WITH target AS (
      SELECT l.id, ${LINE_KEY_SQL} AS key, r.id AS "reportId", r."organizationId"
        FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId"
       WHERE ${OPEN_LINE_SQL} AND ${LINE_KEY_SQL} = ANY(${keys}::text[])
       ORDER BY l.id
         FOR UPDATE OF l FOR SHARE OF r
    )
    UPDATE usage_lines u
       SET "matchStatus" = ${isMatch ? "MATCHED" : "REJECTED"}::"MatchStatus", "matchMethod" = 'STAFF',
           "workId" = ${isMatch ? decision.work.id : null}::int
      FROM target t
     WHERE u.id = t.id
    RETURNING u.id, t.key, t."reportId", t."organizationId"`;

  const byKey = new Map<string, typeof moved>();
  for (const row of moved) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const skipped = keys.filter((k) => !byKey.has(k));
  if (byKey.size === 0) {
    throw new AppError("CONFLICT", keys.length === 1
      ? "No open lines are left under this key: someone already matched or rejected them, or their reports were replaced or locked. Reload the queue."
      : "None of the selected groups has open lines left: someone already decided them, or their reports were replaced or locked. Reload the queue.");
  }
  await recomputeEligibility(tx, moved.map((r) => r.id));

  const previous = new Map((await tx.matchDecision.findMany({ where: { rawKey: { in: [...byKey.keys()] } } })).map((d) => [d.rawKey, d]));
  const remembered = { workId: isMatch ? decision.work.id : null, isRejected: !isMatch, decidedById: staff.userId, decidedAt: new Date() };
  for (const [key, rows] of byKey) {
    const saved = await tx.matchDecision.upsert({ where: { rawKey: key }, create: { rawKey: key, ...remembered }, update: remembered, select: { id: true } });
    const before = previous.get(key);
    await writeAudit(tx, staff, {
      action: isMatch ? "usage.lines_matched" : "usage.lines_rejected",
      entityType: "MatchDecision",
      entityId: saved.id,
      before: before ? { workId: before.workId, isRejected: before.isRejected, decidedById: before.decidedById } : null,
      after: {
        rawKey: key,
        ...(isMatch ? { workId: decision.work.id, workTitle: decision.work.title } : { isRejected: true, reason: decision.reason }),
        lines: rows.length,
        reports: [...new Set(rows.map((r) => r.reportId))],
        licensees: new Set(rows.map((r) => r.organizationId)).size,
      },
    });
  }
  const applied = [...byKey].map(([key, rows]) => ({ key, lines: rows.length }));
  return { applied, skipped, lines: moved.length, message: describe(isMatch ? "Matched" : "Rejected", applied.length, moved.length, skipped.length) };
}

function describe(verb: string, groups: number, lines: number, skipped: number): string {
  const done = `${verb} ${lines} line${lines === 1 ? "" : "s"}${groups > 1 ? ` in ${groups} groups` : ""}; later reports get the same decision.`;
  if (skipped === 0) return done;
  return `${done} ${skipped} group${skipped === 1 ? " was" : "s were"} already decided by someone else.`;
}
