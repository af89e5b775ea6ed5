// Hostile bodies against the POSTs of /api/v1 that write (usage reports, bulk coverage, works),
// with real keys and a real database: every answer is JSON, a success or the error format with a
// sentence (never a 500); a refused request leaves the organisation's row counts as they were, an
// accepted one adds exactly its report or check; and the jobs then read what was accepted without
// failing on it.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as bulkPost } from "@/app/api/v1/coverage/bulk/route";
import { POST as usagePost } from "@/app/api/v1/usage-reports/route";
import { POST as worksPost } from "@/app/api/v1/works/route";
import { db } from "@/server/db";
import { runCoverageCheck } from "@/server/coverage/run-coverage-check";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { uniqueIsbn } from "../factories/works";
import { byteSplices, hostileJson, hostileText, identifierLike, spliceBytes, withOwnKeys } from "../hostile/support/arbitraries";
import { expectClearFieldErrors, expectClearMessage, hostileAsyncProperty, hostileTimeout, recordHostileCases } from "../hostile/support/hostile";

recordHostileCases(import.meta.filename);

let licensee: Awaited<ReturnType<typeof createOrganizationWithPeople>>;
let rightsholder: Awaited<ReturnType<typeof createOrganizationWithPeople>>;
let keys: { licensee: string; rightsholder: string };

beforeAll(async () => {
  setUpTempImportStorage();
  licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const l = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read", "usage:write"]);
  const r = await createTestApiKey(rightsholder.owner.actor, rightsholder.organization.id, ["works:read", "works:write"]);
  await db.apiKey.updateMany({ where: { id: { in: [l.id, r.id] } }, data: { rateLimitPerMinute: 1_000_000 } });
  keys = { licensee: l.secret, rightsholder: r.secret };
});

async function counts() {
  return {
    usageReports: await db.usageReport.count({ where: { organizationId: licensee.organization.id } }),
    coverageChecks: await db.coverageCheck.count({ where: { organizationId: licensee.organization.id } }),
    works: await db.work.count({ where: { rightsholderId: rightsholder.organization.id } }),
    audit: await db.auditLog.count({ where: { organizationId: { in: [licensee.organization.id, rightsholder.organization.id] } } }),
  };
}

type Body = { text: string | Buffer; contentType: string; query?: string };

type Counts = Awaited<ReturnType<typeof counts>>;

/** Sends a body, checks the answer's form and the row counts (an accepted one adds `grows`, or anything for works); returns the status. */
async function send(route: (request: Request) => Promise<Response>, path: string, body: Body, grows: Partial<Counts> | "per item", key: string) {
  const before = await counts();
  const rawBody = typeof body.text === "string" ? body.text : new Uint8Array(body.text);
  const response = await route(apiRequest(`${path}${body.query ?? ""}`, { key, rawBody, contentType: body.contentType }));
  expect([200, 202, 207, 400, 409, 413, 415, 422], `${path} answered ${response.status}`).toContain(response.status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const json = (await response.json()) as { error?: { code: unknown; message: unknown; details: Record<string, string[]> } };
  const after = await counts();
  if (response.status >= 400) {
    expect(typeof json.error?.code).toBe("string");
    expectClearMessage(json.error?.message);
    if (Object.keys(json.error!.details).length > 0) expectClearFieldErrors(json.error!.details);
    expect(Object.keys(json.error!.details).length).toBeLessThanOrEqual(40);
    expect(after, "a refused request wrote rows").toEqual(before);
  } else if (grows !== "per item") {
    const expected = { ...before };
    for (const [k, n] of Object.entries(grows) as [keyof Counts, number][]) expected[k] += n;
    expect(after).toEqual(expected);
  }
  return response.status;
}

const purpose = fc.oneof(fc.constantFrom("TRAIN", "rag", "Fine-Tune"), hostileText(10), fc.integer());
const usageLine = fc.oneof(
  fc.record({ identifier: fc.oneof(identifierLike, fc.constant(null), fc.integer()), title: fc.oneof(hostileText(), fc.constant(null)), year: fc.oneof(fc.integer({ min: 1300, max: 2200 }), hostileText(6)), purpose, units: fc.oneof(fc.integer({ min: -5, max: 10 ** 13 }), fc.constantFrom("1_000", "12", " 7 ", "-1", "1e3", "99999999999999"), hostileText(8)) }, { requiredKeys: [] }),
  hostileJson(),
);
const json = (value: unknown): Body => ({ text: JSON.stringify(value) ?? "null", contentType: "application/json" });
const rawText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }).map((text) => ({ text, contentType: "application/json" })),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => ({ text: "[".repeat(depth) + "]".repeat(depth), contentType: "application/json" })),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => ({ text: `{"quarter":"2026Q1","lines":[${"[".repeat(depth)}1${"]".repeat(depth)}]}`, contentType: "application/json" })),
  fc.tuple(fc.string({ maxLength: 100 }), byteSplices).map(([text, splices]) => ({ text: spliceBytes(text, splices), contentType: "application/json; charset=utf-8" })),
  fc.constantFrom("text/plain", "application/json; charset=utf-16", "", "multipart/form-data; boundary=x").map((contentType) => ({ text: '{"quarter":"2026Q1","lines":[]}', contentType })),
);

describe("POST /api/v1/usage-reports", () => {
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ quarter: fc.oneof(fc.constantFrom("2026Q1", "2026q2", "2026Q5", "2099Q1", "1999Q4"), hostileText(8)), lines: fc.oneof(fc.array(usageLine, { minLength: 1, maxLength: 25 }), hostileJson()) }, { requiredKeys: [] }).map(json) },
    { weight: 1, arbitrary: fc.tuple(hostileText(8), hostileJson()).map(([k, v]) => json(withOwnKeys([["quarter", "2026Q1"], ["lines", [{ purpose: "TRAIN", units: 1 }]], [k, v], ["__proto__", { isAdmin: true }]]))) },
    { weight: 1, arbitrary: fc.integer({ min: 21, max: 2_000 }).map((n) => json({ quarter: "2026Q1", lines: Array.from({ length: n }, (_, i) => i) })) },
    { weight: 2, arbitrary: rawText },
    { weight: 2, arbitrary: fc.tuple(fc.array(fc.array(hostileText(20), { maxLength: 6 }).map((cells) => cells.join(",")), { maxLength: 10 }), byteSplices).map(([rows, splices]) => ({ text: spliceBytes(`identifier,title,year,purpose,units\n${rows.join("\r\n")}`, splices), contentType: "text/csv", query: "?quarter=2026Q1" })) },
  );

  it("answers 202 with one new report, or a clear refusal that writes nothing; the job then reads every accepted report", async () => {
    const statuses = new Map<number, number>();
    await hostileAsyncProperty("POST /api/v1/usage-reports", body, async (b) => {
      const status = await send(usagePost, "/api/v1/usage-reports", b, { usageReports: 1, audit: 1 }, keys.licensee);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }, { numRuns: 200, budgetMs: 1_000 });
    for (const status of [202, 400, 415, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);

    for (const report of await db.usageReport.findMany({ where: { organizationId: licensee.organization.id, status: "RECEIVED" } })) {
      await runUsageReport(report.id);
      const done = await db.usageReport.findUniqueOrThrow({ where: { id: report.id }, include: { errors: true } });
      expect(["PROCESSED", "FAILED", "REPLACED"]).toContain(done.status);
      if (done.errorMessage !== null) expectClearMessage(done.errorMessage);
      for (const e of done.errors) expectClearMessage(e.reason);
    }
  }, hostileTimeout(300_000));
});

describe("POST /api/v1/coverage/bulk", () => {
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ identifiers: fc.oneof(fc.array(fc.oneof(identifierLike, hostileJson()), { minLength: 1, maxLength: 30 }), hostileJson()), purpose, date: fc.oneof(fc.constantFrom("2026-06-01", "2026-02-30", ""), hostileText(10)) }, { requiredKeys: [] }).map(json) },
    { weight: 2, arbitrary: rawText },
    { weight: 2, arbitrary: fc.tuple(fc.array(identifierLike.map((id) => id.replace(/[\r\n]/g, " ")), { maxLength: 30 }), fc.constantFrom("", "identifier\n", "identifier,purpose,date\n"), fc.constantFrom("?purpose=TRAIN", "?purpose=rag&date=2026-06-01", "?purpose=NOPE", "", "?date=2026-02-30&purpose=TRAIN"), byteSplices).map(([ids, header, query, splices]) => ({ text: spliceBytes(header + ids.join("\n"), splices), contentType: "text/csv", query })) },
  );

  it("answers 202 with one new check, or a clear refusal that writes nothing; the job then answers every accepted check", async () => {
    const statuses = new Map<number, number>();
    await hostileAsyncProperty("POST /api/v1/coverage/bulk", body, async (b) => {
      const status = await send(bulkPost, "/api/v1/coverage/bulk", b, { coverageChecks: 1 }, keys.licensee);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }, { numRuns: 200, budgetMs: 1_000 });
    for (const status of [202, 400, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);

    for (const check of await db.coverageCheck.findMany({ where: { organizationId: licensee.organization.id, status: "QUEUED" } })) {
      await runCoverageCheck(check.id);
      const done = await db.coverageCheck.findUniqueOrThrow({ where: { id: check.id } });
      expect(["COMPLETED", "FAILED"]).toContain(done.status);
      if (done.errorMessage !== null) expectClearMessage(done.errorMessage);
    }
  }, hostileTimeout(300_000));
});

describe("POST /api/v1/works, identifiers first", () => {
  // Found by this property: {"type": "DOI", "value": "10.1234/\u0000"} passed parseWork (the NUL
  // check looked only at plain strings) and PostgreSQL refused the insert: a 500.
  const REGRESSIONS: Body[] = [json({ title: "NUL in a typed DOI", identifiers: [{ type: "DOI", value: "10.1234/a\u0000b" }] }), json({ title: "Escaped NUL", identifiers: ["10.1234/%00"] })];
  const identifier = fc.oneof(identifierLike, fc.record({ type: fc.constantFrom("DOI", "URL", "ISBN", "issn", ""), value: identifierLike }));
  const work = fc.record({ title: fc.oneof(fc.constant("Hostile identifiers"), hostileText()), identifiers: fc.array(identifier, { minLength: 1, maxLength: 4 }) });
  const body = fc.oneof(work.map(json), fc.array(work, { minLength: 1, maxLength: 10 }).map((works) => json({ works })));

  it("answers with per-item results or a clear refusal, never a 500 from the database", async () => {
    const statuses = new Map<number, number>();
    await hostileAsyncProperty("POST /api/v1/works (identifiers)", body, async (b) => {
      const status = await send(worksPost, "/api/v1/works", b, "per item", keys.rightsholder);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }, { numRuns: 200, budgetMs: 1_000, examples: REGRESSIONS });
    expect((statuses.get(200) ?? 0) + (statuses.get(207) ?? 0), "some works were enrolled").toBeGreaterThan(0);
    expect(uniqueIsbn()).toMatch(/^97[89]/);
  }, hostileTimeout(300_000));
});
