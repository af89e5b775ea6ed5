// Contract tests: every documented endpoint is called for real (its route handler, a real API
// key, the real database) in success and error cases, and every answer is validated against the
// OpenAPI document: status documented, body valid against its schema, documented headers there.
// The last test checks that every documented answer but a 500 was produced here.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCoverageCheckResult } from "@/app/api/v1/coverage/bulk/[id]/result/route";
import { GET as getCoverageCheck } from "@/app/api/v1/coverage/bulk/[id]/route";
import { GET as listCoverageChecks, POST as startCoverageCheck } from "@/app/api/v1/coverage/bulk/route";
import { GET as checkCoverage } from "@/app/api/v1/coverage/route";
import { GET as getLicenseTerms } from "@/app/api/v1/license-terms/route";
import { GET as getStatement } from "@/app/api/v1/statements/[id]/route";
import { GET as listStatements } from "@/app/api/v1/statements/route";
import { GET as getUsageReport } from "@/app/api/v1/usage-reports/[id]/route";
import { GET as listUsageReports, POST as submitUsageReport } from "@/app/api/v1/usage-reports/route";
import { GET as listWorks, POST as enrollWorks } from "@/app/api/v1/works/route";
import { claimIdempotencyKey } from "@/server/api/idempotency";
import { openApiDocument } from "@/server/api/openapi/build-openapi-document";
import type { HttpMethod } from "@/server/api/openapi/openapi-types";
import { runCoverageCheck } from "@/server/coverage/run-coverage-check";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { apiRequest } from "../factories/api-keys";
import { setUpTempImportStorage } from "../factories/imports";
import { uniqueIsbn } from "../factories/works";
import { createContractWorld, operationCalls, params, UNKNOWN_ID, type ContractWorld } from "./openapi-contract-world";
import { createContractValidator } from "./openapi-validate";

const document = openApiDocument();
const contract = createContractValidator(document);
let w: ContractWorld;

beforeAll(async () => {
  setUpTempImportStorage();
  w = await createContractWorld();
});

/** Validates the answer against the document and expects this status; returns the parsed body. */
async function expectAnswer<T = Record<string, unknown>>(response: Response | Promise<Response>, method: HttpMethod, path: string, status: number): Promise<T> {
  const answer = await response;
  const body = await contract.validateResponse(answer, path, method);
  expect(answer.status, `${method} ${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  return body as T;
}

const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

/** The Idempotency-Key answers of a POST: a replay, a mismatch, and a repeat while the first is unanswered (409). */
async function expectIdempotency(post: (request: Request) => Promise<Response>, path: string, key: { id: string; secret: string }, body: unknown, changed: unknown) {
  const send = (b: unknown, idempotencyKey: string) => post(apiRequest(path, { key: key.secret, body: b, headers: { "idempotency-key": idempotencyKey } }));
  const idempotencyKey = `contract-${crypto.randomUUID()}`;
  const first = await send(body, idempotencyKey);
  const firstStatus = first.status;
  const firstBody = await expectAnswer(first, "post", path, firstStatus);
  const again = await send(body, idempotencyKey);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(await expectAnswer(again, "post", path, firstStatus)).toEqual(firstBody);
  expect(errorCode(await expectAnswer(send(changed, idempotencyKey), "post", path, 422))).toBe("IDEMPOTENCY_MISMATCH");
  expect(errorCode(await expectAnswer(send(body, "not a valid key"), "post", path, 400))).toBe("BAD_REQUEST");

  const pendingKey = `pending-${crypto.randomUUID()}`;
  await claimIdempotencyKey(key.id, apiRequest(path, { key: key.secret, body, headers: { "idempotency-key": pendingKey } }));
  expect(errorCode(await expectAnswer(send(body, pendingKey), "post", path, 409))).toBe("CONFLICT");
}

/** 400 (not JSON), 413 (declared too large), 415 (another type) for a POST that takes JSON. */
async function expectBodyRefusals(post: (request: Request) => Promise<Response>, path: string, secret: string, jsonLimitBytes: number) {
  expect(errorCode(await expectAnswer(post(apiRequest(path, { key: secret, rawBody: "{not json" })), "post", path, 400))).toBe("BAD_REQUEST");
  const tooLarge = apiRequest(path, { key: secret, rawBody: "{}", headers: { "content-length": String(jsonLimitBytes + 1) } });
  expect(errorCode(await expectAnswer(post(tooLarge), "post", path, 413))).toBe("PAYLOAD_TOO_LARGE");
  expect(errorCode(await expectAnswer(post(apiRequest(path, { key: secret, rawBody: "<x/>", contentType: "application/xml" })), "post", path, 415))).toBe("UNSUPPORTED_MEDIA_TYPE");
}

describe("every keyed endpoint refuses in the documented format", () => {
  const keyed = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method as HttpMethod, scope: op!["x-required-scope"] })));

  it("has a representative request for each documented operation", () => {
    expect(Object.keys(operationCalls(w)).sort()).toEqual(keyed.map((o) => `${o.method} ${o.path}`).sort());
  });

  for (const { path, method, scope } of keyed.filter((o) => o.scope)) {
    it(`${method.toUpperCase()} ${path}: 401 without a key, 403 without ${scope}, 429 past the rate limit`, async () => {
      const call = operationCalls(w)[`${method} ${path}`]!;
      const isLicensee = scope!.startsWith("coverage") || scope!.startsWith("usage");
      const unauthenticated = await call();
      expect(unauthenticated.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(errorCode(await expectAnswer(unauthenticated, method, path, 401))).toBe("UNAUTHENTICATED");
      expect(errorCode(await expectAnswer(call(w.withoutScope[scope!]), method, path, 403))).toBe("FORBIDDEN");
      const otherKind = isLicensee ? w.keys.rightsholder.secret : w.keys.licensee.secret;
      expect(errorCode(await expectAnswer(call(otherKind), method, path, 403))).toBe("FORBIDDEN");
      const limited = await call((isLicensee ? w.keys.licenseeLimited : w.keys.rightsholderLimited).secret);
      expect(errorCode(await expectAnswer(limited, method, path, 429))).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    });
  }
});

describe("works", () => {
  it("lists, pages and filters works; refuses an unknown parameter", async () => {
    const key = w.keys.rightsholder.secret;
    const page = await expectAnswer<{ data: { id: number }[]; nextCursor: string | null }>(listWorks(apiRequest("/api/v1/works?limit=1", { key })), "get", "/api/v1/works", 200);
    expect(page.data.map((work) => work.id)).toEqual([w.work.id]);
    const filtered = await expectAnswer<{ data: unknown[] }>(listWorks(apiRequest(`/api/v1/works?identifier=${w.isbn}`, { key })), "get", "/api/v1/works", 200);
    expect(filtered.data).toHaveLength(1);
    const typo = await expectAnswer(listWorks(apiRequest("/api/v1/works?identifer=1", { key })), "get", "/api/v1/works", 422);
    expect(typo).toMatchObject({ error: { code: "VALIDATION", details: { identifer: [expect.any(String)] } } });
  });

  it("enrolls one work (200), a partly bad batch (207), an all-bad batch (422 with results), and refuses bad bodies", async () => {
    const { secret } = w.keys.rightsholder;
    const post = (body: unknown) => enrollWorks(apiRequest("/api/v1/works", { key: secret, body }));
    const one = await expectAnswer<{ results: { status: string }[] }>(post({ title: "Contract One", identifiers: [uniqueIsbn()], purposes: ["TRAIN"] }), "post", "/api/v1/works", 200);
    expect(one.results[0]!.status).toBe("created");
    const partial = await expectAnswer<{ summary: { rejected: number } }>(post({ works: [{ title: "Contract Two", identifiers: [uniqueIsbn()] }, { title: 3 }] }), "post", "/api/v1/works", 207);
    expect(partial.summary.rejected).toBe(1);
    const rejected = await expectAnswer(post({ works: [{ title: "No identifier" }, { identifiers: "x" }] }), "post", "/api/v1/works", 422);
    expect(rejected).toMatchObject({ error: { code: "VALIDATION" }, summary: { rejected: 2 }, results: [{ status: "rejected" }, { status: "rejected" }] });
    expect(await expectAnswer(post({ works: [] }), "post", "/api/v1/works", 422)).toEqual({ error: { code: "VALIDATION", message: expect.any(String), details: { works: [expect.any(String)] } } });
    await expectBodyRefusals(enrollWorks, "/api/v1/works", secret, 5 * 1024 ** 2);
    await expectIdempotency(enrollWorks, "/api/v1/works", w.keys.rightsholder, { title: "Contract Three", identifiers: [uniqueIsbn()] }, { title: "Contract Four", identifiers: [uniqueIsbn()] });
  });
});

describe("statements", () => {
  it("lists the approved statement and reads it with its lines; unknown ids and bad queries are refused", async () => {
    const key = w.keys.rightsholder.secret;
    const list = await expectAnswer<{ data: { id: string }[] }>(listStatements(apiRequest("/api/v1/statements", { key })), "get", "/api/v1/statements", 200);
    expect(list.data.map((s) => s.id)).toEqual([w.statementId]);
    await expectAnswer(listStatements(apiRequest("/api/v1/statements?limit=0", { key })), "get", "/api/v1/statements", 422);
    const path = "/api/v1/statements/{id}";
    const statement = await expectAnswer<{ lines: { data: { workId: number }[] }; payout: unknown }>(getStatement(apiRequest(`/api/v1/statements/${w.statementId}?sort=title`, { key }), params(w.statementId)), "get", path, 200);
    expect([statement.lines.data.map((l) => l.workId), statement.payout]).toEqual([[w.work.id], expect.objectContaining({ status: "PENDING" })]);
    await expectAnswer(getStatement(apiRequest(`/api/v1/statements/${UNKNOWN_ID}`, { key }), params(UNKNOWN_ID)), "get", path, 404);
    await expectAnswer(getStatement(apiRequest(`/api/v1/statements/${w.statementId}?sort=size`, { key }), params(w.statementId)), "get", path, 422);
  });
});

describe("coverage", () => {
  it("answers one question, covered or not, and refuses a bad identifier", async () => {
    const key = w.keys.licensee.secret;
    const ask = (query: string) => checkCoverage(apiRequest(`/api/v1/coverage?${query}`, { key }));
    expect(await expectAnswer(ask(`identifier=${w.isbn}&purpose=train&date=2026-06-01`), "get", "/api/v1/coverage", 200)).toMatchObject({ covered: true, reason: "COVERED" });
    expect(await expectAnswer(ask(`identifier=${uniqueIsbn()}&purpose=RAG`), "get", "/api/v1/coverage", 200)).toMatchObject({ covered: false, work: null });
    await expectAnswer(ask("identifier=not-an-isbn&purpose=TRAIN"), "get", "/api/v1/coverage", 422);
  });

  it("runs bulk checks from JSON and CSV, follows them to the result file, and lists them", async () => {
    const key = w.keys.licensee.secret;
    const started = await startCoverageCheck(apiRequest("/api/v1/coverage/bulk", { key, body: { identifiers: [w.isbn, "nonsense"], purpose: "TRAIN", date: "2026-06-01" } }));
    const check = await expectAnswer<{ id: string; links: { self: string } }>(started, "post", "/api/v1/coverage/bulk", 202);
    expect(started.headers.get("location")).toBe(check.links.self);
    const csv = await expectAnswer(startCoverageCheck(apiRequest("/api/v1/coverage/bulk?purpose=rag&name=ids.csv", { key, rawBody: `identifier\n${w.isbn}\n`, contentType: "text/csv" })), "post", "/api/v1/coverage/bulk", 202);
    expect(csv).toMatchObject({ status: "QUEUED", purpose: "RAG", fileName: "ids.csv" });

    const follow = (id: string) => getCoverageCheck(apiRequest(`/api/v1/coverage/bulk/${id}`, { key }), params(id));
    const result = (id: string) => getCoverageCheckResult(apiRequest(`/api/v1/coverage/bulk/${id}/result`, { key }), params(id));
    expect(await expectAnswer(follow(check.id), "get", "/api/v1/coverage/bulk/{id}", 200)).toMatchObject({ status: "QUEUED" });
    expect(errorCode(await expectAnswer(result(check.id), "get", "/api/v1/coverage/bulk/{id}/result", 404))).toBe("NOT_FOUND");
    await runCoverageCheck(check.id);
    expect(await expectAnswer(follow(check.id), "get", "/api/v1/coverage/bulk/{id}", 200)).toMatchObject({ status: "COMPLETED", counts: { covered: 1, invalid: 1 }, links: { result: expect.any(String) } });
    const file = await expectAnswer<string>(result(check.id), "get", "/api/v1/coverage/bulk/{id}/result", 200);
    expect(file.split("\r\n")[0]).toContain("covered");
    await expectAnswer(follow(UNKNOWN_ID), "get", "/api/v1/coverage/bulk/{id}", 404);

    const list = await expectAnswer<{ data: { id: string }[] }>(listCoverageChecks(apiRequest("/api/v1/coverage/bulk?limit=100", { key })), "get", "/api/v1/coverage/bulk", 200);
    expect(list.data.map((c) => c.id)).toContain(check.id);
    await expectAnswer(listCoverageChecks(apiRequest("/api/v1/coverage/bulk?cursor=forged", { key })), "get", "/api/v1/coverage/bulk", 422);
  });

  it("refuses bad bulk requests, and keeps the Idempotency-Key promises", async () => {
    const { secret } = w.keys.licensee;
    const path = "/api/v1/coverage/bulk";
    expect(await expectAnswer(startCoverageCheck(apiRequest(path, { key: secret, body: { identifiers: "x", purpose: "SING" } })), "post", path, 422)).toMatchObject({ error: { details: { identifiers: [expect.any(String)], purpose: [expect.any(String)] } } });
    await expectBodyRefusals(startCoverageCheck, path, secret, 8 * 1024 ** 2);
    await expectIdempotency(startCoverageCheck, path, w.keys.licensee, { identifiers: [w.isbn], purpose: "TRAIN" }, { identifiers: [w.isbn], purpose: "RAG" });
  });
});

describe("usage reports", () => {
  it("takes a report as JSON and as CSV, reads each back once processed, and lists them", async () => {
    const key = w.keys.licensee.secret;
    const json = await submitUsageReport(apiRequest("/api/v1/usage-reports", { key, body: { quarter: "2026Q3", lines: [{ identifier: w.isbn, purpose: "TRAIN", units: 100 }, { identifier: "nope", purpose: "TRAIN", units: 1 }] } }));
    const accepted = await expectAnswer<{ id: string; links: { self: string } }>(json, "post", "/api/v1/usage-reports", 202);
    expect(json.headers.get("location")).toBe(accepted.links.self);
    const csv = await expectAnswer<{ id: string }>(
      submitUsageReport(apiRequest("/api/v1/usage-reports?quarter=2026Q2&name=q2.csv", { key, rawBody: `identifier,title,year,purpose,units\n${w.isbn},,,RAG,5\n,Unknown Title,2001,TRAIN,7\n`, contentType: "text/csv" })),
      "post", "/api/v1/usage-reports", 202,
    );
    const read = (id: string, query = "") => getUsageReport(apiRequest(`/api/v1/usage-reports/${id}${query}`, { key }), params(id));
    expect(await expectAnswer(read(accepted.id), "get", "/api/v1/usage-reports/{id}", 200)).toMatchObject({ status: "RECEIVED", lines: [] });
    await runUsageReport(accepted.id);
    await runUsageReport(csv.id);
    expect(await expectAnswer(read(accepted.id), "get", "/api/v1/usage-reports/{id}", 200)).toMatchObject({ status: "PROCESSED", source: "API", errors: [{ line: 3, index: 1 }], lines: [{ index: 0, eligibility: "ELIGIBLE" }] });
    expect(await expectAnswer(read(csv.id, "?filter=open&limit=1"), "get", "/api/v1/usage-reports/{id}", 200)).toMatchObject({ status: "PROCESSED", source: "FILE", lines: [{ title: "Unknown Title" }] });
    await expectAnswer(read(UNKNOWN_ID), "get", "/api/v1/usage-reports/{id}", 404);

    const list = await expectAnswer<{ data: { id: string }[] }>(listUsageReports(apiRequest("/api/v1/usage-reports?quarter=2026Q2", { key })), "get", "/api/v1/usage-reports", 200);
    expect(list.data.map((r) => r.id)).toContain(csv.id);
    await expectAnswer(listUsageReports(apiRequest("/api/v1/usage-reports?quarter=2026Q9", { key })), "get", "/api/v1/usage-reports", 422);
  });

  it("refuses bad reports, and keeps the Idempotency-Key promises", async () => {
    const { secret } = w.keys.licensee;
    const path = "/api/v1/usage-reports";
    expect(await expectAnswer(submitUsageReport(apiRequest(path, { key: secret, body: { quarter: "2026Q5", lines: "x" } })), "post", path, 422)).toMatchObject({ error: { details: { quarter: [expect.any(String)], lines: [expect.any(String)] } } });
    expect(await expectAnswer(submitUsageReport(apiRequest(path, { key: secret, body: { quarter: "2026Q3", lines: [7] } })), "post", path, 422)).toMatchObject({ error: { details: { "lines[0]": [expect.any(String)] } } });
    await expectBodyRefusals(submitUsageReport, path, secret, 16 * 1024 ** 2);
    const line = { identifier: w.isbn, purpose: "TRAIN", units: 3 };
    await expectIdempotency(submitUsageReport, path, w.keys.licensee, { quarter: "2026Q1", lines: [line] }, { quarter: "2026Q1", lines: [line, line] });
  });
});

describe("license terms", () => {
  it("answers anyone, cacheable", async () => {
    const response = getLicenseTerms();
    expect(await expectAnswer(response, "get", "/api/v1/license-terms", 200)).toMatchObject({ license: { voluntary: true } });
  });
});

describe("coverage of the document by these tests", () => {
  it("produced every documented answer (but a 500, which only a failure on our side gives)", () => {
    expect(contract.unexercised((_method, _path, status) => status === "500")).toEqual([]);
  });
});
