// Staff set one key's requests a minute; the API then answers 429 past the new limit.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/usage-reports/route";
import { setApiKeyRateLimit } from "@/server/api-keys/set-api-key-rate-limit";
import { listApiKeys } from "@/server/api-keys/api-keys.queries";
import { db } from "@/server/db";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";

describe("a key's rate limit, set by staff", () => {
  it("changes the limit with a reason, audits it, shows it to the owners and applies it to requests", async () => {
    const admin = await createStaffActor("ADMIN");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const key = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:read"]);
    const input = { organizationId: licensee.organization.id, keyId: key.id, perMinute: "10", reason: "Polling too often; asked to slow down." };
    await expect(setApiKeyRateLimit(admin, { ...input, perMinute: "5" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { perMinute: [expect.stringMatching(/From 10/)] } });
    await expect(setApiKeyRateLimit(admin, { ...input, reason: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.any(String)] } });
    await expect(setApiKeyRateLimit(await createStaffActor("ANALYST"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setApiKeyRateLimit(licensee.owner.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(setApiKeyRateLimit(admin, { ...input, organizationId: other.organization.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await setApiKeyRateLimit(admin, input)).toMatchObject({ perMinute: 10 });
    expect((await listApiKeys(licensee.owner.actor, licensee.organization.id))[0]).toMatchObject({ id: key.id, rateLimitPerMinute: 10 });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: key.id, action: "api_key.rate_limit_changed" } })).toMatchObject({
      before: { rateLimitPerMinute: 600 }, after: { rateLimitPerMinute: 10, reason: input.reason },
    });
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await GET(apiRequest("/api/v1/usage-reports", { key: key.secret }))).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
