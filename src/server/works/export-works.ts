import "server-only";
import { todayUtc } from "@/lib/works/work-input";
import { WORKS_CSV_HEADER, workCsvLine, type ExportedWork } from "@/lib/works/works-csv";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { identifiersOfWorks, interpretSearch, selectWorksPage } from "./works-list-sql";
import type { WorksCursor, WorksFilters } from "./works.schema";

export const EXPORT_BATCH_SIZE = 2_000;

/**
 * Every work matching the list's filters as CSV, produced batch by batch along the same keyset
 * order as the list: memory holds one batch, however large the repertoire. Access is checked
 * here, before the first byte, so a refusal is an HTTP status and not a broken download.
 */
export async function exportWorksCsv(
  actor: Actor | null,
  organizationId: string,
  filters: WorksFilters,
  options: { batchSize?: number } = {},
): Promise<AsyncIterable<string>> {
  authorize(can.readWorks(actor, organizationId));
  const search = interpretSearch(filters.q);
  const today = todayUtc();
  const batchSize = Math.max(1, options.batchSize ?? EXPORT_BATCH_SIZE);
  return (async function* lines() {
    yield WORKS_CSV_HEADER;
    let cursor: WorksCursor | null = null;
    for (;;) {
      const { rows, hasMore } = await selectWorksPage(organizationId, filters, search, today, cursor, batchSize);
      const identifiers = await identifiersOfWorks(rows.map((r) => r.id));
      let chunk = "";
      for (const row of rows) chunk += workCsvLine({ ...row, identifiers: identifiers.get(row.id) ?? [] } as ExportedWork);
      if (chunk) yield chunk;
      const last = rows.at(-1);
      if (!hasMore || !last) return;
      cursor = { direction: "after", id: last.id, title: last.normalizedTitle, year: last.publicationYear };
    }
  })();
}
