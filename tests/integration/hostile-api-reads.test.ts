// Hostile query strings, cursors and ids against every GET of /api/v1, with real keys and a real
// database: each answer is JSON, a success or the error format with a sentence (never a 500), and
// a read writes nothing to the organisation's rows.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as coverageGet } from "@/app/api/v1/coverage/route";
import { GET as bulkList } from "@/app/api/v1/coverage/bulk/route";
import { GET as bulkGet } from "@/app/api/v1/coverage/bulk/[id]/route";
import { GET as statementsList } from "@/app/api/v1/statements/route";
import { GET as statementGet } from "@/app/api/v1/statements/[id]/route";
import { GET as usageList } from "@/app/api/v1/usage-reports/route";
import { GET as usageGet } from "@/app/api/v1/usage-reports/[id]/route";
import { GET as worksList } from "@/app/api/v1/works/route";
import { encodeListCursor } from "@/server/api/lists/list-query";
import { db } from "@/server/db";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { uniquePastQuarter } from "../factories/distribution";
import { createActiveGrant } from "../factories/licensing";
import { createStatementRun } from "../factories/statements";
import { createWork, uniqueIsbn } from "../factories/works";
import { hostileText, identifierLike, longRun } from "../hostile/support/arbitraries";
import { expectClearFieldErrors, expectClearMessage, hostileAsyncProperty, hostileTimeout, recordHostileCases } from "../hostile/support/hostile";

recordHostileCases(import.meta.filename);

type Route = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type World = Awaited<ReturnType<typeof world>>;

async function world() {
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const work = await createWork(rightsholder.organization.id, { isbn: uniqueIsbn(), title: "Hostile reads" });
  const quarter = await uniquePastQuarter();
  const { statements: [statement] } = await createStatementRun({
    quarter: quarter.code,
    statements: [{ rightsholderId: rightsholder.organization.id, lines: [{ workId: work.id, title: "Hostile line", allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: 900n, adminFeeCents: 159n, units: 3n }] }] }],
  });
  const licenseeKey = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read", "usage:read"]);
  const rightsholderKey = await createTestApiKey(rightsholder.owner.actor, rightsholder.organization.id, ["works:read", "statements:read"]);
  // Hundreds of requests in seconds: far above a real client's rate, which is not what is tested here.
  await db.apiKey.updateMany({ where: { id: { in: [licenseeKey.id, rightsholderKey.id] } }, data: { rateLimitPerMinute: 1_000_000 } });
  return { licensee, rightsholder, statementId: statement!.id, licenseeKey: licenseeKey.secret, rightsholderKey: rightsholderKey.secret };
}

/** The organisations' own rows: a read must leave every count as it was. */
async function counts(w: World) {
  const org = { in: [w.licensee.organization.id, w.rightsholder.organization.id] };
  return {
    works: await db.work.count({ where: { rightsholderId: w.rightsholder.organization.id } }),
    audit: await db.auditLog.count({ where: { organizationId: org } }),
    usageReports: await db.usageReport.count({ where: { organizationId: w.licensee.organization.id } }),
    coverageChecks: await db.coverageCheck.count({ where: { organizationId: w.licensee.organization.id } }),
  };
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const value = fc.oneof(
  identifierLike,
  hostileText(30),
  fc.integer({ min: -3, max: 300 }).map(String),
  fc.constantFrom("TRAIN", "rag", "net", "title", "all", "matched", "2026Q3", "2026-02-30", "2026-06-01", "1e3"),
  fc.tuple(hostileText(20), fc.oneof(fc.uuid(), hostileText(10))).map(([key, id]) => encodeListCursor({ key, id })),
  fc.tuple(fc.oneof(hostileText(10), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)).map(([key, id]) => b64(JSON.stringify({ key, id }))),
  fc.constant(b64(JSON.stringify({ v: 1, after: 2 ** 40 }))),
  longRun(1, 3_000),
);
const name = fc.oneof({ weight: 5, arbitrary: fc.constantFrom("limit", "cursor", "identifier", "purpose", "date", "quarter", "sort", "filter", "after") }, { weight: 1, arbitrary: hostileText(10) });
const query = fc.array(fc.tuple(name, value), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString());
// A path segment arrives as bytes, so Next hands the route well-formed text (a lone surrogate can't be sent).
const id = fc.oneof(fc.uuid(), hostileText(20), fc.constantFrom("", "..", "%00", "\u0000", "00000000-0000-0000-0000-000000000000"), longRun(1, 500)).map((text) => text.toWellFormed());

const ENDPOINTS: { path: string; route: Route; key: "licenseeKey" | "rightsholderKey"; hasId?: boolean; ownId?: "statementId" }[] = [
  { path: "/api/v1/works", route: worksList as Route, key: "rightsholderKey" },
  { path: "/api/v1/coverage", route: coverageGet as Route, key: "licenseeKey" },
  { path: "/api/v1/coverage/bulk", route: bulkList as Route, key: "licenseeKey" },
  { path: "/api/v1/coverage/bulk", route: bulkGet, key: "licenseeKey", hasId: true },
  { path: "/api/v1/usage-reports", route: usageList as Route, key: "licenseeKey" },
  { path: "/api/v1/usage-reports", route: usageGet, key: "licenseeKey", hasId: true },
  { path: "/api/v1/statements", route: statementsList as Route, key: "rightsholderKey" },
  { path: "/api/v1/statements", route: statementGet, key: "rightsholderKey", hasId: true, ownId: "statementId" },
];

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("GET /api/v1/* under hostile query strings and ids", () => {
  // Found by this property: a cursor whose key held NUL, or whose net amount was past BIGINT,
  // reached PostgreSQL from GET /api/v1/statements/{id} and answered 500.
  const REGRESSIONS: [number, string, string][] = [
    [7, "", `cursor=${encodeListCursor({ key: "a\u0000b", id: "1" })}&sort=title`],
    [7, "", `cursor=${encodeListCursor({ key: "9999999999999999999", id: "1" })}`],
    [1, "", "identifier=10.1234%2F%00&purpose=TRAIN"],
    // Found by the nightly run: 36 dashes passed the ids' "[0-9a-f-]{36}" check and PostgreSQL
    // refused them as a uuid (a 500 on /api/v1/usage-reports/{id} and /api/v1/coverage/bulk/{id}).
    [5, "-".repeat(36), ""],
    [3, "-".repeat(36), ""],
  ];

  it("answer JSON, a success or a clear error, and write nothing", async () => {
    const before = await counts(w);
    const statuses = new Map<number, number>();
    await hostileAsyncProperty("GET /api/v1 routes", fc.tuple(fc.nat(ENDPOINTS.length - 1), id, query), async ([index, rawId, search]) => {
      const endpoint = ENDPOINTS[index]!;
      const resourceId = endpoint.ownId && rawId === "" ? w[endpoint.ownId] : rawId;
      const path = endpoint.hasId ? `${endpoint.path}/${encodeURIComponent(resourceId)}` : endpoint.path;
      const response = await endpoint.route(apiRequest(`${path}?${search}`, { key: w[endpoint.key] }), { params: Promise.resolve({ id: resourceId }) });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([200, 400, 404, 422], `${path}?${search}`).toContain(response.status);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const json = (await response.json()) as { error?: { code: unknown; message: unknown; details: Record<string, string[]> } };
      if (response.status >= 400) {
        expect(typeof json.error?.code).toBe("string");
        expectClearMessage(json.error?.message, search);
        if (Object.keys(json.error!.details).length > 0) expectClearFieldErrors(json.error!.details, search);
      }
    }, { numRuns: 400, budgetMs: 1_000, examples: REGRESSIONS });
    expect(await counts(w)).toEqual(before);
    for (const status of [200, 404, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, hostileTimeout(120_000));
});
