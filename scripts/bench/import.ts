// `npm run bench:import`: how fast a 1M-row works CSV goes through the real import (upload use case
// + works.import job code), against a raw COPY plus one set-based INSERT … SELECT of the same rows.
// It creates its own databases on DATABASE_URL's server (default the local PostgreSQL), migrates
// them, generates the file, imports it into an empty repertoire, imports it again (nothing may
// change), times the raw baseline, writes docs/benchmarks.md and prints the RESULT line last.
// BENCH_ROWS=100000 for a quicker run; KEEP_BENCH_DB=1 keeps the databases.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../db/databases";
import { migrateDatabase } from "../db/migrate";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { IMPORT_LIMITS } from "../../src/server/imports/imports.schema";
import { machine, nowUtc, seconds, writeBenchmarkSection } from "./report";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DOI_EVERY = 4;
const TARGETS = { seconds: 60, ratio: 3, rssMb: 512 };

const log = (line: string) => console.log(`[bench:import] ${line}`);

const COLUMNS = "isbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from";

/** ISBN-13s 979-0000000001… (distinct, valid check digits), a DOI on every fourth row. */
async function generateCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${COLUMNS}\n`);
  let buffer = "";
  for (let i = 1; i <= rows; i++) {
    const first12 = `979${String(i).padStart(9, "0")}`;
    const isbn = first12 + isbn13CheckDigit(first12);
    const doi = i % DOI_EVERY === 0 ? `10.5555/bench.${i}` : "";
    buffer += `${isbn},,${doi},,Bench Work ${i},Author ${i % 1000}; Editor ${i % 97},BOOK,en,${1950 + (i % 70)},Bench Press,,\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

/** COPY the file into a staging table through psql's \copy (client-side, like an upload). */
async function copyWithPsql(databaseUrl: string, file: string): Promise<void> {
  const command = `\\copy staging FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`;
  const child = spawn("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", command], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, "exit")) as [number];
  if (code !== 0) throw new Error(`psql \\copy failed: ${stderr}`);
}

async function rawBaseline(databaseUrl: string, file: string): Promise<{ copySeconds: number; mergeSeconds: number; works: number; identifiers: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const org = await client.query<{ id: string }>(
      `INSERT INTO organizations (id, kind, name, "updatedAt") VALUES (gen_random_uuid(), 'RIGHTSHOLDER', 'Raw baseline', now()) RETURNING id`,
    );
    await client.query(`CREATE TABLE staging (${COLUMNS.split(",").map((c) => `${c} text`).join(", ")})`);
    const copyStart = process.hrtime.bigint();
    await copyWithPsql(databaseUrl, file);
    const copySeconds = seconds(copyStart);
    const mergeStart = process.hrtime.bigint();
    await client.query(
      `WITH s AS MATERIALIZED (
         SELECT nextval(pg_get_serial_sequence('works', 'id'))::int AS id, * FROM staging
       ), w AS (
         INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, language, "publicationYear", publisher, "updatedAt")
         SELECT s.id, $1::uuid, s.title, lower(regexp_replace(s.title, '[^[:alnum:]]+', ' ', 'g')), string_to_array(s.contributors, '; '),
                COALESCE(NULLIF(s.type, ''), 'BOOK')::"WorkType", NULLIF(s.language, ''), NULLIF(s.publication_year, '')::int,
                NULLIF(s.publisher, ''), now() AT TIME ZONE 'UTC'
           FROM s
         RETURNING id
       )
       INSERT INTO work_identifiers ("workId", type, value)
       SELECT s.id, 'ISBN13'::"IdentifierType", regexp_replace(s.isbn, '[^0-9]', '', 'g') FROM s WHERE s.isbn <> ''
       UNION ALL
       SELECT s.id, 'DOI'::"IdentifierType", lower(s.doi) FROM s WHERE s.doi <> ''`,
      [org.rows[0]!.id],
    );
    const mergeSeconds = seconds(mergeStart);
    const works = Number((await client.query(`SELECT count(*)::int AS n FROM works`)).rows[0].n);
    const identifiers = Number((await client.query(`SELECT count(*)::int AS n FROM work_identifiers`)).rows[0].n);
    return { copySeconds, mergeSeconds, works, identifiers };
  } finally {
    await client.end();
  }
}

async function main() {
  const stamp = `${Date.now()}_${process.pid}`;
  const projectName = `bench_import_${stamp}`;
  const rawName = `bench_import_raw_${stamp}`;
  const projectUrl = withDatabaseName(SERVER_URL, projectName);
  const rawUrl = withDatabaseName(SERVER_URL, rawName);
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const csvFile = path.join(work, "works-1m.csv");

  log(`databases ${projectName}, ${rawName} on ${new URL(SERVER_URL).host}`);
  await createDatabase(SERVER_URL, projectName);
  await createDatabase(SERVER_URL, rawName);
  try {
    await migrateDatabase(projectUrl);
    await migrateDatabase(rawUrl);
    const generateStart = process.hrtime.bigint();
    await generateCsv(csvFile, ROWS);
    const fileSize = statSync(csvFile).size;
    log(`generated ${ROWS.toLocaleString("en-GB")} rows (${(fileSize / 1024 ** 2).toFixed(1)} MB) in ${seconds(generateStart).toFixed(1)} s`);

    const raw = await rawBaseline(rawUrl, csvFile);
    const rawSeconds = raw.copySeconds + raw.mergeSeconds;
    log(`raw: COPY ${raw.copySeconds.toFixed(2)} s + INSERT … SELECT ${raw.mergeSeconds.toFixed(2)} s = ${rawSeconds.toFixed(2)} s (${raw.works} works, ${raw.identifiers} identifiers)`);

    // The project's code reads DATABASE_URL and IMPORT_STORAGE_DIR when first used.
    process.env.DATABASE_URL = projectUrl;
    process.env.IMPORT_STORAGE_DIR = path.join(work, "storage");
    const { db } = await import("../../src/server/db");
    const { loadUserActor } = await import("../../src/server/auth/load-actor");
    const { startWorksImport } = await import("../../src/server/imports/start-works-import");
    const { runWorksImport } = await import("../../src/server/imports/run-works-import");
    const { pgPool } = await import("../../src/server/pg");
    const user = await db.user.create({ data: { email: `bench-${stamp}@example.test`, name: "Bench Runner", passwordHash: "x" } });
    const organization = await db.organization.create({ data: { kind: "RIGHTSHOLDER", name: "Bench Press" } });
    await db.membership.create({ data: { userId: user.id, organizationId: organization.id, role: "OWNER" } });
    const actor = (await loadUserActor(user.id, user.sessionVersion, null))!;

    const importOnce = async (label: string) => {
      const start = process.hrtime.bigint();
      const started = await startWorksImport(actor, {
        organizationId: organization.id,
        fileName: "works-1m.csv",
        body: createReadStream(csvFile, { highWaterMark: 1024 * 1024 }),
        declaredSize: fileSize,
      });
      const uploadSeconds = seconds(start);
      const outcome = await runWorksImport(started.id);
      const totalSeconds = seconds(start);
      const row = await db.worksImport.findUniqueOrThrow({ where: { id: started.id } });
      log(`${label}: upload ${uploadSeconds.toFixed(2)} s + job ${(totalSeconds - uploadSeconds).toFixed(2)} s = ${totalSeconds.toFixed(2)} s → ${outcome}, created ${row.createdCount}, updated ${row.updatedCount}, unchanged ${row.unchangedCount}, rejected ${row.rejectedCount}`);
      return { uploadSeconds, totalSeconds, row };
    };
    const first = await importOnce("import");
    const again = await importOnce("re-import");
    const works = await db.work.count({ where: { rightsholderId: organization.id } });
    const identifiers = await db.workIdentifier.count();
    await db.$disconnect();
    await pgPool().end();

    const problems: string[] = [];
    if (first.row.createdCount !== ROWS || first.row.rejectedCount !== 0) problems.push(`first import created ${first.row.createdCount}, rejected ${first.row.rejectedCount} (want ${ROWS}, 0)`);
    if (again.row.unchangedCount !== ROWS || again.row.createdCount + again.row.updatedCount + again.row.rejectedCount !== 0) {
      problems.push(`re-import: unchanged ${again.row.unchangedCount} of ${ROWS}`);
    }
    if (works !== ROWS || works !== raw.works || identifiers !== raw.identifiers) {
      problems.push(`tables differ: project ${works} works / ${identifiers} identifiers, raw ${raw.works} / ${raw.identifiers}`);
    }
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = first.totalSeconds / rawSeconds;
    const verdict = (isMet: boolean) => (isMet ? "met" : "NOT met");
    const targets = [
      `≤ ${TARGETS.seconds} s: ${verdict(first.totalSeconds <= TARGETS.seconds)}`,
      `ratio ≤ ${TARGETS.ratio}: ${verdict(ratio <= TARGETS.ratio)}`,
      `≤ ${TARGETS.rssMb} MB: ${verdict(peakRssMb <= TARGETS.rssMb)}`,
    ].join(" · ");
    const row = (what: string, value: string) => `| ${what} | ${value} |`;
    await writeBenchmarkSection(
      "import",
      [
        "## Works import (`npm run bench:import`)",
        "",
        `Command: \`npm run bench:import\` · ${nowUtc()} UTC · ${machine()} · PostgreSQL on ${new URL(SERVER_URL).host}`,
        "",
        `A generated CSV of ${ROWS.toLocaleString("en-GB")} valid works (${(fileSize / 1024 ** 2).toFixed(1)} MB; distinct ISBN-13s, a DOI on every ${DOI_EVERY}th row) is`,
        "uploaded through `startWorksImport` (streamed to storage, SHA-256) and imported by the `works.import`",
        `job's code (\`runWorksImport\`: parse, \`parseWork\`, \`mergeWorks\` in batches of ${IMPORT_LIMITS.batchRows.toLocaleString("en-GB")}, one transaction each,`,
        "two in the database at once, with an audit row per work) into an empty repertoire, then uploaded and imported again. The raw baseline is",
        "`psql \\copy` into a staging table plus one `INSERT … SELECT` into `works` and `work_identifiers`",
        "(no checks, no audit) in a second, empty database with the same schema and indexes.",
        "",
        "| measure | value |",
        "|---|---|",
        row("import (upload + job), 1M created", `${first.totalSeconds.toFixed(1)} s (upload ${first.uploadSeconds.toFixed(1)} s)`),
        row("re-import of the same file, 1M unchanged", `${again.totalSeconds.toFixed(1)} s`),
        row("raw COPY + INSERT … SELECT", `${rawSeconds.toFixed(1)} s (COPY ${raw.copySeconds.toFixed(1)} s, INSERT ${raw.mergeSeconds.toFixed(1)} s)`),
        row("ratio import / raw", ratio.toFixed(2)),
        row("peak RSS of the Node process", `${peakRssMb} MB`),
        row("targets", targets),
        row("checks (1M created, then 1M unchanged, same table sizes as raw)", problems.length === 0 ? "passed" : problems.join("; ")),
      ].join("\n"),
    );
    if (problems.length > 0) {
      for (const p of problems) console.error(`[bench:import] CHECK FAILED: ${p}`);
      process.exitCode = 1;
    }
    console.log(`RESULT import project_s=${first.totalSeconds.toFixed(2)} raw_s=${rawSeconds.toFixed(2)} ratio=${ratio.toFixed(2)} peak_rss_mb=${peakRssMb}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (process.env.KEEP_BENCH_DB !== "1") {
      await dropDatabase(SERVER_URL, projectName).catch((e: unknown) => console.error(e));
      await dropDatabase(SERVER_URL, rawName).catch((e: unknown) => console.error(e));
    }
  }
}

await main();
process.exit(process.exitCode ?? 0);
