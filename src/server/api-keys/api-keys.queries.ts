import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  /** Requests a minute this key may make (429 with Retry-After above it); staff change it. */
  rateLimitPerMinute: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
};

/** The organisation's keys, active ones first, newest first. Never the secret or its hash. */
export async function listApiKeys(actor: Actor | null, organizationId: string, now = new Date()): Promise<ApiKeyListItem[]> {
  authorize(can.readApiKeys(actor, organizationId));
  const keys = await db.apiKey.findMany({
    where: { organizationId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      createdById: true,
      lastUsedAt: true,
      rateLimitPerMinute: true,
      expiresAt: true,
      revokedAt: true,
    },
    take: 500,
  });
  const creatorIds = [...new Set(keys.flatMap((k) => (k.createdById ? [k.createdById] : [])))];
  const creators = creatorIds.length
    ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(creators.map((c) => [c.id, c.name]));
  return keys.map(({ createdById, ...key }) => ({
    ...key,
    createdByName: createdById ? (nameOf.get(createdById) ?? null) : null,
    status: key.revokedAt ? "revoked" : key.expiresAt && key.expiresAt <= now ? "expired" : "active",
  }));
}
