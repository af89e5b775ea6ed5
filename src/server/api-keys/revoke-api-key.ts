import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZRevokeApiKeyInput, type TRevokeApiKeyInput } from "./api-keys.schema";

/** An owner revokes a key: from the next request on it is refused like any unknown key. */
export async function revokeApiKey(actor: Actor | null, rawInput: TRevokeApiKeyInput) {
  const input = ZRevokeApiKeyInput.parse(rawInput);
  authorize(can.manageApiKeys(actor, input.organizationId), "Only the organisation's owners can revoke API keys.");
  await db.$transaction(async (tx) => {
    // The organisation in `where` makes another organisation's key simply not found.
    const revoked = await tx.apiKey.updateManyAndReturn({
      where: { id: input.apiKeyId, organizationId: input.organizationId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { name: true, prefix: true },
    });
    if (revoked.length === 0) throw notFound("That API key");
    await writeAudit(tx, actor, {
      action: "api_key.revoked",
      entityType: "ApiKey",
      entityId: input.apiKeyId,
      organizationId: input.organizationId,
      after: revoked[0],
    });
  });
}
