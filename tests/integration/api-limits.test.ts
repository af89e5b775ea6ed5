import { beforeAll, describe, expect, it } from "vitest";
import { GET as coverage } from "@/app/api/v1/coverage/route";
import { POST as usagePost } from "@/app/api/v1/usage-reports/route";
import { db } from "@/server/db";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { setUpTempImportStorage } from "../factories/imports";

beforeAll(() => {
  setUpTempImportStorage();
});

describe("API rate limits, kept in Postgres", () => {
  it("answers 429 with Retry-After past the key's limit a minute, and counts each key on its own", async () => {
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const key = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"]);
    const other = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"]);
    await db.apiKey.update({ where: { id: key.id }, data: { rateLimitPerMinute: 3 } });
    const ask = (secret: string) => coverage(apiRequest("/api/v1/coverage?identifier=9780306406157&purpose=TRAIN", { key: secret }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(key.secret)).status);
    // A minute boundary may fall between the requests; then the 4th starts a new window.
    const limited = await ask(key.secret);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const refused = statuses[3] === 429 ? await ask(key.secret) : limited;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/3 requests a minute/) } });
    expect((await ask(other.secret)).status).toBe(200);
  });
});

describe("Idempotency-Key on POST", () => {
  it("replays the first response for a repeat, refuses the key for another request, and creates once", async () => {
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const key = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:write"]);
    const body = { quarter: "2026Q3", lines: [{ identifier: "9780306406157", purpose: "TRAIN", units: 5 }] };
    const post = (b: unknown, idempotencyKey = "report-2026Q3-a") => usagePost(apiRequest("/api/v1/usage-reports", { key: key.secret, body: b, headers: { "idempotency-key": idempotencyKey } }));
    const first = await post(body);
    expect(first.status).toBe(202);
    const firstBody = (await first.json()) as { id: string };
    const again = await post(body);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    expect(await db.usageReport.count({ where: { organizationId: licensee.organization.id } })).toBe(1);

    const changed = await post({ ...body, quarter: "2026Q2" });
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ error: { code: "IDEMPOTENCY_MISMATCH" } });
    expect((await post(body, "bad key with spaces")).status).toBe(400);

    // A refusal is kept too: the same bad request with the same key gets the same 422.
    const bad = await post({ quarter: "nope", lines: [] }, "bad-once");
    const badAgain = await post({ quarter: "nope", lines: [] }, "bad-once");
    expect([bad.status, badAgain.status, badAgain.headers.get("idempotent-replayed")]).toEqual([422, 422, "true"]);

    // Two at once with one key: one runs, the other is told to wait or gets the replay.
    const [a, b] = await Promise.all([post(body, "together"), post(body, "together")]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([202]));
    expect([a.status, b.status].every((s) => s === 202 || s === 409)).toBe(true);
    expect(await db.usageReport.count({ where: { organizationId: licensee.organization.id } })).toBe(2);
  });
});
