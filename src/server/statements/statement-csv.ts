import "server-only";
import { CSV_BOM, csvLine } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { allStatementLines } from "./statement-lines-page";
import { loadVisibleStatement, statementLineTotals } from "./statements.queries";

// A statement as CSV: one row per line with the page's columns (money in integer cents, as every
// file of the portal), then, after a blank row, the summary as `item,value` rows. Cells that a
// spreadsheet would run as a formula are neutralised by csvLine (src/lib/works/works-csv.ts).

export const STATEMENT_CSV_COLUMNS = [
  "identifier", "title", "licensees_counted", "units", "gross_cents", "admin_fee_share_cents", "withholding_cents", "net_cents", "share_bps",
] as const;

export function fileSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "statement";
}

/** The statement's CSV, streamed batch by batch; access is checked before the first byte. */
export async function statementCsv(actor: Actor | null, statementId: string): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  const statement = await loadVisibleStatement(actor, statementId);
  const totals = await statementLineTotals(statement.id);
  const summary: [string, string | bigint | number][] = [
    ["rightsholder", statement.rightsholder.rightsholderProfile?.legalName ?? statement.rightsholder.name],
    ["quarter", statement.run.quarter],
    ["lines", totals.lineCount],
    ["carried_in_cents", statement.carriedInCents],
    ["gross_cents", statement.grossCents],
    ["admin_fee_cents", statement.adminFeeCents],
    ["allocated_cents", statement.allocatedCents],
    ["withheld_on_lines_cents", totals.withholdingCents],
    ["withheld_on_carried_in_cents", statement.withheldCents - totals.withholdingCents],
    ["withheld_cents", statement.withheldCents],
    ["paid_cents", statement.paidCents],
    ["carried_out_cents", statement.carriedOutCents],
    ["threshold_cents", statement.thresholdCents],
    ["withholding_bps", statement.withholdingBps],
    ["held_for_disputes_cents", statement.heldCents],
  ];
  async function* lines() {
    yield CSV_BOM + csvLine([...STATEMENT_CSV_COLUMNS]);
    for await (const batch of allStatementLines(statement.id)) {
      let chunk = "";
      for (const l of batch) {
        chunk += csvLine([l.identifier, l.title, l.licenseesCounted, l.units.toString(), l.grossCents.toString(), l.adminFeeShareCents.toString(), l.withholdingCents.toString(), l.netCents.toString(), l.shareBps]);
      }
      yield chunk;
    }
    yield "\r\n" + csvLine(["summary", "value"]) + summary.map(([item, value]) => csvLine([item, String(value)])).join("");
  }
  return { fileName: `statement-${statement.run.quarter}-${fileSlug(statement.rightsholder.name)}.csv`, lines: lines() };
}
