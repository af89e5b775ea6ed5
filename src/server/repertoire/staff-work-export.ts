import "server-only";
import { csvLine, CSV_BOM } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { CANDIDATE_CAP, planStaffSearch, staffWorkBrowseSql, staffWorkSearchSql } from "./staff-work-search-sql";
import { ZStaffWorkQuery, type TStaffWorkQuery } from "./staff-work-search.schema";

// The staff search as CSV: a search's whole ranked set (identifier and title hits first), or, when
// browsing by filters, the filtered works newest first in keyset batches, up to EXPORT_CAP.

export const EXPORT_CAP = 100_000;
const BATCH = 1000;

type Row = {
  id: number; title: string; contributors: string[]; publisher: string | null; type: string; status: string; purposes: string[];
  publicationYear: number | null; mergedIntoId: number | null; rightsholderId: string; rightsholderName: string;
  identifiers: { type: string; value: string }[];
};

const HEADER = CSV_BOM + csvLine(["id", "status", "merged_into", "rightsholder", "rightsholder_id", "title", "contributors", "type", "publication_year", "publisher", "purposes", "identifiers"]);

const line = (r: Row) => csvLine([
  r.id, r.status, r.mergedIntoId, r.rightsholderName, r.rightsholderId, r.title, r.contributors.join("; "), r.type, r.publicationYear, r.publisher,
  r.purposes.join(";"), r.identifiers.map((i) => `${i.type}:${i.value}`).join(";"),
]);

/** Staff (both roles): the CSV lines of a search or a filtered list, checked before the first line. */
export async function exportWorksForStaffCsv(actor: Actor | null, rawQuery: TStaffWorkQuery = {}): Promise<AsyncIterable<string>> {
  authorize(can.readStaffArea(actor), "Only staff export the repertoire.");
  const query = ZStaffWorkQuery.parse(rawQuery);
  const plan = planStaffSearch(query.q);
  const isSearch = plan.words.length > 0 || plan.identifiers.length > 0;
  return (async function* lines() {
    yield HEADER;
    if (isSearch) {
      const sql = staffWorkSearchSql(plan, query, 0, CANDIDATE_CAP + 100);
      for (const row of await db.$queryRawUnsafe<Row[]>(sql.text, ...sql.values)) yield line(row);
      return;
    }
    let after: number | null = null;
    for (let written = 0; written < EXPORT_CAP; written += BATCH) {
      const sql = staffWorkBrowseSql(query, after, BATCH - 1);
      const rows = await db.$queryRawUnsafe<Row[]>(sql.text, ...sql.values);
      if (rows.length === 0) return;
      yield rows.map(line).join("");
      if (rows.length < BATCH) return;
      after = rows.at(-1)!.id;
    }
  })();
}
