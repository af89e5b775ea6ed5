import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listApiKeys } from "@/server/api-keys/api-keys.queries";
import { authenticateApiKey, INVALID_API_KEY_MESSAGE, LAST_USED_RESOLUTION_MS } from "@/server/api-keys/authenticate-api-key";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { rotateApiKey } from "@/server/api-keys/rotate-api-key";
import { auditActorColumns } from "@/server/audit/write-audit";
import type { ApiKeyActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policies";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createTestApiKey } from "../factories/api-keys";
import { createOrganizationWithPeople } from "../factories";

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw new Error(`Expected an AppError, got ${String(outcome)}`);
  return outcome;
}

describe("API keys", () => {
  it("are shown once, stored as a SHA-256 and a short prefix, authenticate, and stop at revocation", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const created = await createApiKey(rights.owner.actor, {
      organizationId: rights.organization.id,
      name: "  Catalogue sync  ",
      scopes: ["works:write", "works:read", "works:read"],
    });
    expect(created.secret).toMatch(/^cw_live_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Catalogue sync", scopes: ["works:read", "works:write"], prefix: created.secret.slice(0, 14) });

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(row.createdById).toBe(rights.owner.user.id);
    const secretPart = created.secret.slice(14);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    const audits = await db.auditLog.findMany({ where: { entityType: "ApiKey", entityId: created.id } });
    expect(audits.map((a) => a.action)).toEqual(["api_key.created"]);
    const auditText = JSON.stringify(audits.map((a) => ({ before: a.before, after: a.after })));
    expect(auditText).not.toContain(secretPart);
    expect(auditText).not.toContain(row.keyHash);
    expect(audits[0]!.after).toMatchObject({ name: "Catalogue sync", prefix: created.prefix, scopes: ["works:read", "works:write"] });

    const listed = await listApiKeys(rights.member.actor, rights.organization.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, status: "active", createdByName: rights.owner.user.name, lastUsedAt: null });
    expect(Object.keys(listed[0]!)).not.toContain("keyHash");

    const actor = await authenticateApiKey(`Bearer ${created.secret}`, "203.0.113.9");
    expect(actor).toEqual({
      type: "apiKey",
      keyId: created.id,
      organizationId: rights.organization.id,
      rateLimitPerMinute: 600,
      organizationKind: "RIGHTSHOLDER",
      scopes: ["works:read", "works:write"],
      label: "Catalogue sync",
      ip: "203.0.113.9",
    });
    expect(auditActorColumns(actor)).toEqual({ actorUserId: null, actorKind: "api-key", ip: "203.0.113.9" });

    await revokeApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: created.id });
    const afterRevoke = await refusal(authenticateApiKey(`Bearer ${created.secret}`));
    expect(afterRevoke).toMatchObject({ code: "UNAUTHENTICATED", message: INVALID_API_KEY_MESSAGE });
    expect((await listApiKeys(rights.owner.actor, rights.organization.id))[0]).toMatchObject({ status: "revoked" });
    expect((await refusal(revokeApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: created.id }))).code).toBe("NOT_FOUND");
    const revokedAudit = await db.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "api_key.revoked" } });
    expect(revokedAudit).toMatchObject({ actorUserId: rights.owner.user.id, organizationId: rights.organization.id });
  });

  it("refuses every bad key with the same 401 message", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const good = await createTestApiKey(rights.owner.actor, rights.organization.id, ["works:read"]);
    const expiring = await createTestApiKey(rights.owner.actor, rights.organization.id, ["works:read"], "30");
    const flipped = good.secret.slice(0, -1) + (good.secret.endsWith("A") ? "B" : "A");
    const headers = [
      null,
      "",
      "Bearer",
      "Bearer ",
      `Basic ${good.secret}`,
      `Bearer ${good.secret} extra`,
      `Bearer ${good.secret.slice(0, -1)}`,
      `Bearer ${flipped}`,
      `Bearer cw_test_${good.secret.slice(8)}`,
      `Bearer ${"x".repeat(10_000)}`,
    ];
    for (const header of headers) {
      const error = await refusal(authenticateApiKey(header));
      expect(error, String(header).slice(0, 40)).toMatchObject({ code: "UNAUTHENTICATED", message: INVALID_API_KEY_MESSAGE });
    }
    // The scheme is case-insensitive; extra spaces are tolerated.
    await expect(authenticateApiKey(`bearer   ${good.secret}`)).resolves.toMatchObject({ keyId: good.id });

    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect(await refusal(authenticateApiKey(`Bearer ${expiring.secret}`, null, in31Days))).toMatchObject({ message: INVALID_API_KEY_MESSAGE });
    expect((await listApiKeys(rights.owner.actor, rights.organization.id, in31Days)).find((k) => k.id === expiring.id)?.status).toBe("expired");

    await db.organization.update({ where: { id: rights.organization.id }, data: { isActive: false } });
    expect(await refusal(authenticateApiKey(`Bearer ${good.secret}`))).toMatchObject({ message: INVALID_API_KEY_MESSAGE });
  });

  it("offers only the scopes of the organisation's kind", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const wrongForRights = await refusal(
      createApiKey(rights.owner.actor, { organizationId: rights.organization.id, name: "Usage", scopes: ["works:read", "usage:write"] }),
    );
    expect(wrongForRights).toMatchObject({ code: "VALIDATION" });
    expect(wrongForRights.fieldErrors?.scopes?.[0]).toContain('"usage:write"');
    const wrongForLicensee = await refusal(createApiKey(licensee.owner.actor, { organizationId: licensee.organization.id, name: "Works", scopes: ["works:write"] }));
    expect(wrongForLicensee.fieldErrors?.scopes).toBeDefined();
    expect((await refusal(createApiKey(rights.owner.actor, { organizationId: rights.organization.id, name: "Made up", scopes: ["admin:*"] }))).code).toBe("VALIDATION");
    await expect(createApiKey(rights.owner.actor, { organizationId: rights.organization.id, name: "None", scopes: [] })).rejects.toThrow(/at least one permission/);

    const licenseeKey = await createApiKey(licensee.owner.actor, {
      organizationId: licensee.organization.id,
      name: "Reporting",
      scopes: ["usage:read", "coverage:read", "usage:write"],
    });
    expect(licenseeKey.scopes).toEqual(["coverage:read", "usage:write", "usage:read"]);
    expect(await db.apiKey.count({ where: { organizationId: rights.organization.id } })).toBe(0);
  });

  it("keeps names apart among active keys, and frees a name once its key is revoked", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const input = { organizationId: rights.organization.id, name: "Feed", scopes: ["works:read"] };
    const first = await createApiKey(rights.owner.actor, input);
    expect((await refusal(createApiKey(rights.owner.actor, input))).fieldErrors?.name).toBeDefined();
    await revokeApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: first.id });
    await expect(createApiKey(rights.owner.actor, input)).resolves.toMatchObject({ name: "Feed" });
  });

  it("moves lastUsedAt at most once a minute", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const key = await createTestApiKey(rights.owner.actor, rights.organization.id, ["works:read"]);
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.getTime() ?? null;
    const t0 = new Date("2030-01-01T10:00:00.000Z");
    await authenticateApiKey(`Bearer ${key.secret}`, null, t0);
    expect(await lastUsed()).toBe(t0.getTime());
    await authenticateApiKey(`Bearer ${key.secret}`, null, new Date(t0.getTime() + 30_000));
    await authenticateApiKey(`Bearer ${key.secret}`, null, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await lastUsed()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await authenticateApiKey(`Bearer ${key.secret}`, null, later);
    expect(await lastUsed()).toBe(later.getTime());
    // Concurrent requests after the minute write once between them, and all succeed.
    const muchLater = new Date(later.getTime() + 5 * LAST_USED_RESOLUTION_MS);
    await Promise.all(Array.from({ length: 5 }, () => authenticateApiKey(`Bearer ${key.secret}`, null, muchLater)));
    expect(await lastUsed()).toBe(muchLater.getTime());
  });

  it("holds an API-key actor to its organisation and scopes, and loosens nothing for people", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const key = (organizationId: string, organizationKind: "RIGHTSHOLDER" | "LICENSEE", scopes: string[]): ApiKeyActor => ({
      type: "apiKey",
      keyId: crypto.randomUUID(),
      organizationId,
      organizationKind,
      scopes,
      label: "test",
      ip: null,
    });
    const writer = key(rights.organization.id, "RIGHTSHOLDER", ["works:write"]);
    const reader = key(rights.organization.id, "RIGHTSHOLDER", ["works:read"]);
    expect(can.manageWorks(writer, rights.organization.id)).toBe(true);
    expect(can.readWorks(writer, rights.organization.id)).toBe(false);
    expect(can.readWorks(reader, rights.organization.id)).toBe(true);
    expect(can.manageWorks(reader, rights.organization.id)).toBe(false);
    expect(can.manageWorks(writer, other.organization.id)).toBe(false);
    expect(can.readWorks(reader, other.organization.id)).toBe(false);
    // A licensee's key never reaches works, even if a scope were forged onto it.
    const forged = key(licensee.organization.id, "LICENSEE", ["works:read", "works:write"]);
    expect(can.readWorks(forged, licensee.organization.id)).toBe(false);
    expect(can.manageWorks(forged, licensee.organization.id)).toBe(false);
    for (const actor of [writer, reader]) {
      expect(can.readOrganization(actor, rights.organization.id)).toBe(false);
      expect(can.manageMembers(actor, rights.organization.id)).toBe(false);
      expect(can.manageApiKeys(actor, rights.organization.id)).toBe(false);
      expect(can.readApiKeys(actor, rights.organization.id)).toBe(false);
      expect(can.useRightsholderArea(actor)).toBe(false);
      expect(can.administer(actor)).toBe(false);
      expect(can.manageOwnAccount(actor)).toBe(false);
    }
    // A key cannot create keys, even for its own organisation.
    expect((await refusal(createApiKey(writer, { organizationId: rights.organization.id, name: "Self", scopes: ["works:read"] }))).code).toBe("FORBIDDEN");
    // People: unchanged.
    expect(can.manageWorks(rights.member.actor, rights.organization.id)).toBe(true);
    expect(can.manageWorks(other.owner.actor, rights.organization.id)).toBe(false);
    expect(can.manageApiKeys(rights.member.actor, rights.organization.id)).toBe(false);
    expect(can.readApiKeys(rights.member.actor, rights.organization.id)).toBe(true);
    expect(can.readApiKeys(other.owner.actor, rights.organization.id)).toBe(false);
  });
});

describe("rotating an API key", () => {
  it("issues a new secret with the same name, scopes and limit; the old one works through the grace, then stops", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const created = await createApiKey(rights.owner.actor, { organizationId: rights.organization.id, name: "Feed", scopes: ["works:read"], expiresIn: "90" });
    await db.apiKey.update({ where: { id: created.id }, data: { rateLimitPerMinute: 42 } });
    const rotated = await rotateApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: created.id, graceHours: 24 });
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated).toMatchObject({ name: "Feed", scopes: ["works:read"] });
    const [fresh, old] = await Promise.all([db.apiKey.findUniqueOrThrow({ where: { id: rotated.id } }), db.apiKey.findUniqueOrThrow({ where: { id: created.id } })]);
    expect(fresh.rateLimitPerMinute).toBe(42);
    expect(fresh.expiresAt!.getTime() - fresh.createdAt.getTime()).toBeGreaterThan(89 * 86_400_000);
    expect(old).toMatchObject({ name: "Feed (rotated)", revokedAt: null });
    expect(Math.abs(old.expiresAt!.getTime() - (Date.now() + 86_400_000))).toBeLessThan(60_000);
    await expect(authenticateApiKey(`Bearer ${created.secret}`)).resolves.toMatchObject({ keyId: created.id });
    await expect(authenticateApiKey(`Bearer ${created.secret}`, null, new Date(Date.now() + 25 * 3_600_000))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiKey(`Bearer ${rotated.secret}`)).resolves.toMatchObject({ keyId: rotated.id });

    const now = await rotateApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: rotated.id, graceHours: 0 });
    await expect(authenticateApiKey(`Bearer ${rotated.secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiKey(`Bearer ${now.secret}`)).resolves.toMatchObject({ keyId: now.id });
    await expect(rotateApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: rotated.id, graceHours: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rotateApiKey(rights.owner.actor, { organizationId: rights.organization.id, apiKeyId: now.id, graceHours: 5 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(rotateApiKey(rights.member.actor, { organizationId: rights.organization.id, apiKeyId: now.id, graceHours: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
