// `npm run bench:usage`: a usage report of 1M lines matched against a 1M-work repertoire by the
// real path (upload use case + usage.process job code: check every line, COPY, match by identifier
// then title and year, sum repeats, judge eligibility, insert usage_lines), against one raw SQL
// matching join doing the matching and summing in the same run (psql \copy + INSERT … SELECT into
// the same table). It checks that both match the same lines and units and exits non-zero if not.
// Writes docs/benchmarks.md and prints the RESULT line last. BENCH_ROWS=100000 for a quicker run;
// KEEP_BENCH_DB=1 keeps the database.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../db/databases";
import { migrateDatabase } from "../db/migrate";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { runPsql } from "./psql";
import { machine, nowUtc, printResult, seconds, tableRow, targetsMet, writeBenchmarkSection } from "./report";
import { seedRepertoire } from "./repertoire";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TARGETS = { seconds: 60, ratio: 3 };
const QUARTER = "2026Q2";
const PURPOSES = ["TRAIN", "FINE_TUNE", "RAG"];
const log = (line: string) => console.log(`[bench:usage] ${line}`);

const isbnOf = (prefix: "978" | "979", i: number) => {
  const first12 = `${prefix}${String(i).padStart(9, "0")}`;
  return first12 + isbn13CheckDigit(first12);
};

/** Lines by ISBN (a third hyphenated), every 10th by title and year, unknown ISBNs, unreadable lines, and repeats. */
async function generateFile(file: string, rows: number, works: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("identifier,title,year,purpose,units\n");
  let buffer = "";
  let previous = { i: 1, purpose: "TRAIN" };
  for (let j = 1; j <= rows; j++) {
    // Every 20th line repeats the line before it (same work and purpose): the report sums them.
    const i = j % 20 === 0 ? previous.i : ((j * 7919) % works) + 1;
    const purpose = j % 20 === 0 ? previous.purpose : PURPOSES[j % 3]!;
    const units = (j % 1000) + 1;
    let line: string;
    if (j % 50 === 1) line = `n/a ${j},,,${purpose},${units}`;
    else if (j % 40 === 1) line = `${isbnOf("978", j)},,,${purpose},${units}`;
    else if (j % 10 === 3) line = `,Bench Work ${i},${1950 + (i % 70)},${purpose},${units}`;
    else if (j % 3 === 0) {
      const isbn = isbnOf("979", i);
      line = `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn.slice(12)},,,${purpose},${units}`;
    } else line = `${isbnOf("979", i)},,,${purpose},${units}`;
    previous = { i, purpose };
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

// The raw baseline: the same matching (identifier, else exact title and year) and summing, in one
// INSERT … SELECT; identifiers normalised by pattern (ISBN digits), unreadable lines left out as
// the project refuses them, and no eligibility judged (it does less than the project).
const RAW_SQL = (file: string, reportId: string) => `
CREATE TEMP TABLE raw_in (line serial, identifier text, title text, year text, purpose text, units text);
\\copy raw_in (identifier, title, year, purpose, units) FROM '${file}' WITH (FORMAT csv, HEADER true)
INSERT INTO usage_lines ("reportId", "lineNumber", "rawIdentifier", "rawTitle", "rawYear", purpose, units, "matchStatus", "workId", "mergedLineCount")
SELECT '${reportId}', min(line), min(identifier), min(title), min(year)::int, purpose::"Purpose", sum(units::bigint),
       (CASE WHEN work_id IS NULL THEN 'UNMATCHED' ELSE 'MATCHED' END)::"MatchStatus", work_id, count(*)
  FROM (SELECT r.*, COALESCE(wi."workId", tw.id) AS work_id, regexp_replace(coalesce(r.identifier, ''), '[^0-9]', '', 'g') AS digits
          FROM raw_in r
          LEFT JOIN work_identifiers wi ON wi.type = 'ISBN13' AND wi.value = regexp_replace(coalesce(r.identifier, ''), '[^0-9]', '', 'g')
          LEFT JOIN works tw ON r.identifier IS NULL AND tw."normalizedTitle" = lower(r.title) AND tw."publicationYear" = r.year::int AND tw.status = 'ENROLLED') x
 WHERE identifier IS NULL OR digits ~ '^[0-9]{13}$'
 GROUP BY purpose, work_id, CASE WHEN work_id IS NULL THEN coalesce(digits, '') || '|' || coalesce(lower(title), '') END;
`;

type Totals = { matchedLines: number; matchedUnits: string; unmatchedLines: number };

async function totals(client: pg.Client, reportId: string): Promise<Totals> {
  const row = (await client.query<{ ml: number; mu: string; ul: number }>(
    `SELECT count(*) FILTER (WHERE "matchStatus" = 'MATCHED')::int AS ml, COALESCE(sum(units) FILTER (WHERE "matchStatus" = 'MATCHED'), 0)::text AS mu,
            count(*) FILTER (WHERE "matchStatus" <> 'MATCHED')::int AS ul FROM usage_lines WHERE "reportId" = $1`,
    [reportId],
  )).rows[0]!;
  return { matchedLines: row.ml, matchedUnits: row.mu, unmatchedLines: row.ul };
}

async function main() {
  const name = `bench_usage_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabaseName(SERVER_URL, name);
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-usage-"));
  const inputFile = path.join(work, "usage-1m.csv");
  log(`database ${name} on ${new URL(SERVER_URL).host}`);
  await createDatabase(SERVER_URL, name);
  try {
    await migrateDatabase(databaseUrl);
    const seedStart = process.hrtime.bigint();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { licenseeId } = await seedRepertoire(client, ROWS);
    await generateFile(inputFile, ROWS, ROWS);
    const fileSize = statSync(inputFile).size;
    log(`seeded ${ROWS.toLocaleString("en-GB")} works and wrote ${ROWS.toLocaleString("en-GB")} usage lines (${(fileSize / 1024 ** 2).toFixed(1)} MB) in ${seconds(seedStart).toFixed(1)} s`);

    const rawReport = (await client.query<{ id: string }>(`INSERT INTO usage_reports (id, "organizationId", quarter, source, status, "isAdjustment") VALUES (gen_random_uuid(), $1, $2, 'FILE', 'PROCESSED', true) RETURNING id`, [licenseeId, QUARTER])).rows[0]!.id;
    const rawStart = process.hrtime.bigint();
    await runPsql(databaseUrl, RAW_SQL(inputFile, rawReport));
    const rawSeconds = seconds(rawStart);
    const raw = await totals(client, rawReport);
    log(`raw: \\copy + one matching INSERT … SELECT = ${rawSeconds.toFixed(2)} s (${raw.matchedLines} matched lines)`);
    // The project's run starts from the same table size the raw one did.
    await client.query(`DELETE FROM usage_lines WHERE "reportId" = $1`, [rawReport]);
    await client.query("VACUUM ANALYZE usage_lines");

    process.env.DATABASE_URL = databaseUrl;
    process.env.IMPORT_STORAGE_DIR = path.join(work, "storage");
    const { db } = await import("../../src/server/db");
    const { pgPool } = await import("../../src/server/pg");
    const { loadUserActor } = await import("../../src/server/auth/load-actor");
    const { startUsageReport } = await import("../../src/server/usage/start-usage-report");
    const { runUsageReport } = await import("../../src/server/usage/run-usage-report");
    const user = await db.user.create({ data: { email: `bench-${process.pid}@example.test`, name: "Bench Runner", passwordHash: "x" } });
    await db.membership.create({ data: { userId: user.id, organizationId: licenseeId, role: "OWNER" } });
    const actor = (await loadUserActor(user.id, user.sessionVersion, null))!;

    const start = process.hrtime.bigint();
    const started = await startUsageReport(actor, { organizationId: licenseeId, quarter: QUARTER, fileName: "usage-1m.csv", body: createReadStream(inputFile, { highWaterMark: 1024 * 1024 }), declaredSize: fileSize });
    const uploadSeconds = seconds(start);
    const outcome = await runUsageReport(started.id);
    const projectSeconds = seconds(start);
    const report = await db.usageReport.findUniqueOrThrow({ where: { id: started.id } });
    const eligibility = await db.usageLine.groupBy({ by: ["eligibility", "ineligibleReason"], where: { reportId: started.id }, _count: { _all: true } });
    await db.$disconnect();
    await pgPool().end();
    const project = await totals(client, started.id);
    await client.end();
    log(`project: upload ${uploadSeconds.toFixed(2)} s + job ${(projectSeconds - uploadSeconds).toFixed(2)} s = ${projectSeconds.toFixed(2)} s → ${outcome}, ${report.acceptedLines} accepted, ${report.rejectedLines} refused, ${report.summedLines} summed`);

    const problems: string[] = [];
    if (outcome !== "processed" || report.totalLines !== ROWS) problems.push(`the report ended ${outcome} with ${report.totalLines} lines (want processed, ${ROWS})`);
    for (const key of ["matchedLines", "matchedUnits", "unmatchedLines"] as const) {
      if (project[key] !== raw[key]) problems.push(`${key}: project ${project[key]}, raw ${raw[key]}`);
    }
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = projectSeconds / rawSeconds;
    const row = tableRow;
    await writeBenchmarkSection(
      "usage",
      [
        "## Usage report matching (`npm run bench:usage`)",
        "",
        `Command: \`npm run bench:usage\` · ${nowUtc()} UTC · ${machine()} · PostgreSQL on ${new URL(SERVER_URL).host}`,
        "",
        `A usage CSV of ${ROWS.toLocaleString("en-GB")} lines (${(fileSize / 1024 ** 2).toFixed(1)} MB: ISBNs of enrolled works, a third hyphenated; every 10th line by title and year;`,
        `unknown ISBNs; 2 % unreadable; every 20th line repeating the one before) for ${QUARTER}, against ${ROWS.toLocaleString("en-GB")} works. The project path is`,
        "`startUsageReport` (streamed to storage) and the `usage.process` job's code (`runUsageReport`: check each line, COPY the accepted ones into a",
        "temporary table, UPDATE passes matching by identifier, then title and year, then remembered decisions, one INSERT … SELECT summing repeats, judging",
        "eligibility, inserting `usage_lines`; the refused lines into `usage_line_errors`). The raw baseline is `psql`: `\\copy` the file in and one",
        "`INSERT … SELECT` with the same matching joins and summing into the same table (no line checks, no eligibility).",
        "",
        "| measure | value |",
        "|---|---|",
        row("project (upload + job)", `${projectSeconds.toFixed(1)} s (upload ${uploadSeconds.toFixed(1)} s)`),
        row("raw \\copy + matching INSERT … SELECT", `${rawSeconds.toFixed(1)} s`),
        row("ratio project / raw", ratio.toFixed(2)),
        row("peak RSS of the Node process", `${peakRssMb} MB`),
        row("lines", `${report.acceptedLines.toLocaleString("en-GB")} accepted, ${report.rejectedLines.toLocaleString("en-GB")} refused, ${report.summedLines.toLocaleString("en-GB")} summed into others; ${project.matchedLines.toLocaleString("en-GB")} matched, ${project.unmatchedLines.toLocaleString("en-GB")} unmatched`),
        row("eligibility (project)", eligibility.map((g) => `${g.ineligibleReason ?? g.eligibility} ${g._count._all.toLocaleString("en-GB")}`).join(" · ")),
        row("targets", targetsMet({ seconds: projectSeconds, ratio }, TARGETS)),
        row("check (same matched lines, matched units and unmatched lines as raw)", problems.length === 0 ? "passed" : problems.join("; ")),
      ].join("\n"),
    );
    printResult("usage", problems, { projectSeconds, rawSeconds, peakRssMb });
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (process.env.KEEP_BENCH_DB !== "1") await dropDatabase(SERVER_URL, name).catch((e: unknown) => console.error(e));
  }
}

await main();
process.exit(process.exitCode ?? 0);
