import "server-only";
import { CSV_BOM, csvLine } from "@/lib/works/works-csv";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError } from "../errors";
import { identifiersOfWorks } from "../works/works-list-sql";

// The licensed sources, for a licensee's public summary of its training content (EU AI Act,
// Article 53(1)(d)): every work in the repertoire today, with its identifiers, rightsholder and
// the purposes it is licensed for (only for licensees that hold or held a license). Produced in id
// order, batch by batch, so memory holds one batch however large the repertoire.

export const SOURCES_BATCH_SIZE = 5_000;

const COLUMNS = ["isbn", "issn", "doi", "url", "title", "contributors", "publisher", "publication_year", "rightsholder", "licensed_purposes", "in_repertoire_since"];

type SourceRow = { id: number; title: string; contributors: string[]; publisher: string | null; publicationYear: number | null; rightsholder: string; purposes: string[]; since: Date };

export async function exportLicensedSources(actor: Actor | null, organizationId: string, options: { batchSize?: number } = {}): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  authorize(can.readLicensee(actor, organizationId));
  const licensed = await db.licenseGrant.count({ where: { organizationId, status: { in: ["ACTIVE", "EXPIRED"] }, startsOn: { not: null }, endsOn: { not: null } } });
  if (licensed === 0) throw new AppError("CONFLICT", "Your organisation has held no license yet, so no sources are licensed to it.");
  const today = todayUtc();
  const batchSize = Math.max(1, options.batchSize ?? SOURCES_BATCH_SIZE);
  async function* lines() {
    yield CSV_BOM + csvLine(COLUMNS);
    let after = 0;
    for (;;) {
      const rows = await db.$queryRaw<SourceRow[]>`
        SELECT w.id, w.title, w.contributors, w.publisher, w."publicationYear", o.name AS rightsholder, w.purposes::text[] AS purposes,
               GREATEST(w."createdAt", p."approvedAt") AS since
          FROM works w
          JOIN organizations o ON o.id = w."rightsholderId"
          JOIN rightsholder_profiles p ON p."organizationId" = w."rightsholderId" AND p.status = 'APPROVED'
         WHERE w.id > ${after} AND w.status = 'ENROLLED' AND (w."excludedFrom" IS NULL OR w."excludedFrom" > ${today}::date)
           -- A work two rightsholders claim is not covered until staff decide (coverage-rule.ts).
           AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.status = 'OPEN' AND (d."workId" = w.id OR d."claimantWorkId" = w.id))
         ORDER BY w.id LIMIT ${batchSize}`;
      if (rows.length === 0) return;
      const identifiers = await identifiersOfWorks(rows.map((r) => r.id));
      let chunk = "";
      for (const row of rows) {
        const ids = identifiers.get(row.id) ?? [];
        const of = (type: string) => ids.filter((i) => i.type === type).map((i) => i.value).join(";");
        chunk += csvLine([of("ISBN13"), of("ISSN"), of("DOI"), of("URL"), row.title, row.contributors.join("; "), row.publisher, row.publicationYear, row.rightsholder, row.purposes.join(";"), row.since.toISOString().slice(0, 10)]);
      }
      yield chunk;
      after = rows.at(-1)!.id;
      if (rows.length < batchSize) return;
    }
  }
  return { fileName: `licensed-sources-${today}.csv`, lines: lines() };
}
