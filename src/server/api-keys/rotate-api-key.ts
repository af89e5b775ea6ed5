import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { hashToken } from "../auth/tokens";
import { db } from "../db";
import { notFound, validation } from "../errors";
import { API_KEY_PREFIX, DISPLAY_PREFIX_LENGTH, ZRotateApiKeyInput, type ApiScope, type TRotateApiKeyInput } from "./api-keys.schema";
import type { CreatedApiKey } from "./create-api-key";

/**
 * An owner rotates a key: a new secret with the same name, scopes, rate limit and lifetime, shown
 * once; the old one keeps working for the grace chosen (0 = stops now) so systems can switch, and
 * is named "(rotated)" meanwhile. One transaction, conditional on the old key being active.
 */
export async function rotateApiKey(actor: Actor | null, rawInput: TRotateApiKeyInput): Promise<CreatedApiKey & { oldKeyStopsAt: Date }> {
  const parsed = ZRotateApiKeyInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Choose how long the old key keeps working.", { graceHours: [parsed.error.issues[0]?.message ?? "Choose a grace period."] });
  const input = parsed.data;
  authorize(can.manageApiKeys(actor, input.organizationId), "Only the organisation's owners can rotate API keys.");
  const owner = requireUser(actor);
  const now = new Date();
  const secret = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  const oldKeyStopsAt = new Date(now.getTime() + input.graceHours * 3_600_000);
  return db.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({
      where: { id: input.apiKeyId, organizationId: input.organizationId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    if (!old) throw notFound("That API key");
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const stops = old.expiresAt && old.expiresAt < oldKeyStopsAt ? old.expiresAt : oldKeyStopsAt;
    const moved = await tx.apiKey.updateMany({
      where: { id: old.id, revokedAt: null },
      data: input.graceHours === 0 ? { revokedAt: now } : { expiresAt: stops, name: `${old.name} (rotated)`.slice(0, 120) },
    });
    if (moved.count !== 1) throw notFound("That API key");
    const key = await tx.apiKey.create({
      data: {
        organizationId: old.organizationId,
        name: old.name,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        keyHash: hashToken(secret),
        scopes: old.scopes,
        rateLimitPerMinute: old.rateLimitPerMinute,
        createdById: owner.userId,
        expiresAt: lifetime === null ? null : new Date(now.getTime() + lifetime),
      },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await writeAudit(tx, actor, {
      action: "api_key.rotated",
      entityType: "ApiKey",
      entityId: old.id,
      organizationId: old.organizationId,
      before: { prefix: old.prefix },
      after: { replacedBy: key.id, prefix: key.prefix, oldKeyStopsAt: input.graceHours === 0 ? now : stops },
    });
    return { ...key, scopes: old.scopes as ApiScope[], secret, oldKeyStopsAt: input.graceHours === 0 ? now : stops };
  });
}
