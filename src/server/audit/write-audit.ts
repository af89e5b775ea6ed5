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

/** Who an audit row names, for writers that insert audit rows in bulk with SQL. */
export function auditActorColumns(actor: Actor | null, ip: string | null = null) {
  return {
    actorUserId: actor?.type === "user" ? actor.userId : null,
    actorKind: actor === null ? "anonymous"
      : actor.type === "user" ? (actor.staffRole ? "staff" : "user")
        : actor.type === "apiKey" ? "api-key" : actor.label,
    ip: actor?.type === "user" || actor?.type === "apiKey" ? actor.ip : ip,
  };
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together. Never pass secrets (password hashes, tokens).
 */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...auditActorColumns(actor, entry.ip ?? null),
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      // A key has no user id: which key acted goes with the change.
      after: toJson(actor?.type === "apiKey" ? { ...(entry.after as object | undefined), apiKeyId: actor.keyId } : entry.after),
    },
  });
}
