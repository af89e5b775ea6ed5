// Demo usage for the report and queue pages: Northwind's report for the current quarter, as the
// processing job would leave it. Written straight through Prisma (demo data, no file to parse);
// eligibility is decided by the real rule. Two lines stay unmatched for the staff queue: a title
// written without its apostrophe (a different normalised title, so no title match) and an ISBN
// that no enrolled work has. Called by seed.ts on an empty database only.
import { isbn13CheckDigit, issnCheckDigit } from "../src/lib/identifiers";
import { normalizeTitle } from "../src/lib/titles";
import { quarterOf } from "../src/lib/usage/quarters";
import { todayUtc } from "../src/lib/works/work-input";

type DemoLine = {
  rawIdentifier?: string;
  identifier?: { type: "ISBN13" | "ISSN" | "DOI"; value: string };
  rawTitle?: string;
  rawYear?: number;
  purpose: "TRAIN" | "FINE_TUNE" | "RAG";
  units: bigint;
};

const isbn = (first12: string) => first12 + isbn13CheckDigit(first12);
const issn = `2049363${issnCheckDigit("2049363")}`;
const hyphenated = (v: string) => `${v.slice(0, 3)}-${v.slice(3, 4)}-${v.slice(4, 9)}-${v.slice(9, 12)}-${v.slice(12)}`;
/** Not in the seed: the demo works use 978190000000–007 and 978190000100–102. */
const UNKNOWN_ISBN = isbn("978190000555");

const MATCHED: DemoLine[] = [
  { rawIdentifier: hyphenated(isbn("978190000001")), identifier: { type: "ISBN13", value: isbn("978190000001") }, rawTitle: "A Short History of Tides", purpose: "TRAIN", units: 1_200_000n },
  { rawIdentifier: isbn("978190000002"), identifier: { type: "ISBN13", value: isbn("978190000002") }, rawTitle: "Soil, Salt and Rain", purpose: "FINE_TUNE", units: 450_000n },
  { rawIdentifier: `ISSN ${issn.slice(0, 4)}-${issn.slice(4)}`, identifier: { type: "ISSN", value: issn }, rawTitle: "Northern Coastal Studies", purpose: "TRAIN", units: 80_000n },
  // The article permits training and fine-tuning only: retrieval makes this line ineligible.
  { rawIdentifier: "doi:10.5555/HLP.NCS.2022.0147", identifier: { type: "DOI", value: "10.5555/hlp.ncs.2022.0147" }, rawTitle: "Tidal Patterns in Estuarine Sediments", purpose: "RAG", units: 36_000n },
];

const UNMATCHED: DemoLine[] = [
  { rawTitle: "The Cartographers Daughter", rawYear: 2019, purpose: "TRAIN", units: 640_000n },
  { rawIdentifier: hyphenated(UNKNOWN_ISBN), identifier: { type: "ISBN13", value: UNKNOWN_ISBN }, rawTitle: "Voices of the Estuary", rawYear: 2020, purpose: "FINE_TUNE", units: 95_000n },
];

export async function seedUsageReport(organizationId: string, submittedById: string) {
  const { db } = await import("../src/server/db");
  const { recomputeEligibility } = await import("../src/server/usage/eligibility-sql");
  const quarter = quarterOf(todayUtc()).code;
  const lines = [...MATCHED, ...UNMATCHED];
  await db.$transaction(async (tx) => {
    const report = await tx.usageReport.create({
      data: {
        organizationId, quarter, source: "FILE", status: "PROCESSED", fileName: `northwind-usage-${quarter}.csv`, submittedById,
        totalLines: lines.length, acceptedLines: lines.length, processedLines: lines.length, percent: 100, processedAt: new Date(),
      },
    });
    const rows = [];
    for (const [index, line] of lines.entries()) {
      const work = line.identifier && MATCHED.includes(line)
        ? await tx.workIdentifier.findUniqueOrThrow({ where: { type_value: line.identifier }, select: { workId: true } })
        : null;
      rows.push({
        reportId: report.id, lineNumber: index + 1, rawIdentifier: line.rawIdentifier ?? null, rawTitle: line.rawTitle ?? null, rawYear: line.rawYear ?? null,
        purpose: line.purpose, units: line.units, identifierType: line.identifier?.type ?? null, normalizedIdentifier: line.identifier?.value ?? null,
        normalizedTitle: line.rawTitle ? normalizeTitle(line.rawTitle) : null,
        matchStatus: work ? "MATCHED" as const : "UNMATCHED" as const, matchMethod: work ? "IDENTIFIER" as const : null, workId: work?.workId ?? null,
      });
    }
    await tx.usageLine.createMany({ data: rows });
    const created = await tx.usageLine.findMany({ where: { reportId: report.id }, select: { id: true } });
    await recomputeEligibility(tx, created.map((l) => l.id));
  });
}
