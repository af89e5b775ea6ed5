// Usage over the four closed quarters: a processed report per licensee per quarter in which it
// held a license (nine in ten report; a few skip a quarter), its lines spread by the licensee's
// size, as the usage.process job leaves them — matched by identifier and summed per work and
// purpose, or unmatched (unknown ISBNs, title-only lines) for the staff queue. Eligibility comes
// from the project's own rule (usage/eligibility-sql.ts `ineligibleReasonSql`), written once per
// group of reports licensed over the same days of their quarter.
import type pg from "pg";
import type { Quarter } from "../../src/lib/usage/quarters";
import { LICENSEE_USER, isbn13, pick, runner, u, unknownIsbnFirst12 } from "./sql";
import { addDays } from "./scale";

type Window = { startsOn: string; endsOn: string };
type ReportPlan = { id: string; organizationId: string; n: number; quarter: Quarter; lines: number; firstLine: number; windows: Window[] };

export type UsageFacts = { reports: number; inputLines: number; storedLines: number; unmatchedLines: number; eligibleLines: number };

/** Which licensees report which quarter, and how many input lines each report has. */
async function planReports(licensees: { n: number; id: string; employees: number }[], quarters: Quarter[], totalLines: number,
  windowsOf: (organizationId: string, quarter: Quarter) => Promise<Window[]>): Promise<ReportPlan[]> {
  const candidates: (Omit<ReportPlan, "lines" | "firstLine"> & { weight: number })[] = [];
  for (const [qi, quarter] of quarters.entries()) {
    const windows = await Promise.all(licensees.map((l) => windowsOf(l.id, quarter)));
    licensees.forEach((l, i) => {
      const w = windows[i]!;
      const skips = l.n !== 1 && (l.n * 31 + qi * 17) % 100 < 8;
      if (w.length === 0 || skips) return;
      const days = w.reduce((sum, x) => sum + (Date.parse(x.endsOn) - Date.parse(x.startsOn)) / 86_400_000, 0);
      const spread = 0.5 + (((l.n * 2654435761 + qi * 97) >>> 0) % 1000) / 1000;
      candidates.push({ id: crypto.randomUUID(), organizationId: l.id, n: l.n, quarter, windows: w, weight: Math.pow(l.employees, 0.6) * spread * (days / 91) });
    });
  }
  const total = candidates.reduce((sum, c) => sum + c.weight, 0);
  let next = 0;
  return candidates.map((c) => {
    const lines = Math.max(1, Math.round((totalLines * c.weight) / total));
    const plan = { ...c, lines, firstLine: next };
    next += lines;
    return plan;
  });
}

export async function seedUsage(client: pg.ClientBase, input: {
  licensees: { n: number; id: string; employees: number }[]; quarters: Quarter[]; totalLines: number; works: { firstId: number; count: number };
  windowsOf: (organizationId: string, quarter: Quarter) => Promise<Window[]>;
  ineligibleReasonSql: (windows: Window[], o: { purpose: string; w: string; rp: string }) => string;
}): Promise<UsageFacts> {
  const run = runner(client);
  const plans = await planReports(input.licensees, input.quarters, input.totalLines, input.windowsOf);
  const rows = plans.map((p) => ({
    id: p.id, organizationId: p.organizationId, n: p.n, quarter: p.quarter.code, lines: p.lines, firstLine: p.firstLine,
    processedAt: `${addDays(p.quarter.endsOn, 3 + (p.n % 20))}T09:00:00Z`, source: p.n % 4 === 0 ? "API" : "FILE",
  }));
  await run(`CREATE TEMP TABLE report_plan AS SELECT * FROM json_to_recordset($1::json)
               AS r(id uuid, "organizationId" uuid, n int, quarter text, lines int, "firstLine" int, "processedAt" timestamp, source text)`, [JSON.stringify(rows)]);
  await run(`INSERT INTO usage_reports (id, "organizationId", quarter, source, status, "fileName", "submittedById", "submittedAt", "processedAt", "totalLines", "acceptedLines", "processedLines", percent)
             SELECT r.id, r."organizationId", r.quarter, r.source::"UsageReportSource", 'PROCESSED', CASE WHEN r.source = 'FILE' THEN 'usage-' || r.quarter || '.csv' END,
                    ${LICENSEE_USER("r.n")}, r."processedAt" - interval '10 minutes', r."processedAt", r.lines, r.lines, r.lines, 100
               FROM report_plan r ORDER BY r."processedAt"`);

  // The input lines: a few in a hundred unmatched, the rest on works skewed towards the big catalogues.
  const W = input.works.count;
  await run(`CREATE TEMP TABLE raw_lines AS
             SELECT r.id AS report_id, j, ${pick("j * 7", 1000)} AS kind,
                    ${input.works.firstId} + floor(${W} * power(${u("j * 13")}, 1.6))::int AS work_id,
                    (CASE WHEN ${pick("j * 17", 20)} < 12 THEN 'TRAIN' WHEN ${pick("j * 17", 20)} < 17 THEN 'FINE_TUNE' ELSE 'RAG' END) AS purpose,
                    (1 + floor(exp(${u("j * 19")} * 14)) * CASE WHEN j % 50 = 0 THEN 100 ELSE 1 END)::bigint AS units
               FROM report_plan r, generate_series(r."firstLine", r."firstLine" + r.lines - 1) j`);
  // One identifier per work to report it by (its first), as licensees report what they hold.
  await run(`CREATE TEMP TABLE ident AS SELECT DISTINCT ON ("workId") "workId" AS work_id, type, value FROM work_identifiers ORDER BY "workId", id`);
  await run(`CREATE UNIQUE INDEX ON ident (work_id)`);
  await run(`ANALYZE ident`);
  // Matched lines summed per work and purpose (as the job sums repeats); unmatched ones stay one per input line.
  await run(`CREATE TEMP TABLE lines AS
             SELECT x.*, row_number() OVER (PARTITION BY x.report_id ORDER BY x.first_j)::int AS line_number FROM (
               SELECT report_id, min(j) AS first_j, work_id, purpose, sum(units)::bigint AS units, count(*)::int AS merged, false AS unmatched
                 FROM raw_lines WHERE kind >= 20 GROUP BY report_id, work_id, purpose
               UNION ALL
               SELECT report_id, j, NULL, purpose, units, 1, true FROM raw_lines WHERE kind < 20) x`);
  await run(`DROP TABLE raw_lines`);
  await run(`CREATE INDEX ON lines (report_id)`);
  // Temporary tables get no statistics of their own: without them each group's INSERT below was
  // planned as if \`lines\` were empty (5 minutes at 1M lines instead of seconds).
  await run(`ANALYZE lines`);
  await run(`ANALYZE report_plan`);

  const groups = new Map<string, { windows: Window[]; reportIds: string[] }>();
  for (const p of plans) {
    const key = JSON.stringify(p.windows);
    const group = groups.get(key) ?? { windows: p.windows, reportIds: [] };
    group.reportIds.push(p.id);
    groups.set(key, group);
  }
  const hyphenated = (v: string) => `substr(${v}, 1, 3) || '-' || substr(${v}, 4, 1) || '-' || substr(${v}, 5, 5) || '-' || substr(${v}, 10, 3) || '-' || substr(${v}, 13)`;
  for (const group of groups.values()) {
    const reason = input.ineligibleReasonSql(group.windows, { purpose: `l.purpose::"Purpose"`, w: "w", rp: "rp" });
    await run(
      `INSERT INTO usage_lines ("reportId", "lineNumber", "rawIdentifier", "rawTitle", "rawYear", purpose, units, "identifierType", "normalizedIdentifier",
                                "normalizedTitle", "matchStatus", "matchMethod", "workId", eligibility, "ineligibleReason", "mergedLineCount")
       SELECT l.report_id, l.line_number, x.raw, x.title, x.year, l.purpose::"Purpose", l.units, x.type::"IdentifierType", x.value,
              lower(trim(regexp_replace(x.title, '[^A-Za-z0-9]+', ' ', 'g'))),
              (CASE WHEN l.unmatched THEN 'UNMATCHED' ELSE 'MATCHED' END)::"MatchStatus", CASE WHEN NOT l.unmatched THEN 'IDENTIFIER'::"MatchMethod" END,
              l.work_id, (CASE WHEN l.unmatched THEN 'PENDING' WHEN e.reason IS NULL THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END)::"Eligibility", e.reason, l.merged
         FROM lines l
         LEFT JOIN works w ON w.id = l.work_id
         LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
         LEFT JOIN ident i ON i.work_id = l.work_id,
         LATERAL (SELECT CASE WHEN l.unmatched THEN NULL ELSE ${reason} END AS reason) e,
         LATERAL (SELECT CASE WHEN NOT l.unmatched THEN i.type::text WHEN l.first_j % 4 <> 0 THEN 'ISBN13' END AS type,
                         CASE WHEN NOT l.unmatched THEN i.value WHEN l.first_j % 4 <> 0 THEN ${isbn13(unknownIsbnFirst12("l.first_j"))} END AS value,
                         CASE WHEN NOT l.unmatched THEN w.title ELSE 'Untitled manuscript ' || l.first_j END AS title,
                         CASE WHEN NOT l.unmatched THEN w."publicationYear" ELSE 2000 + l.first_j % 25 END AS year) v0,
         LATERAL (SELECT v0.type, v0.value, v0.title, v0.year,
                         CASE WHEN v0.type = 'ISBN13' AND l.first_j % 3 = 0 THEN ${hyphenated("v0.value")} WHEN v0.type = 'DOI' AND l.first_j % 2 = 0 THEN 'doi:' || v0.value ELSE v0.value END AS raw) x
        WHERE l.report_id = ANY ($1::uuid[])`,
      [group.reportIds],
    );
  }
  await run(`UPDATE usage_reports r SET "processedLines" = c.input, "acceptedLines" = c.input, "totalLines" = c.input, "summedLines" = c.input - c.stored
               FROM (SELECT report_id, sum(merged)::int AS input, count(*)::int AS stored FROM lines GROUP BY report_id) c WHERE c.report_id = r.id`);
  const facts = (await client.query<{ stored: number; input: number; unmatched: number }>(
    `SELECT count(*)::int AS stored, sum(merged)::int AS input, count(*) FILTER (WHERE unmatched)::int AS unmatched FROM lines`)).rows[0]!;
  const eligible = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_lines l JOIN report_plan r ON r.id = l."reportId" WHERE l.eligibility = 'ELIGIBLE'`)).rows[0]!.n;
  await run(`DROP TABLE lines`);
  return { reports: plans.length, inputLines: facts.input, storedLines: facts.stored, unmatchedLines: facts.unmatched, eligibleLines: eligible };
}

