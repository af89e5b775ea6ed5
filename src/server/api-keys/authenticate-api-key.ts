import "server-only";
import type { OrganizationKind } from "@/generated/prisma/enums";
import type { ApiKeyActor } from "../auth/actor";
import { hashToken } from "../auth/tokens";
import { db } from "../db";
import { AppError } from "../errors";
import { API_KEY_PATTERN } from "./api-keys.schema";

/** One answer for a missing, malformed, unknown, revoked or expired key: no oracle. */
export const INVALID_API_KEY_MESSAGE = "Missing or invalid API key. Send it as `Authorization: Bearer <key>`.";

/** lastUsedAt moves at most this often, so a busy key does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

type KeyRow = {
  id: string;
  name: string;
  scopes: string[];
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rateLimitPerMinute: number;
  organization: { id: string; kind: OrganizationKind; isActive: boolean };
};

function invalidKey(): AppError {
  return new AppError("UNAUTHENTICATED", INVALID_API_KEY_MESSAGE);
}

/**
 * The actor behind an `Authorization: Bearer cw_live_…` header. The key is looked up by its
 * SHA-256 through the unique index (the secret itself is never compared, so timing reveals
 * nothing about it); a key of an inactive organisation is refused like an unknown one.
 */
export async function authenticateApiKey(authorization: string | null, ip: string | null = null, now = new Date()): Promise<ApiKeyActor> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  const secret = match?.[1];
  if (!secret || !API_KEY_PATTERN.test(secret)) throw invalidKey();

  // One statement with the organisation (every /api/v1 request runs it; Prisma's nested read took two).
  const [key] = await db.$queryRaw<KeyRow[]>`
    SELECT k.id::text AS id, k.name, k.scopes, k."lastUsedAt", k."expiresAt", k."revokedAt", k."rateLimitPerMinute",
           json_build_object('id', o.id, 'kind', o.kind, 'isActive', o."isActive") AS organization
      FROM api_keys k JOIN organizations o ON o.id = k."organizationId"
     WHERE k."keyHash" = ${hashToken(secret)}`;
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || !key.organization.isActive) throw invalidKey();

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    // Conditional, so concurrent requests write once between them.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    type: "apiKey",
    keyId: key.id,
    organizationId: key.organization.id,
    organizationKind: key.organization.kind,
    scopes: key.scopes,
    label: key.name,
    rateLimitPerMinute: key.rateLimitPerMinute,
    ip,
  };
}
