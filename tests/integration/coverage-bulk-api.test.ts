import { beforeAll, describe, expect, it } from "vitest";
import { POST as bulkPost } from "@/app/api/v1/coverage/bulk/route";
import { GET as bulkGet } from "@/app/api/v1/coverage/bulk/[id]/route";
import { GET as bulkResult } from "@/app/api/v1/coverage/bulk/[id]/result/route";
import { db } from "@/server/db";
import { coverageCheckDownloadResponse, coverageCheckProgressResponse, uploadCoverageCheckResponse } from "@/server/coverage/coverage-checks-http";
import { runCoverageCheck } from "@/server/coverage/run-coverage-check";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const isbn = uniqueIsbn();
  const work = await createWork(rightsholder.organization.id, { isbn, title: "Bulk API Work" });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const key = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"]);
  return { rightsholder, licensee, isbn, key };
}

/** Runs the job of each check this test made (other test files' jobs keep their files elsewhere). */
async function runCoverageJobs(organizationId: string) {
  for (const check of await db.coverageCheck.findMany({ where: { organizationId, status: "QUEUED" } })) await runCoverageCheck(check.id);
}

describe("POST /api/v1/coverage/bulk", () => {
  it("takes a CSV body, answers 202 with links, and serves the result once the job has run", async () => {
    const { isbn, key, licensee } = await world();
    const body = `${isbn}\n${uniqueIsbn()}\nnonsense\n`;
    const response = await bulkPost(apiRequest("/api/v1/coverage/bulk?purpose=train&date=2026-06-01", { key: key.secret, rawBody: body, contentType: "text/csv" }));
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; status: string; links: { self: string; result?: string } };
    expect(started).toMatchObject({ status: "QUEUED", links: { self: `/api/v1/coverage/bulk/${started.id}` } });
    expect(started.links.result).toBeUndefined();
    expect(response.headers.get("location")).toBe(started.links.self);
    expect((await bulkResult(apiRequest(`${started.links.self}/result`, { key: key.secret }), params(started.id))).status).toBe(404);

    await runCoverageJobs(licensee.organization.id);
    const status = await bulkGet(apiRequest(started.links.self, { key: key.secret }), params(started.id));
    expect(await status.json()).toMatchObject({
      status: "COMPLETED", percent: 100, lineCount: 3, counts: { covered: 1, notCovered: 1, invalid: 1 }, reasons: { COVERED: 1, NOT_ENROLLED: 1, INVALID: 1 },
      links: { result: `/api/v1/coverage/bulk/${started.id}/result` },
    });
    const result = await bulkResult(apiRequest(`${started.links.self}/result`, { key: key.secret }), params(started.id));
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await result.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^1,${isbn},ISBN13,${isbn},TRAIN,2026-06-01,yes,COVERED,`));
  });

  it("takes JSON, and refuses bad bodies, wrong keys and other licensees' checks in the error format", async () => {
    const { isbn, key, licensee, rightsholder } = await world();
    const json = await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: key.secret, body: { identifiers: [isbn], purpose: "RAG", date: "2026-06-01" } }));
    expect(json.status).toBe(202);
    const { id } = (await json.json()) as { id: string };

    const invalid = await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: key.secret, body: { identifiers: "9780306406157", purpose: "SING" } }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: "VALIDATION", details: { identifiers: [expect.any(String)], purpose: [expect.any(String)] } } });
    const noPurpose = await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: key.secret, rawBody: isbn, contentType: "text/csv" }));
    expect(await noPurpose.json()).toMatchObject({ error: { code: "VALIDATION", details: { purpose: [expect.any(String)] } } });
    const xml = await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: key.secret, rawBody: "<x/>", contentType: "application/xml" }));
    expect(xml.status).toBe(415);

    const usageKey = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:read"]);
    expect((await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: usageKey.secret, body: { identifiers: [isbn], purpose: "TRAIN" } }))).status).toBe(403);
    const worksKey = await createTestApiKey(rightsholder.owner.actor, rightsholder.organization.id, ["works:read"]);
    expect((await bulkPost(apiRequest("/api/v1/coverage/bulk", { key: worksKey.secret, body: { identifiers: [isbn], purpose: "TRAIN" } }))).status).toBe(403);

    const other = await createOrganizationWithPeople("LICENSEE");
    const otherKey = await createTestApiKey(other.owner.actor, other.organization.id, ["coverage:read"]);
    expect((await bulkGet(apiRequest(`/api/v1/coverage/bulk/${id}`, { key: otherKey.secret }), params(id))).status).toBe(404);
    expect((await bulkResult(apiRequest(`/api/v1/coverage/bulk/${id}/result`, { key: otherKey.secret }), params(id))).status).toBe(404);
    expect((await bulkGet(apiRequest(`/api/v1/coverage/bulk/${id}`), params(id))).status).toBe(401);
  });
});

describe("the browser routes /api/coverage-checks", () => {
  it("upload from the session's licensee, poll, download; others are refused", async () => {
    const { isbn, licensee, rightsholder } = await world();
    const upload = (actor: Parameters<typeof uploadCoverageCheckResponse>[0], query = "?purpose=TRAIN&date=2026-06-01") =>
      uploadCoverageCheckResponse(actor, new Request(`http://localhost/api/coverage-checks${query}`, {
        method: "POST", headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent("my ids.csv"), "Content-Length": String(isbn.length) }, body: isbn,
      }));
    const created = await upload(licensee.member.actor);
    expect(created.status).toBe(201);
    const { check } = (await created.json()) as { check: { id: string; fileName: string } };
    expect(check.fileName).toBe("my ids.csv");
    expect((await upload(null)).status).toBe(401);
    expect((await upload(rightsholder.owner.actor)).status).toBe(403);
    const badDate = await upload(licensee.member.actor, "?purpose=TRAIN&date=2026-02-30");
    expect(badDate.status).toBe(422);
    expect(await badDate.json()).toMatchObject({ error: { fields: { date: ["Use a date as YYYY-MM-DD."] } } });

    expect(await (await coverageCheckProgressResponse(licensee.owner.actor, check.id)).json()).toMatchObject({ status: "QUEUED" });
    await runCoverageJobs(licensee.organization.id);
    expect(await (await coverageCheckProgressResponse(licensee.owner.actor, check.id)).json()).toMatchObject({ status: "COMPLETED", counts: { covered: 1 } });
    const download = await coverageCheckDownloadResponse(licensee.owner.actor, check.id);
    expect(download.headers.get("content-disposition")).toContain("my ids-coverage.csv");
    const other = await createOrganizationWithPeople("LICENSEE");
    expect((await coverageCheckProgressResponse(other.owner.actor, check.id)).status).toBe(404);
    expect((await coverageCheckDownloadResponse(other.owner.actor, check.id)).status).toBe(404);
  });
});
