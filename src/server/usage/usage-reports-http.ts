import "server-only";
import type { UserActor } from "../auth/actor";
import { currentMembership } from "../auth/current-organization";
import { AppError } from "../errors";
import { csvDownloadResponse } from "../http/csv-download";
import { headerFileName, uploadBody } from "../coverage/coverage-checks-http";
import { importsErrorResponse } from "../imports/imports-http";
import { csvLine, CSV_BOM } from "@/lib/works/works-csv";
import { startUsageReport } from "./start-usage-report";
import { getUsageReport, listUsageLineErrors } from "./usage-reports.queries";

// The browser routes of /api/usage-reports, minus Next: the session's actor comes in, JSON (or a
// file) goes out. The organisation is always the actor's own licensee membership.

const WHERE = "/api/usage-reports";
const NO_STORE = { "Cache-Control": "no-store" };

function licenseeOf(actor: UserActor | null): { organizationId: string } | Response {
  if (!actor) return importsErrorResponse(new AppError("UNAUTHENTICATED", "Sign in to report usage."));
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) return importsErrorResponse(new AppError("FORBIDDEN", "Only members of a licensee can report its usage."));
  return { organizationId: membership.organizationId };
}

/** POST /api/usage-reports?quarter=2026Q3: the raw body is the CSV file, its name in X-File-Name. */
export async function uploadUsageReportResponse(actor: UserActor | null, request: Request): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  try {
    const started = await startUsageReport(actor, { organizationId: licensee.organizationId, quarter: new URL(request.url).searchParams.get("quarter") ?? "", fileName: headerFileName(request), ...uploadBody(request) });
    return Response.json({ report: started }, { status: 201, headers: NO_STORE });
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}

/** GET /api/usage-reports/[id]: what the report page polls while the job works. */
export async function usageReportProgressResponse(actor: UserActor | null, reportId: string): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  try {
    const r = await getUsageReport(actor, { organizationId: licensee.organizationId, reportId, withSummary: false });
    return Response.json({ id: r.id, status: r.status, percent: r.percent, errorMessage: r.errorMessage }, { headers: NO_STORE });
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}

/** GET /api/usage-reports/[id]/errors: the refused lines as CSV, to fix and upload again. */
export async function usageErrorsCsvResponse(actor: UserActor | null, reportId: string): Promise<Response> {
  const licensee = licenseeOf(actor);
  if (licensee instanceof Response) return licensee;
  try {
    const report = await getUsageReport(actor, { organizationId: licensee.organizationId, reportId, withSummary: false });
    const errors = await listUsageLineErrors(actor, { organizationId: licensee.organizationId, reportId, take: 100_000 });
    async function* lines() {
      yield `${CSV_BOM}line,reason,line_as_written\r\n`;
      for (const e of errors) yield csvLine([e.lineNumber, e.reason, e.rawLine]);
    }
    return csvDownloadResponse(lines(), `usage-${report.quarter}-errors.csv`, "Usage errors CSV");
  } catch (error) {
    return importsErrorResponse(error, WHERE);
  }
}
