import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/v1/works/route";
import { isbn10CheckDigit } from "@/lib/identifiers";
import { INVALID_API_KEY_MESSAGE } from "@/server/api-keys/authenticate-api-key";
import { db } from "@/server/db";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { createOrganizationWithPeople } from "../factories";
import { createWork, uniqueDoi, uniqueIsbn } from "../factories/works";

type Json = Record<string, unknown> & {
  error?: { code: string; message: string; details: Record<string, string[]> };
  results?: { index: number; status: string; workId: number | null; errors: Record<string, string[]>; disputedIdentifiers: { type: string; value: string }[] }[];
  summary?: Record<string, number>;
  data?: { id: number; title: string; identifiers: { type: string; value: string }[] }[];
  nextCursor?: string | null;
};

async function call(handler: (r: Request) => Promise<Response> | Response, request: Request) {
  const response = await handler(request);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

/** A rightsholder with a works:read + works:write key. */
async function rightsholderWithKey(scopes = ["works:read", "works:write"]) {
  const org = await createOrganizationWithPeople("RIGHTSHOLDER");
  const key = await createTestApiKey(org.owner.actor, org.organization.id, scopes);
  return { ...org, key: key.secret, keyId: key.id };
}

const worksOf = (organizationId: string) => db.work.count({ where: { rightsholderId: organizationId } });

/** An ISBN-13 and the same book's ISBN-10 (978 prefix). */
function isbnPair() {
  const isbn13 = uniqueIsbn().replace(/^979/, "978");
  const first9 = isbn13.slice(3, 12);
  const fixed13 = `978${first9}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(fixed13[i]) * (i % 2 === 0 ? 1 : 3);
  return { isbn13: fixed13 + String((10 - (sum % 10)) % 10), isbn10: first9 + isbn10CheckDigit(first9) };
}

describe("POST /api/v1/works", () => {
  it("enrolls one work, which GET then finds by any form of its identifier", async () => {
    const rights = await rightsholderWithKey();
    const { isbn13, isbn10 } = isbnPair();
    const work = {
      title: "The Tidewater Atlas",
      contributors: ["Mira Okafor", "Jon Reyes"],
      type: "BOOK",
      language: "en",
      publicationYear: 2021,
      publisher: "Harbour Lane Press",
      purposes: ["RAG", "TRAIN"],
      identifiers: [isbn13, { type: "DOI", value: "10.5555/Tide.Atlas" }],
    };
    const created = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: work }));
    expect(created.status).toBe(200);
    expect(created.body.summary).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, disputedIdentifiers: 0 });
    const [result] = created.body.results!;
    expect(result).toMatchObject({ index: 0, status: "created", errors: {}, disputedIdentifiers: [] });

    const found = await call(GET, apiRequest(`/api/v1/works?identifier=${encodeURIComponent(`ISBN ${isbn10}`)}`, { key: rights.key }));
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      data: [
        {
          id: result!.workId,
          title: "The Tidewater Atlas",
          contributors: ["Mira Okafor", "Jon Reyes"],
          type: "BOOK",
          language: "en",
          publicationYear: 2021,
          publisher: "Harbour Lane Press",
          purposes: ["TRAIN", "RAG"],
          excludedFrom: null,
          status: "ENROLLED",
          identifiers: [
            { type: "ISBN13", value: isbn13 },
            { type: "DOI", value: "10.5555/tide.atlas" },
          ],
          createdAt: expect.any(String) as string,
          updatedAt: expect.any(String) as string,
        },
      ],
      nextCursor: null,
    });
    const doi = await call(GET, apiRequest(`/api/v1/works?identifier=${encodeURIComponent("https://doi.org/10.5555/TIDE.ATLAS")}`, { key: rights.key }));
    expect(doi.body.data!.map((w) => w.id)).toEqual([result!.workId]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Work", entityId: String(result!.workId) } });
    expect(audit).toMatchObject({ action: "work.created", actorKind: "api-key", actorUserId: null, organizationId: rights.organization.id });
    expect(audit.after).toMatchObject({ via: "api", apiKeyId: rights.keyId });

    // The same work again changes nothing; a new title updates it.
    const again = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: work }));
    expect(again.body.results![0]).toMatchObject({ status: "unchanged", workId: result!.workId });
    const renamed = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: { ...work, title: "The Tidewater Atlas (2nd ed.)" } }));
    expect(renamed.body.results![0]).toMatchObject({ status: "updated", workId: result!.workId });
  });

  it("judges a batch per item: valid items are written, invalid ones reported by index and field (207)", async () => {
    const rights = await rightsholderWithKey();
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const held = await createWork(holder.organization.id);
    const [a, b] = [uniqueIsbn(), uniqueIsbn()];
    const response = await call(
      POST,
      apiRequest("/api/v1/works", {
        key: rights.key,
        body: {
          works: [
            { title: "Good one", identifiers: [a] },
            { identifiers: ["978-0-00-000000-0"], publicationYear: "MMXX" },
            { title: "Repeats the first", identifiers: [a] },
            { title: "Claims a held book", identifiers: [held.identifiers[0]!.value, b] },
            "not an object",
            { title: "Typo", identifier: [uniqueIsbn()] },
            { title: "Wrong types", identifiers: [uniqueIsbn()], contributors: "Ann; Bob", purposes: [1] },
          ],
        },
      }),
    );
    expect(response.status).toBe(207);
    expect(response.body.summary).toEqual({ received: 7, created: 2, updated: 0, unchanged: 0, rejected: 5, disputedIdentifiers: 1 });
    const results = response.body.results!;
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, "created"],
      [1, "rejected"],
      [2, "rejected"],
      [3, "created"],
      [4, "rejected"],
      [5, "rejected"],
      [6, "rejected"],
    ]);
    expect(Object.keys(results[1]!.errors).sort()).toEqual(["identifiers", "publicationYear", "title"]);
    expect(results[2]!.errors.identifiers![0]).toMatch(/also on works\[0\]/);
    expect(results[3]!.disputedIdentifiers).toEqual([{ type: "ISBN13", value: held.identifiers[0]!.value }]);
    expect(results[4]!.errors.work![0]).toMatch(/JSON object/);
    expect(results[5]!.errors.identifier![0]).toMatch(/Unknown field/);
    expect(Object.keys(results[6]!.errors).sort()).toEqual(["contributors", "purposes"]);
    expect(results.filter((r) => r.status === "rejected").every((r) => r.workId === null)).toBe(true);
    expect(await worksOf(rights.organization.id)).toBe(2);
    expect(await db.dispute.count({ where: { claimantOrgId: rights.organization.id } })).toBe(1);
  });

  it("answers 422 in the error format, with the results, when no item is accepted, and writes nothing", async () => {
    const rights = await rightsholderWithKey();
    const single = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: { title: "", identifiers: ["12345"] } }));
    expect(single.status).toBe(422);
    expect(single.body.error).toMatchObject({ code: "VALIDATION", details: { title: ["Enter the title."] } });
    expect(single.body.error!.details.identifiers![0]).toMatch(/12345/);
    expect(single.body.results).toHaveLength(1);

    const batch = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: { works: [{ title: "No identifiers" }, 42] } }));
    expect(batch.status).toBe(422);
    expect(Object.keys(batch.body.error!.details).sort()).toEqual(["works[0].identifiers", "works[1].work"]);
    expect(batch.body.summary).toMatchObject({ received: 2, rejected: 2 });
    expect(await worksOf(rights.organization.id)).toBe(0);
  });

  it("takes 1,000 works in one request and refuses 1,001 without writing any", async () => {
    const rights = await rightsholderWithKey();
    const works = Array.from({ length: 1_001 }, (_, i) => ({ title: `Bulk work ${i}`, identifiers: [uniqueDoi()] }));
    const refused = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: { works } }));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "VALIDATION", details: { works: ["At most 1,000 works per request."] } });
    expect(refused.body.error!.message).toContain("1,001");
    expect(await worksOf(rights.organization.id)).toBe(0);

    const accepted = await call(POST, apiRequest("/api/v1/works", { key: rights.key, body: { works: works.slice(0, 1_000) } }));
    expect(accepted.status).toBe(200);
    expect(accepted.body.summary).toMatchObject({ received: 1_000, created: 1_000 });
    expect(await worksOf(rights.organization.id)).toBe(1_000);
  });

  it("refuses bodies it cannot read, each with a clear error", async () => {
    const rights = await rightsholderWithKey();
    const cases: [Request, number, string][] = [
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: '{"title": "x",' }), 400, "BAD_REQUEST"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: "" }), 400, "BAD_REQUEST"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400, "BAD_REQUEST"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: "{}", contentType: "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: "{}", contentType: null }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: "{}", contentType: "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: "{}", contentType: "application/json; charset=latin1" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [apiRequest("/api/v1/works", { key: rights.key, rawBody: `{"title": "${"x".repeat(6 * 1024 * 1024)}"}` }), 413, "PAYLOAD_TOO_LARGE"],
      [apiRequest("/api/v1/works", { key: rights.key, body: [{ title: "An array" }] }), 422, "VALIDATION"],
      [apiRequest("/api/v1/works", { key: rights.key, body: { works: [] } }), 422, "VALIDATION"],
      [apiRequest("/api/v1/works", { key: rights.key, body: { works: { title: "x" } } }), 422, "VALIDATION"],
      [apiRequest("/api/v1/works", { key: rights.key, body: { works: [{ title: "x", identifiers: [uniqueIsbn()] }], dryRun: true } }), 422, "VALIDATION"],
    ];
    for (const [request, status, code] of cases) {
      const response = await call(POST, request);
      expect(response.status, code).toBe(status);
      expect(response.body.error).toMatchObject({ code, message: expect.any(String) as string, details: expect.any(Object) as object });
    }
    // A body that streams past the limit without a Content-Length is cut off too.
    const chunk = new TextEncoder().encode(" ".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await call(
      POST,
      new Request("http://localhost/api/v1/works", {
        method: "POST",
        headers: { authorization: `Bearer ${rights.key}`, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await worksOf(rights.organization.id)).toBe(0);
  });

  it("answers a method it does not offer with 405 in the error format", async () => {
    const response = await call(DELETE, apiRequest("/api/v1/works", { method: "DELETE" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body.error!.code).toBe("METHOD_NOT_ALLOWED");
  });
});

describe("authentication and scopes", () => {
  it("answers 401 without, or with a bad or revoked key, and 403 outside the key's scopes", async () => {
    const readOnly = await rightsholderWithKey(["works:read"]);
    const writeOnly = await createTestApiKey(readOnly.owner.actor, readOnly.organization.id, ["works:write"]);
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const licenseeKey = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read", "usage:read", "usage:write"]);
    const body = { title: "Refused", identifiers: [uniqueIsbn()] };

    for (const key of [undefined, "cw_live_nope", `${readOnly.key.slice(0, -2)}zz`]) {
      for (const handler of [GET, POST]) {
        const response = await call(handler, apiRequest("/api/v1/works", { key, body: handler === POST ? body : undefined }));
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(response.body).toEqual({ error: { code: "UNAUTHENTICATED", message: INVALID_API_KEY_MESSAGE, details: {} } });
      }
    }
    const post = await call(POST, apiRequest("/api/v1/works", { key: readOnly.key, body }));
    expect(post.status).toBe(403);
    expect(post.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("works:write") as string });
    expect((await call(GET, apiRequest("/api/v1/works", { key: writeOnly.secret }))).status).toBe(403);
    expect((await call(GET, apiRequest("/api/v1/works", { key: licenseeKey.secret }))).status).toBe(403);
    expect((await call(POST, apiRequest("/api/v1/works", { key: licenseeKey.secret, body }))).status).toBe(403);
    expect(await worksOf(readOnly.organization.id)).toBe(0);
    expect(await worksOf(licensee.organization.id)).toBe(0);
  });
});

describe("GET /api/v1/works", () => {
  it("pages through every work of the key's organisation exactly once, and never another's", async () => {
    const rights = await rightsholderWithKey();
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const otherWork = await createWork(other.organization.id);
    const mine = [];
    for (let i = 0; i < 23; i++) mine.push(await createWork(rights.organization.id, { title: `Paged ${i}` }));

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=5&cursor=${cursor}` : "?limit=5";
      const page = await call(GET, apiRequest(`/api/v1/works${query}`, { key: rights.key }));
      expect(page.status).toBe(200);
      expect(page.body.data!.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.data!.map((w) => w.id));
      cursor = page.body.nextCursor ?? null;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toEqual(mine.map((w) => w.id).sort((x, y) => x - y));
    expect(seen).not.toContain(otherWork.id);

    const everything = await call(GET, apiRequest("/api/v1/works?limit=200", { key: rights.key }));
    expect(everything.body.data).toHaveLength(23);
    expect(everything.body.nextCursor).toBeNull();
    // The other organisation's identifier is "not held": an empty page, not an error.
    const foreign = await call(GET, apiRequest(`/api/v1/works?identifier=${otherWork.identifiers[0]!.value}`, { key: rights.key }));
    expect(foreign).toMatchObject({ status: 200, body: { data: [], nextCursor: null } });
  });

  it("refuses bad parameters with a field error, and finds nothing for an unknown identifier", async () => {
    const rights = await rightsholderWithKey();
    const unknown = await call(GET, apiRequest(`/api/v1/works?identifier=${uniqueIsbn()}`, { key: rights.key }));
    expect(unknown).toMatchObject({ status: 200, body: { data: [], nextCursor: null } });
    const cases: [string, string][] = [
      ["identifier=978-0-00-000000-0", "identifier"],
      ["identifier=", "identifier"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=ten", "limit"],
      ["limit=5&limit=6", "limit"],
      ["cursor=not-ours", "cursor"],
      [`cursor=${Buffer.from('{"v":1,"after":-4}').toString("base64url")}`, "cursor"],
      ["identifer=9781402894626", "identifer"],
      ["__proto__=1", "__proto__"],
    ];
    for (const [query, field] of cases) {
      const response = await call(GET, apiRequest(`/api/v1/works?${query}`, { key: rights.key }));
      expect(response.status, query).toBe(422);
      expect(response.body.error!.code).toBe("VALIDATION");
      expect(Object.keys(response.body.error!.details), query).toContain(field);
    }
  });
});
