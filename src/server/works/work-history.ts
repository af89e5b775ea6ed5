import "server-only";
import { PURPOSE_LABELS, WORK_TYPE_LABELS, type PurposeCode, type WorkTypeCode } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { isStaff } from "../auth/policies";
import { db } from "../db";

// A work's history, read from the audit log (its own rows and its disputes' rows) and told in
// words: who acted (a person's name, an import file, an API key) and what changed, field by field.
// People of another organisation are never named: a claim by a competitor reads "another rightsholder".

export type HistoryChange = { field: string; before: string; after: string };
export type HistoryEntry = {
  id: string;
  at: Date;
  who: string;
  /** How the change arrived when not through the form: "import file catalog.csv", "API". */
  via: string | null;
  summary: string;
  changes: HistoryChange[];
  notes: string[];
};

export const HISTORY_LIMIT = 200;

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  contributors: "Contributors",
  type: "Type",
  language: "Language",
  publicationYear: "Publication year",
  publisher: "Publisher",
  purposes: "Purposes",
  excludedFrom: "Excluded from",
  identifiers: "Identifiers",
  coOwners: "Co-owners",
  status: "Status",
  suspendReason: "Suspension reason",
  mergedIntoId: "Merged into",
  mergedFromId: "Merged from",
  reason: "Reason",
};
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const META = new Set(["via", "importId", "fileName", "apiKeyId", "identifiersAdded"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const asObject = (value: unknown): Record<string, Json> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Json>) : {};

function show(field: string, value: Json | undefined): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (field === "type" && typeof value === "string") return WORK_TYPE_LABELS[value as WorkTypeCode] ?? value;
  if (field === "purposes" && Array.isArray(value)) return value.map((p) => PURPOSE_LABELS[p as PurposeCode] ?? String(p)).join(", ");
  if (field === "coOwners" && Array.isArray(value)) {
    return value.map((o) => { const owner = asObject(o); return `${String(owner.name ?? "?")} ${String(owner.share ?? "")}`.trim(); }).join(", ");
  }
  if (field === "mergedIntoId") return `#${String(value)}`;
  if (field === "excludedFrom" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return DAY.format(new Date(`${value}T00:00:00Z`));
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changesBetween(before: Record<string, Json>, after: Record<string, Json>): HistoryChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !META.has(f) && f in after);
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: FIELD_LABELS[f] ?? f, before: show(f, before[f]), after: show(f, after[f]) }));
}

function humanize(action: string): string {
  const last = action.split(".").slice(1).join(" ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return last ? last.charAt(0).toUpperCase() + last.slice(1) : action;
}

export async function loadWorkHistory(viewer: Actor | null, work: { id: number; rightsholderId: string }, disputeIds: string[]): Promise<HistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: "Work", entityId: String(work.id) },
        ...(disputeIds.length > 0 ? [{ entityType: "Dispute", entityId: { in: disputeIds } }] : []),
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, at: true, actorUserId: true, actorKind: true, action: true, entityType: true, before: true, after: true },
  });
  const userIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const users = userIds.length === 0 ? [] : await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, staffRole: true, memberships: { where: { organizationId: work.rightsholderId }, select: { id: true } } },
  });
  const keyIds = [...new Set(rows.flatMap((r) => { const id = asObject(r.after).apiKeyId; return typeof id === "string" ? [id] : []; }))];
  const keys = keyIds.length === 0 ? [] : await db.apiKey.findMany({
    where: { id: { in: keyIds }, organizationId: work.rightsholderId },
    select: { id: true, name: true },
  });
  const viewerIsStaff = isStaff(viewer);

  return rows.map((row) => {
    const before = asObject(row.before);
    const after = asObject(row.after);
    const user = users.find((u) => u.id === row.actorUserId);
    const key = keys.find((k) => k.id === after.apiKeyId);
    let who: string;
    if (user && user.memberships.length > 0) who = user.name;
    else if (user?.staffRole) who = viewerIsStaff ? `${user.name} (staff)` : "Clearway staff";
    else if (user) who = viewerIsStaff ? user.name : "Another rightsholder";
    else if (row.actorKind === "api-key" || typeof after.apiKeyId === "string") who = key ? `API key “${key.name}”` : "API key";
    else if (after.via === "import" && typeof after.fileName === "string") who = `import file ${after.fileName}`;
    else who = "Clearway (automatic)";
    const via = after.via === "import" && typeof after.fileName === "string" && !who.startsWith("import") ? `import file ${after.fileName}`
      : after.via === "api" && !who.startsWith("API") ? "API" : null;

    const notes: string[] = [];
    let summary: string;
    let changes: HistoryChange[] = [];
    if (row.entityType === "Dispute") {
      const identifier = typeof after.identifier === "string" ? after.identifier : "an identifier";
      const ours = after.claimantWorkId === work.id;
      if (row.action === "dispute.opened") {
        summary = ours ? `Claimed ${identifier}, which another rightsholder holds: a dispute was opened for staff`
          : `Another rightsholder claimed ${identifier}: a dispute was opened for staff`;
      } else {
        summary = `Dispute over ${identifier}: ${humanize(row.action).toLowerCase()}`;
        changes = changesBetween(before, after).filter((c) => ["Status"].includes(c.field));
        if (typeof after.resolution === "string") notes.push(after.resolution);
      }
    } else if (row.action === "work.created") {
      summary = "Enrolled";
      if (Array.isArray(after.identifiers) && after.identifiers.length > 0) notes.push(`Identifiers: ${show("identifiers", after.identifiers)}`);
      notes.push(`Purposes: ${show("purposes", after.purposes)}`);
      if (after.excludedFrom) notes.push(`Excluded from ${show("excludedFrom", after.excludedFrom)}`);
    } else {
      summary = row.action === "work.updated" ? "Edited"
        : row.action === "work.exclusion.set" ? (before.excludedFrom ? "Exclusion moved" : "Exclusion set")
          : row.action === "work.exclusion.cancelled" ? "Scheduled exclusion cancelled"
            : row.action === "work.coOwners.changed" ? "Co-owners changed"
              : humanize(row.action);
      changes = changesBetween(before, after);
      if (Array.isArray(after.identifiersAdded) && after.identifiersAdded.length > 0) {
        notes.push(`Identifiers added: ${show("identifiers", after.identifiersAdded)}`);
      }
    }
    return { id: String(row.id), at: row.at, who, via, summary, changes, notes };
  });
}
