// The /api/v1 lists that page by cursor: usage reports, bulk coverage checks, statements (and a
// statement's lines). Each walks its pages with limit and nextCursor, refuses a bad query with
// field errors, and shows only the key's own organisation's items.
import { describe, expect, it } from "vitest";
import { GET as listCoverageChecks } from "@/app/api/v1/coverage/bulk/route";
import { GET as listStatements } from "@/app/api/v1/statements/route";
import { GET as getStatement } from "@/app/api/v1/statements/[id]/route";
import { GET as listUsageReports } from "@/app/api/v1/usage-reports/route";
import { db } from "@/server/db";
import { actorFor, addMember, createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, markApproved, uniquePastQuarters } from "../factories/distribution";
import { createUsageReport } from "../factories/usage";
import { createWork } from "../factories/works";
import { createOrganization } from "../factories/index";

type Page<T> = { data: T[]; nextCursor: string | null };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const daysIn = (q: { startsOn: string; endsOn: string }) => (Date.parse(q.endsOn) - Date.parse(q.startsOn)) / 86_400_000;

async function walk<T>(list: (request: Request) => Promise<Response>, path: string, key: string): Promise<T[][]> {
  const pages: T[][] = [];
  let url: string | null = path;
  while (url) {
    const response = await list(apiRequest(url, { key }));
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page<T>;
    pages.push(page.data);
    url = page.nextCursor ? `${path}${path.includes("?") ? "&" : "?"}cursor=${page.nextCursor}` : null;
  }
  return pages;
}

describe("cursor-paged lists in /api/v1", () => {
  it("pages a licensee's usage reports newest first, filters a quarter and refuses a bad query", async () => {
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const other = await createOrganizationWithPeople("LICENSEE");
    const ids: string[] = [];
    for (const [index, quarter] of ["2026Q1", "2026Q2", "2026Q3"].entries()) {
      const { report } = await createUsageReport(licensee.organization.id, { quarter, submittedAt: new Date(Date.UTC(2026, 9, 1 + index)), lines: [] });
      ids.push(report.id);
    }
    await createUsageReport(other.organization.id, { quarter: "2026Q3", lines: [] });
    const key = (await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:read"])).secret;
    const pages = await walk<{ id: string; quarter: string; links: { self: string } }>(listUsageReports, "/api/v1/usage-reports?limit=2", key);
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([[ids[2], ids[1]], [ids[0]]]);
    expect(pages[0]![0]!.links.self).toBe(`/api/v1/usage-reports/${ids[2]}`);
    const q2 = await walk<{ id: string }>(listUsageReports, "/api/v1/usage-reports?quarter=2026q2", key);
    expect(q2.flat().map((r) => r.id)).toEqual([ids[1]]);

    for (const [query, field] of [["limit=0", "limit"], ["limit=abc", "limit"], ["cursor=nope", "cursor"], ["quarter=2026Q9", "quarter"], ["page=2", "page"]] as const) {
      const response = await listUsageReports(apiRequest(`/api/v1/usage-reports?${query}`, { key }));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { code: string; details: Record<string, string[]> } }).error).toMatchObject({ code: "VALIDATION", details: { [field]: [expect.any(String)] } });
    }
    const forged = Buffer.from(JSON.stringify({ key: "2026-01-01T00:00:00.000Z", id: "1 OR 1=1" })).toString("base64url");
    expect((await listUsageReports(apiRequest(`/api/v1/usage-reports?cursor=${forged}`, { key }))).status).toBe(422);
    const writer = (await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:write"])).secret;
    expect((await listUsageReports(apiRequest("/api/v1/usage-reports", { key: writer }))).status).toBe(403);
    expect((await listUsageReports(apiRequest("/api/v1/usage-reports"))).status).toBe(401);
  });

  it("pages a licensee's bulk coverage checks newest first", async () => {
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const check = await db.coverageCheck.create({
        data: { organizationId: licensee.organization.id, source: "API", fileName: `ids-${i}.csv`, storagePath: `x/${i}`, fileSize: 10n, purpose: "TRAIN", onDate: new Date("2026-11-01T00:00:00Z"), createdAt: new Date(Date.UTC(2026, 10, 1 + i)) },
      });
      ids.push(check.id);
    }
    const key = (await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"])).secret;
    const pages = await walk<{ id: string; status: string; links: { self: string } }>(listCoverageChecks, "/api/v1/coverage/bulk?limit=2", key);
    expect(pages.map((p) => p.map((c) => c.id))).toEqual([[ids[2], ids[1]], [ids[0]]]);
    expect(pages[0]![0]).toMatchObject({ status: "QUEUED", links: { self: `/api/v1/coverage/bulk/${ids[2]}` } });
  });

  it("pages a rightsholder's approved statements and a statement's lines; drafts and others' are not found", async () => {
    const [q1, q2, q3] = await uniquePastQuarters(3);
    const payee = await createPayee();
    const owner = await addMember(payee.id, "OWNER");
    const works = [await createWork(payee.id), await createWork(payee.id), await createWork(payee.id)];
    const licensee = await createOrganization("LICENSEE");
    const runs = [];
    for (const quarter of [q1!, q2!, q3!]) {
      await createPaidGrant(licensee.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents: 100_000n });
      await createEligibleUsage(licensee.id, quarter.code, works.map((w, i) => ({ workId: w.id, units: BigInt(i + 1) })));
      runs.push(await calculatedRun(quarter));
    }
    await markApproved(runs[0]!.id);
    await markApproved(runs[1]!.id);
    const key = (await createTestApiKey(await actorFor(owner.user.id), payee.id, ["statements:read"])).secret;

    const pages = await walk<{ id: string; quarter: string; paidCents: string; links: { self: string } }>(listStatements, "/api/v1/statements?limit=1", key);
    expect(pages.map((p) => p.map((s) => s.quarter))).toEqual([[q2!.code], [q1!.code]]);
    const statement = pages[0]![0]!;
    expect(statement.paidCents).toBe("85000");

    const first = await getStatement(apiRequest(`${statement.links.self}?limit=2`, { key }), params(statement.id));
    expect(first.status).toBe(200);
    const body = (await first.json()) as { quarter: string; allocatedCents: string; lines: { count: number; data: { workId: number; netCents: string }[]; nextCursor: string | null } };
    expect([body.quarter, body.allocatedCents, body.lines.count, body.lines.data.length]).toEqual([q2!.code, "85000", 3, 2]);
    // Net 85,000 by units 1:2:3, largest first.
    expect(body.lines.data.map((l) => [l.workId, l.netCents])).toEqual([[works[2]!.id, "42500"], [works[1]!.id, "28333"]]);
    const rest = await getStatement(apiRequest(`${statement.links.self}?limit=2&cursor=${body.lines.nextCursor}`, { key }), params(statement.id));
    const restBody = (await rest.json()) as { lines: { data: { workId: number; netCents: string }[]; nextCursor: string | null } };
    expect([restBody.lines.data.map((l) => [l.workId, l.netCents]), restBody.lines.nextCursor]).toEqual([[[works[0]!.id, "14167"]], null]);

    const draft = await db.statement.findFirstOrThrow({ where: { runId: runs[2]!.id, rightsholderId: payee.id } });
    expect((await getStatement(apiRequest(`/api/v1/statements/${draft.id}`, { key }), params(draft.id))).status).toBe(404);
    const stranger = await createOrganizationWithPeople("RIGHTSHOLDER");
    const strangerKey = (await createTestApiKey(stranger.owner.actor, stranger.organization.id, ["statements:read"])).secret;
    expect((await getStatement(apiRequest(statement.links.self, { key: strangerKey }), params(statement.id))).status).toBe(404);
    expect(((await (await listStatements(apiRequest("/api/v1/statements", { key: strangerKey }))).json()) as Page<unknown>).data).toEqual([]);
    const worksKey = (await createTestApiKey(await actorFor(owner.user.id), payee.id, ["works:read"])).secret;
    expect((await listStatements(apiRequest("/api/v1/statements", { key: worksKey }))).status).toBe(403);
    expect((await getStatement(apiRequest(`${statement.links.self}?sort=size`, { key }), params(statement.id))).status).toBe(422);
  });
});
