import "server-only";
import { CSV_BOM, csvLine } from "@/lib/works/works-csv";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { auditKeyset, buildAuditWhere, describeAuditRows } from "./audit.queries";
import { ZAuditFilters, type TAuditFilters } from "./audit.schema";

// The filtered audit log as CSV, newest first, streamed: the same keyset as the page, a batch of
// rows at a time, so memory holds one batch however many rows match. Before and after are JSON
// in their cells; csvLine quotes them and defuses any cell that starts like a formula.

const BATCH = 1_000;

export const AUDIT_CSV_COLUMNS = [
  "id", "at", "actor_kind", "actor_user_id", "actor_email", "organization_id", "organization", "action", "entity_type", "entity_id", "before", "after", "ip",
] as const;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** Checks access before the first byte; then the lines, header first. */
export async function exportAuditLogCsv(actor: Actor | null, rawFilters: TAuditFilters): Promise<AsyncIterable<string>> {
  authorize(can.readStaffArea(actor), "Only staff can export the audit log.");
  const filters = ZAuditFilters.parse({ ...rawFilters, cursor: undefined, dir: undefined });
  const { where } = await buildAuditWhere(filters);
  return auditCsvLines(where);
}

async function* auditCsvLines(where: Prisma.AuditLogWhereInput | null): AsyncGenerator<string> {
  yield CSV_BOM + csvLine([...AUDIT_CSV_COLUMNS]);
  if (!where) return;
  let cursor: { at: Date; id: bigint } | null = null;
  for (;;) {
    const batch: Prisma.AuditLogGetPayload<object>[] = await db.auditLog.findMany({
      where: cursor ? { AND: [where, auditKeyset(cursor, "older")] } : where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: BATCH,
    });
    if (batch.length === 0) return;
    let chunk = "";
    for (const r of await describeAuditRows(batch)) {
      chunk += csvLine([r.id, r.at.toISOString(), r.actorKind, r.actorUserId, r.actorEmail, r.organizationId, r.organizationName, r.action, r.entityType, r.entityId, json(r.before), json(r.after), r.ip]);
    }
    yield chunk;
    if (batch.length < BATCH) return;
    const last = batch.at(-1)!;
    cursor = { at: last.at, id: last.id };
  }
}
