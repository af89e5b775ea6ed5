// Hostile requests to POST /api/v1/works, generated: whatever arrives, the answer is JSON, either
// a success or the error format, and a refused request writes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/works/route";
import { db } from "@/server/db";
import { createTestApiKey } from "../factories/api-keys";
import { createOrganizationWithPeople } from "../factories";
import { uniqueIsbn } from "../factories/works";

const FIELDS = ["title", "contributors", "type", "language", "publicationYear", "publisher", "purposes", "excludedFrom", "identifiers"];

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { title: value } : [value];
  return value;
}

/** Values of every JSON type, some of them plausible for a work field, some huge or deep. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom("", " ", "\u0000", "BOOK", "en", "TRAIN", "2021", "9781402894626", "10.5555/x", "2026-02-30", "__proto__", "constructor"),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => "x".repeat(n)),
  fc.tuple(fc.integer({ min: 1, max: 3_000 }), fc.boolean()).map(([depth, asObject]) => nested(depth, "deep", asObject)),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 100 }),
  fc.constantFrom(-1, 0, 1e308, -0, 2021.5, Number.MAX_SAFE_INTEGER),
);

const hostileWork = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 }), fc.constant("__proto__")), hostileValue, { maxKeys: 8 });

/** What arrives as the body: raw text, any JSON, a work, or a batch (sometimes of 1,001). */
const hostileBody = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }).map((text) => ({ text })),
  fc.jsonValue({ maxDepth: 6 }).map((json) => ({ text: JSON.stringify(json) })),
  hostileWork.map((work) => ({ text: JSON.stringify(work) })),
  fc.array(fc.oneof(hostileWork, hostileValue), { maxLength: 30 }).map((works) => ({ text: JSON.stringify({ works }) })),
  fc.integer({ min: 1_001, max: 1_200 }).map((n) => ({ text: JSON.stringify({ works: Array.from({ length: n }, () => ({})) }) })),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ text: "[".repeat(depth) + "]".repeat(depth) })),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ text: '{"works":' + "[".repeat(depth) + "]".repeat(depth) + "}" })),
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "", "application/json; charset=utf-16", "multipart/form-data; boundary=x") },
);

describe("POST /api/v1/works under hostile bodies", () => {
  it("always answers JSON (success or the error format) and writes nothing when it refuses", async () => {
    const rights = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { secret, id } = await createTestApiKey(rights.owner.actor, rights.organization.id, ["works:read", "works:write"]);
    // Thousands of requests in a few seconds: above any real rate limit, which is not what is tested here.
    await db.apiKey.update({ where: { id }, data: { rateLimitPerMinute: 1_000_000 } });
    const counts = async () => ({
      works: await db.work.count({ where: { rightsholderId: rights.organization.id } }),
      audit: await db.auditLog.count({ where: { organizationId: rights.organization.id } }),
    });
    const statuses = new Map<number, number>();
    let accepted = 0;

    await fc.assert(
      fc.asyncProperty(hostileBody, contentType, fc.boolean(), async ({ text }, type, addValidWork) => {
        // Now and then a valid work rides along, so partial successes are exercised too.
        const body = addValidWork && text.startsWith('{"works":[') ? text.replace('{"works":[', `{"works":[{"title":"Valid ${uniqueIsbn()}","identifiers":["${uniqueIsbn()}"]},`) : text;
        const before = await counts();
        const response = await POST(
          new Request("http://localhost/api/v1/works", { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": type }, body }),
        );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const json = (await response.json()) as { error?: { code: unknown; message: unknown; details: unknown }; results?: unknown[] };
        expect([200, 207, 400, 413, 415, 422]).toContain(response.status);
        if (response.status >= 400) {
          expect(typeof json.error?.code).toBe("string");
          expect(typeof json.error?.message).toBe("string");
          expect(typeof json.error?.details).toBe("object");
          expect(await counts()).toEqual(before);
        } else {
          expect(Array.isArray(json.results)).toBe(true);
          accepted++;
        }
      }),
      { numRuns: 1_000 },
    );
    // The generators reached every kind of answer that matters.
    for (const status of [400, 415, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  }, 300_000);
});
