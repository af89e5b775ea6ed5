// The world the contract tests call the API in: a rightsholder with a work and an approved
// statement, a licensee with a license in force, and API keys with every scope, with the wrong
// scope, and with the rate limit used up. Plus one representative request per documented
// operation, for the refusals every keyed endpoint shares (401, 403, 429).
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
import type { ApiScope } from "@/server/api-keys/api-keys.schema";
import { db } from "@/server/db";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { uniquePastQuarter } from "../factories/distribution";
import { createActiveGrant } from "../factories/licensing";
import { createStatementRun } from "../factories/statements";
import { createWork, uniqueIsbn } from "../factories/works";

export const params = (id: string) => ({ params: Promise.resolve({ id }) });
export const UNKNOWN_ID = "00000000-0000-7000-8000-000000000000";

/** Fills the key's current and next one-minute windows, so every request in the test gets 429. */
async function exhaustRateLimit(apiKeyId: string) {
  const thisMinute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  for (const windowStart of [thisMinute, new Date(thisMinute.getTime() + 60_000)]) {
    await db.$executeRaw`INSERT INTO api_rate_windows ("apiKeyId", "windowStart", count) VALUES (${apiKeyId}::uuid, ${windowStart}, 1000000)
      ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET count = 1000000`;
  }
}

export async function createContractWorld() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const rightsholderId = rightsholder.organization.id;
  await db.rightsholderProfile.update({ where: { organizationId: rightsholderId }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const isbn = uniqueIsbn();
  const work = await createWork(rightsholderId, { isbn, title: "Contract Test Atlas" });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const licenseeId = licensee.organization.id;
  await createActiveGrant(licenseeId, { startsOn: "2026-01-15", endsOn: "2027-01-15" });

  const rhKey = (scopes: ApiScope[]) => createTestApiKey(rightsholder.owner.actor, rightsholderId, scopes);
  const licKey = (scopes: ApiScope[]) => createTestApiKey(licensee.owner.actor, licenseeId, scopes);
  const keys = {
    rightsholder: await rhKey(["works:read", "works:write", "statements:read"]),
    licensee: await licKey(["coverage:read", "usage:write", "usage:read"]),
    rightsholderLimited: await rhKey(["works:read", "works:write", "statements:read"]),
    licenseeLimited: await licKey(["coverage:read", "usage:write", "usage:read"]),
  };
  await exhaustRateLimit(keys.rightsholderLimited.id);
  await exhaustRateLimit(keys.licenseeLimited.id);
  const worksOnly = (await rhKey(["works:read", "works:write"])).secret;
  const statementsOnly = (await rhKey(["statements:read"])).secret;
  const coverageOnly = (await licKey(["coverage:read"])).secret;
  const usageOnly = (await licKey(["usage:write", "usage:read"])).secret;
  /** A key of the right kind of organisation without this scope. */
  const withoutScope: Record<ApiScope, string> = {
    "works:read": statementsOnly,
    "works:write": statementsOnly,
    "statements:read": worksOnly,
    "coverage:read": usageOnly,
    "usage:write": coverageOnly,
    "usage:read": coverageOnly,
  };

  const { statements } = await createStatementRun({
    quarter: (await uniquePastQuarter()).code,
    statements: [{ rightsholderId, lines: [{ workId: work.id, title: work.title, allocations: [{ licenseeOrganizationId: licenseeId, units: 1200n, amountCents: 85_000n, adminFeeCents: 15_000n }] }] }],
  });
  return { rightsholderId, licenseeId, isbn, work, keys, withoutScope, statementId: statements[0]!.id };
}

export type ContractWorld = Awaited<ReturnType<typeof createContractWorld>>;

/** One representative request per documented operation ("get /api/v1/works"), sent with the key given. */
export function operationCalls(w: ContractWorld): Record<string, (key?: string) => Promise<Response>> {
  const get = (path: string, key?: string) => apiRequest(path, { key });
  return {
    "get /api/v1/works": (key) => listWorks(get("/api/v1/works", key)),
    "post /api/v1/works": (key) => enrollWorks(apiRequest("/api/v1/works", { key, body: { title: "Refused anyway", identifiers: [uniqueIsbn()] } })),
    "get /api/v1/statements": (key) => listStatements(get("/api/v1/statements", key)),
    "get /api/v1/statements/{id}": (key) => getStatement(get(`/api/v1/statements/${w.statementId}`, key), params(w.statementId)),
    "get /api/v1/coverage": (key) => checkCoverage(get(`/api/v1/coverage?identifier=${w.isbn}&purpose=TRAIN`, key)),
    "post /api/v1/coverage/bulk": (key) => startCoverageCheck(apiRequest("/api/v1/coverage/bulk", { key, body: { identifiers: [w.isbn], purpose: "TRAIN" } })),
    "get /api/v1/coverage/bulk": (key) => listCoverageChecks(get("/api/v1/coverage/bulk", key)),
    "get /api/v1/coverage/bulk/{id}": (key) => getCoverageCheck(get(`/api/v1/coverage/bulk/${UNKNOWN_ID}`, key), params(UNKNOWN_ID)),
    "get /api/v1/coverage/bulk/{id}/result": (key) => getCoverageCheckResult(get(`/api/v1/coverage/bulk/${UNKNOWN_ID}/result`, key), params(UNKNOWN_ID)),
    "post /api/v1/usage-reports": (key) => submitUsageReport(apiRequest("/api/v1/usage-reports", { key, body: { quarter: "2026Q3", lines: [{ identifier: w.isbn, purpose: "TRAIN", units: 1 }] } })),
    "get /api/v1/usage-reports": (key) => listUsageReports(get("/api/v1/usage-reports", key)),
    "get /api/v1/usage-reports/{id}": (key) => getUsageReport(get(`/api/v1/usage-reports/${UNKNOWN_ID}`, key), params(UNKNOWN_ID)),
    "get /api/v1/license-terms": () => getLicenseTerms(),
  };
}
