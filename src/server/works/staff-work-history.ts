import "server-only";
import { db } from "../db";
import type { HistoryEntry } from "./work-history";

// The staff changes to a work, told in words in its history (work-history.ts tells the
// rightsholder's own; this adds what staff did and why). Applied to the entries loadWorkHistory
// returns, by their audit row ids.

const STAFF_ACTIONS = ["work.staffEdited", "work.suspended", "work.unsuspended", "work.merged", "work.mergedFrom", "work.mergeRepointed"];

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});

function summaryOf(action: string, after: Json): string {
  switch (action) {
    case "work.staffEdited": return "Corrected by staff";
    case "work.suspended": return after.via === "staff, bulk" ? "Suspended by staff (with other works)" : "Suspended by staff";
    case "work.unsuspended": return after.via === "staff, bulk" ? "Suspension lifted by staff (with other works)" : "Suspension lifted by staff";
    case "work.merged": return `Merged into work #${String(after.mergedIntoId)} as a duplicate; its identifiers moved there`;
    case "work.mergedFrom": return `Work #${String(after.mergedFromId)} merged into this one as a duplicate; its identifiers moved here`;
    default: return `Now merged into work #${String(after.mergedIntoId)} (the work it was merged into was merged there)`;
  }
}

/** The entries with staff actions re-told, the reason as a note and not as a changed field. */
export async function withStaffActions(entries: HistoryEntry[]): Promise<HistoryEntry[]> {
  const ids = entries.map((e) => BigInt(e.id));
  if (ids.length === 0) return entries;
  const rows = await db.auditLog.findMany({ where: { id: { in: ids }, action: { in: STAFF_ACTIONS } }, select: { id: true, action: true, after: true } });
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return entries.map((entry) => {
    const row = byId.get(entry.id);
    if (!row) return entry;
    const after = asObject(row.after);
    const reason = typeof after.reason === "string" ? after.reason : null;
    return {
      ...entry,
      summary: summaryOf(row.action, after),
      changes: entry.changes.filter((c) => c.field !== "reason"),
      notes: [...(reason ? [`Reason: ${reason}`] : []), ...entry.notes],
    };
  });
}
