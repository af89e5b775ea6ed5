// `npm run bench:coverage`: a file of 1M identifiers checked against a 1M-work repertoire by the
// real bulk path (upload use case + coverage.check job code), against one raw SQL join doing the
// same in the same run (psql \copy in, one SELECT with the reason as a CASE, \copy out). Both
// answer the same lines; the script checks that their counts per reason agree and exits non-zero
// if not. It creates its own database on DATABASE_URL's server (default the local PostgreSQL),
// writes docs/benchmarks.md and prints the RESULT line last.
// BENCH_ROWS=100000 for a quicker run; KEEP_BENCH_DB=1 keeps the database.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../db/databases";
import { migrateDatabase } from "../db/migrate";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { seedRepertoire } from "./repertoire";
import { runPsql } from "./psql";
import { machine, nowUtc, printResult, seconds, tableRow, targetsMet, writeBenchmarkSection } from "./report";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TARGETS = { seconds: 20, ratio: 2 };
const ON_DATE = "2026-06-01";
const PURPOSE = "FINE_TUNE";
const log = (line: string) => console.log(`[bench:coverage] ${line}`);

const isbnOf = (prefix: "978" | "979", i: number) => {
  const first12 = `${prefix}${String(i).padStart(9, "0")}`;
  return first12 + isbn13CheckDigit(first12);
};

/** 1M lines: most name a work (some hyphenated, some by DOI), some an unknown ISBN, a few are not identifiers. */
async function generateFile(file: string, rows: number, works: number): Promise<void> {
  const out = createWriteStream(file);
  let buffer = "";
  for (let j = 1; j <= rows; j++) {
    const i = ((j * 7919) % works) + 1;
    let line: string;
    if (j % 50 === 0) line = `n/a ${j}`;
    else if (j % 12 === 0) line = isbnOf("978", j);
    else if (j % 9 === 0 && i % 4 === 0) line = `https://doi.org/10.5555/bench.${i}`;
    else if (j % 3 === 0) {
      const isbn = isbnOf("979", i);
      line = `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn.slice(12)}`;
    } else line = isbnOf("979", i);
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

// The raw baseline: the same facts and the same reasons as decideCoverage, written as SQL, over the
// same file. Identifiers are normalised the simple way this file allows (DOI prefix; ISBN digits)
// with no check-digit verification, so it does a little less than the project.
const RAW_SQL = (file: string, out: string, licenseeId: string) => `
CREATE TEMP TABLE raw_lines (line serial, given text);
\\copy raw_lines (given) FROM '${file}'
\\copy (WITH n AS (SELECT line, given, CASE WHEN given ~* '^(https?://(dx\\.)?doi\\.org/|doi:)?10\\.' THEN 'DOI'::"IdentifierType" WHEN regexp_replace(given, '[^0-9]', '', 'g') ~ '^\\d{13}$' THEN 'ISBN13'::"IdentifierType" END AS t, CASE WHEN given ~* '^(https?://(dx\\.)?doi\\.org/|doi:)?10\\.' THEN lower(regexp_replace(given, '^(https?://(dx\\.)?doi\\.org/|doi:)', '', 'i')) ELSE regexp_replace(given, '[^0-9]', '', 'g') END AS v FROM raw_lines), disputed AS (SELECT "workId" AS id FROM disputes WHERE status = 'OPEN' UNION SELECT "claimantWorkId" FROM disputes WHERE status = 'OPEN' AND "claimantWorkId" IS NOT NULL), lic AS (SELECT EXISTS (SELECT 1 FROM license_grants g WHERE g."organizationId" = '${licenseeId}' AND g.status IN ('ACTIVE', 'EXPIRED') AND g."startsOn" <= DATE '${ON_DATE}' AND DATE '${ON_DATE}' < g."endsOn") AS ok) SELECT n.line, n.given, CASE WHEN n.t IS NULL THEN 'INVALID' WHEN NOT lic.ok THEN 'NO_ACTIVE_LICENSE' WHEN w.id IS NULL OR w.status <> 'ENROLLED' OR w."createdAt"::date > DATE '${ON_DATE}' OR rp.status IS DISTINCT FROM 'APPROVED' OR rp."approvedAt"::date > DATE '${ON_DATE}' THEN 'NOT_ENROLLED' WHEN w."excludedFrom" <= DATE '${ON_DATE}' THEN 'EXCLUDED' WHEN NOT ('${PURPOSE}' = ANY (w.purposes)) THEN 'PURPOSE_NOT_PERMITTED' WHEN d.id IS NOT NULL THEN 'DISPUTED' ELSE 'COVERED' END AS reason, w.title, o.name FROM n CROSS JOIN lic LEFT JOIN work_identifiers wi ON wi.type = n.t AND wi.value = n.v LEFT JOIN works h ON h.id = wi."workId" LEFT JOIN works m ON h.status = 'MERGED' AND m.id = h."mergedIntoId" LEFT JOIN works w ON w.id = COALESCE(m.id, h.id) LEFT JOIN organizations o ON o.id = w."rightsholderId" LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId" LEFT JOIN disputed d ON d.id = w.id ORDER BY n.line) TO '${out}' WITH (FORMAT csv)
`;

/** Lines per reason in a CSV result (the reason is the `reasonColumn`-th field; no field before it has a comma). */
async function countReasons(file: string, reasonColumn: number, skipHeader: boolean): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let rest = "";
  let isHeader = skipHeader;
  for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
    const lines = (rest + String(chunk)).split(/\r?\n/);
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      const reason = line.split(",")[reasonColumn]!;
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  return counts;
}

async function main() {
  const name = `bench_coverage_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabaseName(SERVER_URL, name);
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-coverage-"));
  const inputFile = path.join(work, "identifiers-1m.txt");
  const rawOut = path.join(work, "raw-result.csv");
  log(`database ${name} on ${new URL(SERVER_URL).host}`);
  await createDatabase(SERVER_URL, name);
  try {
    await migrateDatabase(databaseUrl);
    const seedStart = process.hrtime.bigint();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { licenseeId } = await seedRepertoire(client, ROWS);
    await client.end();
    await generateFile(inputFile, ROWS, ROWS);
    const fileSize = statSync(inputFile).size;
    log(`seeded ${ROWS.toLocaleString("en-GB")} works and wrote ${ROWS.toLocaleString("en-GB")} identifiers (${(fileSize / 1024 ** 2).toFixed(1)} MB) in ${seconds(seedStart).toFixed(1)} s`);

    const rawStart = process.hrtime.bigint();
    await runPsql(databaseUrl, RAW_SQL(inputFile, rawOut, licenseeId));
    const rawSeconds = seconds(rawStart);
    log(`raw: \\copy in + one join + \\copy out = ${rawSeconds.toFixed(2)} s`);

    process.env.DATABASE_URL = databaseUrl;
    process.env.IMPORT_STORAGE_DIR = path.join(work, "storage");
    const { db } = await import("../../src/server/db");
    const { pgPool } = await import("../../src/server/pg");
    const { loadUserActor } = await import("../../src/server/auth/load-actor");
    const { startCoverageCheck } = await import("../../src/server/coverage/start-coverage-check");
    const { runCoverageCheck } = await import("../../src/server/coverage/run-coverage-check");
    const user = await db.user.create({ data: { email: `bench-${process.pid}@example.test`, name: "Bench Runner", passwordHash: "x" } });
    await db.membership.create({ data: { userId: user.id, organizationId: licenseeId, role: "OWNER" } });
    const actor = (await loadUserActor(user.id, user.sessionVersion, null))!;

    const start = process.hrtime.bigint();
    const started = await startCoverageCheck(actor, {
      organizationId: licenseeId, fileName: "identifiers-1m.txt", body: createReadStream(inputFile, { highWaterMark: 1024 * 1024 }), declaredSize: fileSize, purpose: PURPOSE, date: ON_DATE,
    });
    const uploadSeconds = seconds(start);
    const outcome = await runCoverageCheck(started.id);
    const projectSeconds = seconds(start);
    const check = await db.coverageCheck.findUniqueOrThrow({ where: { id: started.id } });
    await db.$disconnect();
    await pgPool().end();
    log(`project: upload ${uploadSeconds.toFixed(2)} s + job ${(projectSeconds - uploadSeconds).toFixed(2)} s = ${projectSeconds.toFixed(2)} s → ${outcome}, ${check.lineCount} lines`);

    const projectCounts = await countReasons(path.join(work, "storage", "coverage-checks", check.resultPath ?? "missing"), 7, true);
    const rawCounts = await countReasons(rawOut, 2, false);
    const reasons = [...new Set([...Object.keys(projectCounts), ...Object.keys(rawCounts)])].sort();
    const problems: string[] = [];
    if (outcome !== "completed" || check.lineCount !== ROWS) problems.push(`the check ended ${outcome} with ${check.lineCount} lines (want completed, ${ROWS})`);
    for (const reason of reasons) {
      if (projectCounts[reason] !== rawCounts[reason]) problems.push(`${reason}: project ${projectCounts[reason] ?? 0}, raw ${rawCounts[reason] ?? 0}`);
    }
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = projectSeconds / rawSeconds;
    const row = tableRow;
    await writeBenchmarkSection(
      "coverage",
      [
        "## Coverage in bulk (`npm run bench:coverage`)",
        "",
        `Command: \`npm run bench:coverage\` · ${nowUtc()} UTC · ${machine()} · PostgreSQL on ${new URL(SERVER_URL).host}`,
        "",
        `A file of ${ROWS.toLocaleString("en-GB")} identifiers (${(fileSize / 1024 ** 2).toFixed(1)} MB: ISBN-13s of enrolled works, a third hyphenated, DOIs as URLs, unknown ISBNs, 2 % not identifiers)`,
        `checked for ${PURPOSE} on ${ON_DATE} against a repertoire of ${ROWS.toLocaleString("en-GB")} works (exclusions, single-purpose works, open disputes, merged works).`,
        "The project path is `startCoverageCheck` (the file streamed to storage) and the `coverage.check` job's code",
        "(`runCoverageCheck`: read and normalise each line, COPY into a temporary table, one join for the facts, `decideCoverage` per line,",
        "the result CSV written). The raw baseline is `psql`: `\\copy` the file in, one SELECT with the same joins and the reason as a",
        "CASE, `\\copy` the answers out; it normalises identifiers by pattern only (no check digits).",
        "",
        "| measure | value |",
        "|---|---|",
        row("project (upload + job)", `${projectSeconds.toFixed(1)} s (upload ${uploadSeconds.toFixed(1)} s)`),
        row("raw \\copy + join + \\copy out", `${rawSeconds.toFixed(1)} s`),
        row("ratio project / raw", ratio.toFixed(2)),
        row("peak RSS of the Node process", `${peakRssMb} MB`),
        row("lines per reason (project)", reasons.map((r) => `${r} ${(projectCounts[r] ?? 0).toLocaleString("en-GB")}`).join(" · ")),
        row("targets", targetsMet({ seconds: projectSeconds, ratio }, TARGETS)),
        row("check (same count per reason as raw)", problems.length === 0 ? "passed" : problems.join("; ")),
      ].join("\n"),
    );
    printResult("coverage", problems, { projectSeconds, rawSeconds, peakRssMb });
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (process.env.KEEP_BENCH_DB !== "1") await dropDatabase(SERVER_URL, name).catch((e: unknown) => console.error(e));
  }
}

await main();
process.exit(process.exitCode ?? 0);
