import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/usage-reports/route";
import { GET } from "@/app/api/v1/usage-reports/[id]/route";
import { db } from "@/server/db";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { uploadUsageReportResponse, usageErrorsCsvResponse, usageReportProgressResponse } from "@/server/usage/usage-reports-http";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { createWork } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const work = await createWork(rightsholder.organization.id, { title: "Api Usage Work" });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const writer = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:write", "usage:read"]);
  return { licensee, rightsholder, isbn: work.identifiers[0]!.value, writer };
}

describe("/api/v1/usage-reports", () => {
  it("takes JSON lines, answers 202, and reads the processed report back with line indexes", async () => {
    const { isbn, writer } = await world();
    const response = await POST(apiRequest("/api/v1/usage-reports", { key: writer.secret, body: { quarter: "2026Q3", lines: [{ identifier: isbn, purpose: "TRAIN", units: 100 }, { identifier: isbn, purpose: "TRAIN", units: 50 }, { identifier: "nope", purpose: "TRAIN", units: 1 }] } }));
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; links: { self: string } };
    expect(await runUsageReport(started.id)).toBe("processed");
    const read = await GET(apiRequest(started.links.self, { key: writer.secret }), params(started.id));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      quarter: "2026Q3", source: "API", status: "PROCESSED", counts: { lines: 3, accepted: 2, rejected: 1, summed: 1 },
      summary: { eligible: { lines: 1, units: "150" } },
      errors: [{ line: 4, index: 2, reason: expect.stringMatching(/^identifier: /) }],
      lines: [{ line: 2, index: 0, units: "150", summedLines: 2, match: { status: "MATCHED", method: "IDENTIFIER", work: { title: "Api Usage Work" } }, eligibility: "ELIGIBLE" }],
    });
  });

  it("takes CSV too, and refuses wrong scopes, other licensees and bad bodies", async () => {
    const { isbn, writer, licensee, rightsholder } = await world();
    const csv = await POST(apiRequest("/api/v1/usage-reports?quarter=2026Q2", { key: writer.secret, rawBody: `identifier,purpose,units\n${isbn},RAG,5\n`, contentType: "text/csv" }));
    expect(csv.status).toBe(202);
    const { id } = (await csv.json()) as { id: string };
    const readOnly = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:read"]);
    expect((await POST(apiRequest("/api/v1/usage-reports", { key: readOnly.secret, body: { quarter: "2026Q3", lines: [{ identifier: isbn, purpose: "TRAIN", units: 1 }] } }))).status).toBe(403);
    const coverageKey = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"]);
    expect((await GET(apiRequest(`/api/v1/usage-reports/${id}`, { key: coverageKey.secret }), params(id))).status).toBe(403);
    const worksKey = await createTestApiKey(rightsholder.owner.actor, rightsholder.organization.id, ["works:read"]);
    expect((await GET(apiRequest(`/api/v1/usage-reports/${id}`, { key: worksKey.secret }), params(id))).status).toBe(403);
    const other = await createOrganizationWithPeople("LICENSEE");
    const otherKey = await createTestApiKey(other.owner.actor, other.organization.id, ["usage:read"]);
    expect((await GET(apiRequest(`/api/v1/usage-reports/${id}`, { key: otherKey.secret }), params(id))).status).toBe(404);
    const bad = await POST(apiRequest("/api/v1/usage-reports", { key: writer.secret, body: { quarter: "2026Q5", lines: "x" } }));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", details: { quarter: [expect.any(String)], lines: [expect.any(String)] } } });
    expect((await POST(apiRequest("/api/v1/usage-reports", { key: writer.secret, rawBody: "<x/>", contentType: "application/xml" }))).status).toBe(415);
  });
});

describe("the browser routes /api/usage-reports", () => {
  it("upload for the session's licensee, follow its progress, download the refused lines", async () => {
    const { isbn, licensee, rightsholder } = await world();
    const body = `identifier,title,year,purpose,units\n${isbn},,,TRAIN,10\n,,,TRAIN,0\n`;
    const upload = (actor: Parameters<typeof uploadUsageReportResponse>[0], quarter = "2026Q3") =>
      uploadUsageReportResponse(actor, new Request(`http://localhost/api/usage-reports?quarter=${quarter}`, { method: "POST", headers: { "Content-Type": "text/csv", "X-File-Name": "q3.csv", "Content-Length": String(body.length) }, body }));
    const created = await upload(licensee.member.actor);
    expect(created.status).toBe(201);
    const { report } = (await created.json()) as { report: { id: string } };
    expect((await upload(null)).status).toBe(401);
    expect((await upload(rightsholder.owner.actor)).status).toBe(403);
    expect(await (await upload(licensee.member.actor, "nonsense")).json()).toMatchObject({ error: { code: "VALIDATION", fields: { quarter: [expect.any(String)] } } });
    await runUsageReport(report.id);
    expect(await (await usageReportProgressResponse(licensee.owner.actor, report.id)).json()).toMatchObject({ status: "PROCESSED", percent: 100 });
    const errors = await (await usageErrorsCsvResponse(licensee.owner.actor, report.id)).text();
    expect(errors).toContain("line,reason,line_as_written");
    expect(errors).toMatch(/\r\n3,"Give the work's identifier or its title\. units: ""0"" is not a whole number above 0\."/);
  });
});
