import "server-only";
import pg from "pg";
import { CSV_BOM, csvLine } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { HTTP_STATUS, isAppError, notFound } from "../errors";
import { csvDownloadResponse } from "../http/csv-download";
import { pgPool } from "../pg";
import { copyRowsOut, parseCopyRow } from "../pg-copy";
import { isUuid } from "@/lib/uuid";

// A run's tables as CSV for staff: statements, allocations (up to a million rows), payouts, and
// the external co-owners' shares staff pay by hand. Each is one COPY (query) TO STDOUT read as it
// streams and written out chunk by chunk, so memory holds one chunk however large the run. Money
// is integer cents, as everywhere. Access and the run are checked before the first byte.

export const RUN_EXPORT_KINDS = ["statements", "allocations", "payouts", "external-payees"] as const;
export type RunExportKind = (typeof RUN_EXPORT_KINDS)[number];

const FIRST_IDENTIFIER_ORDER = `array_position(ARRAY['ISBN13', 'ISSN', 'DOI', 'URL']::"IdentifierType"[], i.type), i.id`;
const isoTime = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Each work's first identifier (as on statement lines), for the works `workIds` selects. */
const identifiersOf = (workIds: string) => `ident AS (
  SELECT DISTINCT ON (i."workId") i."workId", i.value FROM work_identifiers i
   WHERE i."workId" IN (${workIds}) ORDER BY i."workId", ${FIRST_IDENTIFIER_ORDER})`;

/** `run` is the run id as an SQL literal (COPY takes no parameters; the id is a checked UUID). */
const EXPORTS: Record<RunExportKind, { columns: string[]; query: (run: string) => string }> = {
  statements: {
    columns: ["statement_id", "rightsholder_id", "rightsholder", "carried_in_cents", "allocated_cents", "gross_cents", "admin_fee_cents", "held_cents",
      "withholding_bps", "withheld_cents", "paid_cents", "carried_out_cents", "threshold_cents", "payout_status", "payout_blocked_reason", "lines"],
    query: (run) => `
      WITH l AS (SELECT "statementId", COUNT(*) AS lines FROM statement_lines WHERE "statementId" IN (SELECT id FROM statements WHERE "runId" = ${run}) GROUP BY 1)
      SELECT s.id, s."rightsholderId", o.name, s."carriedInCents", s."allocatedCents", s."grossCents", s."adminFeeCents", s."heldCents", s."withholdingBps",
             s."withheldCents", s."paidCents", s."carriedOutCents", s."thresholdCents", p.status, s."payoutBlockedReason", COALESCE(l.lines, 0)
        FROM statements s JOIN organizations o ON o.id = s."rightsholderId"
        LEFT JOIN payouts p ON p."statementId" = s.id LEFT JOIN l ON l."statementId" = s.id
       WHERE s."runId" = ${run} ORDER BY o.name, s.id`,
  },
  allocations: {
    columns: ["allocation_id", "work_id", "identifier", "title", "work_rightsholder", "source", "licensee_id", "licensee", "units", "amount_cents",
      "admin_fee_cents", "gross_cents", "is_held", "released_in_run_id"],
    query: (run) => `
      WITH ${identifiersOf(`SELECT "workId" FROM allocations WHERE "runId" = ${run}`)}
      SELECT a.id, a."workId", ident.value, w.title, rh.name, a.source, a."licenseeOrganizationId", li.name, a.units, a."amountCents", a."adminFeeCents",
             a."amountCents" + a."adminFeeCents", CASE WHEN a."isHeld" THEN 'true' ELSE 'false' END, a."releasedInRunId"
        FROM allocations a JOIN works w ON w.id = a."workId" JOIN organizations rh ON rh.id = w."rightsholderId"
        LEFT JOIN organizations li ON li.id = a."licenseeOrganizationId" LEFT JOIN ident ON ident."workId" = a."workId"
       WHERE a."runId" = ${run} ORDER BY a.id`,
  },
  payouts: {
    columns: ["payout_id", "statement_id", "rightsholder_id", "rightsholder", "amount_cents", "currency", "status", "attempts", "stripe_account_id",
      "stripe_transfer_id", "idempotency_key", "paid_at", "last_error"],
    query: (run) => `
      SELECT p.id, p."statementId", p."rightsholderId", o.name, p."amountCents", p.currency, p.status, p.attempts, p."stripeAccountId",
             p."stripeTransferId", p."idempotencyKey", ${isoTime(`p."paidAt"`)}, p."lastError"
        FROM payouts p JOIN organizations o ON o.id = p."rightsholderId"
       WHERE p."runId" = ${run} ORDER BY o.name, p.id`,
  },
  "external-payees": {
    columns: ["share_id", "work_id", "identifier", "title", "work_rightsholder", "payee_name", "payee_email", "share_bps", "amount_cents"],
    query: (run) => `
      WITH ${identifiersOf(`SELECT "workId" FROM external_payee_shares WHERE "runId" = ${run}`)}
      SELECT e.id, e."workId", ident.value, w.title, rh.name, e."payeeName", e."payeeEmail", e."shareBps", e."amountCents"
        FROM external_payee_shares e JOIN works w ON w.id = e."workId" JOIN organizations rh ON rh.id = w."rightsholderId"
        LEFT JOIN ident ON ident."workId" = e."workId"
       WHERE e."runId" = ${run} ORDER BY e."payeeName", e.id`,
  },
};

/** One of the run's tables as CSV lines (a header, then chunks of rows as COPY delivers them). */
export async function exportDistributionRunCsv(actor: Actor | null, runId: string, kind: RunExportKind): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  authorize(can.readDistributionRuns(actor), "Only staff can download distribution exports.");
  const spec = EXPORTS[kind];
  if (!spec) throw notFound("That export");
  const run = isUuid(runId) ? await db.distributionRun.findUnique({ where: { id: runId }, select: { id: true, quarter: true } }) : null;
  if (!run) throw notFound("That distribution run");
  return { fileName: `distribution-${run.quarter}-${kind}.csv`, lines: copyAsCsv(spec.columns, spec.query(pg.escapeLiteral(run.id))) };
}

async function* copyAsCsv(columns: string[], query: string): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(columns);
  const client = await pgPool().connect();
  let isComplete = false;
  try {
    for await (const rows of copyRowsOut(client, `COPY (${query}) TO STDOUT`)) {
      let chunk = "";
      // csvLine quotes what needs it and defuses cells that start like a formula (a title "=…").
      for (const row of rows) chunk += csvLine(parseCopyRow(row));
      yield chunk;
    }
    isComplete = true;
  } finally {
    // A download abandoned mid-COPY leaves the connection inside the COPY: close it, don't pool it.
    client.release(isComplete ? undefined : true);
  }
}

/** GET /api/distribution-runs/[id]/<kind>.csv: the export, or a plain status when refused. */
export async function distributionRunCsvResponse(actor: Actor | null, runId: string, kind: RunExportKind): Promise<Response> {
  if (!actor) return new Response("Sign in to download distribution exports.", { status: 401 });
  try {
    const { fileName, lines } = await exportDistributionRunCsv(actor, runId, kind);
    return csvDownloadResponse(lines, fileName, `Distribution ${kind} export`);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
