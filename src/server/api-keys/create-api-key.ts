import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { hashToken } from "../auth/tokens";
import { db } from "../db";
import { notFound, validation } from "../errors";
import {
  API_KEY_PREFIX,
  DISPLAY_PREFIX_LENGTH,
  scopesForKind,
  ZCreateApiKeyInput,
  type ApiScope,
  type TCreateApiKeyInput,
} from "./api-keys.schema";

export type CreatedApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  /** The whole key. Returned here once; only its SHA-256 is stored. */
  secret: string;
};

/**
 * An owner creates a key for the organisation's systems. The key belongs to the organisation (it
 * keeps working when the person who made it leaves; owners revoke it), carries only scopes valid
 * for the organisation's kind, and is shown once: the database holds its hash and a short prefix.
 */
export async function createApiKey(actor: Actor | null, rawInput: TCreateApiKeyInput): Promise<CreatedApiKey> {
  const input = ZCreateApiKeyInput.parse(rawInput);
  authorize(can.manageApiKeys(actor, input.organizationId), "Only the organisation's owners can create API keys.");
  const creator = requireUser(actor);

  const organization = await db.organization.findUnique({ where: { id: input.organizationId }, select: { kind: true } });
  if (!organization) throw notFound("That organisation");
  const offered = scopesForKind(organization.kind);
  const unknown = input.scopes.filter((s) => !(offered as string[]).includes(s));
  if (unknown.length > 0) {
    throw validation("Choose from the permissions listed.", {
      scopes: [`${unknown.map((s) => `"${s.slice(0, 40)}"`).join(", ")} can't be given to this organisation's keys; choose from ${offered.join(", ")}.`],
    });
  }
  // Stored in the order of the list, without repeats.
  const scopes = offered.filter((s) => input.scopes.includes(s));

  const duplicate = await db.apiKey.findFirst({
    where: { organizationId: input.organizationId, name: input.name, revokedAt: null },
    select: { id: true },
  });
  if (duplicate) throw validation("A key with this name exists.", { name: ["An active key already has this name; choose another so the two can be told apart."] });

  const secret = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = input.expiresIn === "never" ? null : new Date(Date.now() + Number(input.expiresIn) * 86_400_000);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        organizationId: input.organizationId,
        name: input.name,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        keyHash: hashToken(secret),
        scopes,
        createdById: creator.userId,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await writeAudit(tx, actor, {
      action: "api_key.created",
      entityType: "ApiKey",
      entityId: key.id,
      organizationId: input.organizationId,
      after: { name: key.name, prefix: key.prefix, scopes, expiresAt: key.expiresAt },
    });
    return { ...key, scopes, secret };
  });
}

