import "server-only";
import { CSV_BOM, csvLine } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { HTTP_STATUS, isAppError } from "../errors";
import { csvDownloadResponse } from "../http/csv-download";
import { ZStaffOrganizationsQuery, type TStaffOrganizationsQuery } from "./staff-organizations.schema";
import { organizationRows, organizationsWhere } from "./staff-organizations.queries";

// The staff organisations list as CSV, with the filters of the page (not just its page): read
// 500 rows at a time on a keyset of (name, id), so memory holds one batch however many match.

const BATCH = 500;
const COLUMNS = [
  "organization_id", "kind", "name", "legal_name", "country", "state", "participation_status", "suspend_reason",
  "members", "active_grants", "works", "open_disputes", "created_at",
];

export async function exportOrganizationsCsv(actor: Actor | null, rawQuery: TStaffOrganizationsQuery = {}) {
  authorize(can.readStaffArea(actor), "Only staff can download the organisations list.");
  const query = ZStaffOrganizationsQuery.parse(rawQuery);
  const where = organizationsWhere(query);
  async function* lines(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(COLUMNS);
    let after: { name: string; id: string } | undefined;
    for (;;) {
      const rows = await organizationRows(where, { take: BATCH, after });
      if (rows.length === 0) return;
      let chunk = "";
      for (const o of rows) {
        chunk += csvLine([
          o.id, o.kind, o.name, o.legalName, o.country, o.isSuspended ? "SUSPENDED" : "ACTIVE", o.participationStatus, o.suspendReason,
          o.counts.members, o.counts.activeGrants, o.counts.works, o.counts.openDisputes, o.createdAt.toISOString(),
        ]);
      }
      yield chunk;
      if (rows.length < BATCH) return;
      const last = rows.at(-1)!;
      after = { name: last.name, id: last.id };
    }
  }
  return { fileName: `organizations-${new Date().toISOString().slice(0, 10)}.csv`, lines: lines() };
}

/** GET /staff/organizations/export.csv: the export, or a plain status when refused. */
export async function organizationsCsvResponse(actor: Actor | null, searchParams: URLSearchParams): Promise<Response> {
  if (!actor) return new Response("Sign in to download the organisations list.", { status: 401 });
  try {
    const { fileName, lines } = await exportOrganizationsCsv(actor, {
      q: searchParams.get("q") ?? undefined, kind: searchParams.get("kind") ?? undefined, state: searchParams.get("state") ?? undefined,
    });
    return csvDownloadResponse(lines, fileName, "Organisations export");
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
