import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
  /** For anonymous actors (sign-up, password reset), the request's IP. */
  ip?: string | null;
};

// BigInt and Date values are turned into strings so before/after snapshots are plain JSON.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together. Never pass secrets (password hashes, tokens).
 */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actor?.type === "user" ? actor.userId : null,
      actorKind: actor === null ? "anonymous" : actor.type === "user" ? (actor.staffRole ? "staff" : "user") : actor.label,
      ip: actor?.type === "user" ? actor.ip : (entry.ip ?? null),
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
