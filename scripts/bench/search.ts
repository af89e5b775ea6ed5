// `npm run bench:search`: the staff repertoire search over 1M works. 8 concurrent clients run a
// mix of what staff type (words, word*, names, publishers, identifiers, filters, later pages)
// through the portal's function `searchWorksForStaff` (query parsing, the one statement through
// Prisma, highlighting), and the same SQL texts run raw on `pg` with the same concurrency, in
// alternating rounds (raw, portal, raw, portal) so drift on this shared machine hits both. It
// checks that both return the same works, writes docs/benchmarks.md and prints the RESULT line
// last (p95 latencies in seconds). It creates its own database on DATABASE_URL's server (default
// the local PostgreSQL) and drops it. BENCH_ROWS=100000 for a quicker run; BENCH_QUERIES=<per
// client per round>; KEEP_BENCH_DB=1 keeps the database.
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../db/databases";
import { migrateDatabase } from "../db/migrate";
import { planStaffSearch, STAFF_PAGE_SIZE, staffWorkBrowseSql, staffWorkSearchSql } from "../../src/server/repertoire/staff-work-search-sql";
import { ZStaffWorkQuery } from "../../src/server/repertoire/staff-work-search.schema";
import { benchQueries, MIX, type BenchQuery } from "./search-queries";
import { seedSearchRepertoire } from "./search-seed";
import { machine, nowUtc, seconds, tableRow, writeBenchmarkSection } from "./report";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CLIENTS = 8;
const PER_CLIENT = Number(process.env.BENCH_QUERIES ?? 150);
const TARGETS = { p95Ms: 25, ratio: 1.5 };
const log = (line: string) => console.log(`[bench:search] ${line}`);

type Sql = { text: string; values: unknown[] };
type Timing = { kind: string; ms: number };

/** The statement the portal runs for a query (the same builder, so the raw side runs the same text). */
function sqlOf(query: BenchQuery["query"]): Sql {
  const q = ZStaffWorkQuery.parse(query);
  const plan = planStaffSearch(q.q);
  if (plan.words.length === 0 && plan.identifiers.length === 0) return staffWorkBrowseSql(q, q.after ?? null);
  return staffWorkSearchSql(plan, q, (q.page - 1) * STAFF_PAGE_SIZE);
}

/** Runs every query once over `clients` concurrent loops; the latency of each. */
async function round(queries: BenchQuery[], clients: number, run: (i: number) => Promise<unknown>): Promise<Timing[]> {
  const timings: Timing[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < queries.length) {
      const i = next++;
      const start = process.hrtime.bigint();
      await run(i);
      timings.push({ kind: queries[i]!.kind, ms: seconds(start) * 1000 });
    }
  }));
  return timings;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Runs the benchmark in a database of its own; the RESULT line, printed once that is dropped. */
async function main(): Promise<string> {
  const name = `bench_search_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabaseName(SERVER_URL, name);
  log(`database ${name} on ${new URL(SERVER_URL).host}`);
  await createDatabase(SERVER_URL, name);
  try {
    await migrateDatabase(databaseUrl);
    const seedStart = process.hrtime.bigint();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await seedSearchRepertoire(client, ROWS);
    const queries = await benchQueries(client, CLIENTS * PER_CLIENT);
    const sizes = (await client.query<{ name: string; size: string }>(
      `SELECT relname AS name, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class WHERE relname LIKE 'works_staff_search%' OR relname = 'works' ORDER BY relname`,
    )).rows;
    await client.end();
    log(`seeded ${ROWS.toLocaleString("en-GB")} works in ${seconds(seedStart).toFixed(1)} s; ${queries.length} queries a round`);

    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("../../src/server/db");
    const { loadUserActor } = await import("../../src/server/auth/load-actor");
    const { searchWorksForStaff } = await import("../../src/server/repertoire/staff-work-search");
    const user = await db.user.create({ data: { email: `bench-${process.pid}@example.test`, name: "Bench Analyst", passwordHash: "x", staffRole: "ANALYST" } });
    const actor = (await loadUserActor(user.id, user.sessionVersion, null))!;
    const raw = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS });
    // Dropping the database ends any connection left; that must not end the process.
    raw.on("error", () => undefined);
    const statements = queries.map((q) => sqlOf(q.query));
    const runRaw = (i: number) => raw.query(statements[i]!.text, statements[i]!.values);
    const runProject = (i: number) => searchWorksForStaff(actor, queries[i]!.query);

    // Both paths answer every query with the same works in the same order.
    const problems: string[] = [];
    let found = 0;
    for (let i = 0; i < queries.length; i++) {
      const [project, direct] = [await runProject(i), await runRaw(i)];
      const ids = project.hits.map((h) => h.id).join(",");
      const rawIds = direct.rows.slice(0, STAFF_PAGE_SIZE).map((r: { id: number }) => r.id).join(",");
      if (ids !== rawIds && problems.length < 5) problems.push(`${JSON.stringify(queries[i]!.query)}: portal [${ids}] raw [${rawIds}]`);
      if (project.hits.length > 0) found++;
    }
    if (found < queries.length * 0.8) problems.push(`only ${found} of ${queries.length} queries found any work`);

    await round(queries.slice(0, 200), CLIENTS, runRaw);
    await round(queries.slice(0, 200), CLIENTS, runProject);
    const rawTimings: Timing[] = [];
    const projectTimings: Timing[] = [];
    const start = process.hrtime.bigint();
    for (let r = 0; r < 2; r++) {
      rawTimings.push(...(await round(queries, CLIENTS, runRaw)));
      projectTimings.push(...(await round(queries, CLIENTS, runProject)));
    }
    const wall = seconds(start);
    await raw.end();
    await db.$disconnect();

    const rawP95 = percentile(rawTimings.map((t) => t.ms), 0.95);
    const projectP95 = percentile(projectTimings.map((t) => t.ms), 0.95);
    const ratio = projectP95 / rawP95;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    log(`raw p95 ${ms(rawP95)}, portal p95 ${ms(projectP95)}, ratio ${ratio.toFixed(2)} (${rawTimings.length + projectTimings.length} queries in ${wall.toFixed(1)} s)`);
    const byKind = Object.keys(MIX).map((kind) => {
      const of = (list: Timing[]) => list.filter((t) => t.kind === kind).map((t) => t.ms);
      return `| ${kind} | ${MIX[kind]} % | ${ms(percentile(of(rawTimings), 0.5))} / ${ms(percentile(of(rawTimings), 0.95))} | ${ms(percentile(of(projectTimings), 0.5))} / ${ms(percentile(of(projectTimings), 0.95))} |`;
    });
    const verdict = (isMet: boolean) => (isMet ? "met" : "NOT met");
    await writeBenchmarkSection(
      "search",
      [
        "## Staff repertoire search (`npm run bench:search`)",
        "",
        `Command: \`npm run bench:search\` · ${nowUtc()} UTC · ${machine()} · PostgreSQL on ${new URL(SERVER_URL).host}`,
        "",
        `${ROWS.toLocaleString("en-GB")} works of 500 rightsholders (catalogue-like titles: common English words, skewed, and a long tail of`,
        "made-up words; 1–3 contributors from common and rare names, some accented; publishers; ISBN, DOI, ISSN or URL by type;",
        `1 % suspended, 0.5 % merged). ${CLIENTS} concurrent clients, no pause between queries, run ${queries.length} queries a round in the`,
        "mix below (drawn from works in the repertoire), two rounds per path, alternating raw and portal after a warm-up.",
        "The portal path is `searchWorksForStaff` (parse the query, one statement through Prisma, highlight the page); the raw",
        "path is the same SQL text and parameters on a `pg` pool. Latencies are per query, queueing included (8 clients on",
        "the machine's cores: most of a latency is waiting for a core).",
        "",
        "| measure | value |",
        "|---|---|",
        tableRow("portal p50 / p95 / p99", `${ms(percentile(projectTimings.map((t) => t.ms), 0.5))} / ${ms(projectP95)} / ${ms(percentile(projectTimings.map((t) => t.ms), 0.99))}`),
        tableRow("raw SQL p50 / p95 / p99", `${ms(percentile(rawTimings.map((t) => t.ms), 0.5))} / ${ms(rawP95)} / ${ms(percentile(rawTimings.map((t) => t.ms), 0.99))}`),
        tableRow("ratio portal / raw (p95)", ratio.toFixed(2)),
        tableRow("throughput (both paths)", `${Math.round((rawTimings.length + projectTimings.length) / wall)} queries/s`),
        tableRow("peak RSS of the Node process", `${peakRssMb} MB`),
        tableRow("index sizes", sizes.map((s) => `${s.name} ${s.size}`).join(" · ")),
        tableRow("targets", `p95 ≤ ${TARGETS.p95Ms} ms: ${verdict(projectP95 <= TARGETS.p95Ms)} · ratio ≤ ${TARGETS.ratio}: ${verdict(ratio <= TARGETS.ratio)}`),
        tableRow("check (same works, same order, both paths)", problems.length === 0 ? `passed (${found} of ${queries.length} queries found works)` : problems.join("; ")),
        "",
        "| query kind | share | raw p50 / p95 | portal p50 / p95 |",
        "|---|---|---|---|",
        ...byKind,
      ].join("\n"),
    );
    for (const p of problems) console.error(`[bench:search] CHECK FAILED: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    return `RESULT search project_s=${(projectP95 / 1000).toFixed(4)} raw_s=${(rawP95 / 1000).toFixed(4)} ratio=${ratio.toFixed(2)} peak_rss_mb=${peakRssMb}`;
  } finally {
    if (process.env.KEEP_BENCH_DB !== "1") await dropDatabase(SERVER_URL, name).catch((e: unknown) => console.error(e));
  }
}

const result = await main();
console.log(result);
process.exit(process.exitCode ?? 0);
