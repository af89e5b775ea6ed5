// `npm run bench:load`: the licensee dashboard, the works list and the coverage API under 150
// requests/s each, against ONE `next start` process on the large dataset. Targets: p95 ≤ 300 ms
// and fewer than 1 % errors (docs/reliability.md, section Load).
//
// The database: its own, made by `seed:large --create bench_load_…` (about 5 minutes at full
// scale) and dropped at the end; LOAD_DATABASE_URL=… reuses an existing large database instead
// (left as it is, but for the API keys the bench makes). KEEP_BENCH_DB=1 keeps the one it made.
// LOAD_RATE (150), LOAD_SECONDS (30), LOAD_WARMUP_SECONDS (10), SEED_SCALE (1) change the run.
// Writes its sections of docs/benchmarks.md and docs/reliability.md; the RESULT line last.
import path from "node:path";
import { spawn } from "node:child_process";
import { dropDatabase, withDatabaseName } from "../db/databases";
import { prepareFixtures, type LoadFixtures } from "./load-fixtures";
import { runDataOnly } from "./load-data-only";
import { writeLoadBenchmark } from "./load-report";
import { runScenario, type Scenario, type ScenarioResult } from "./load-run";
import { startAppUnderLoad, type AppUnderLoad } from "./load-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const RATE = Number(process.env.LOAD_RATE ?? 150);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 10);
const API_KEYS = 25;
const log = (line: string) => console.log(`[bench:load] ${line}`);

/** Runs seed:large into a new database in a child process (the seed's pools stay out of this one). */
function seedLargeDatabase(name: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", path.join(ROOT, "scripts/seed-large.ts"), "--create", name], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: SERVER_URL }, stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve((Date.now() - started) / 1000) : reject(new Error(`seed:large failed (exit code ${code})`))));
  });
}

function scenarios(f: LoadFixtures): Scenario[] {
  const cookie = (c: string) => ({ cookie: c });
  return [
    { name: "dashboard", requests: f.licenseeCookies.map((c) => ({ path: "/licensee", headers: cookie(c) })) },
    { name: "works", requests: f.worksPaths.map((p) => ({ path: p, headers: cookie(f.worksCookie) })) },
    { name: "coverage", requests: f.coveragePaths.map((p, i) => ({ path: p, headers: { authorization: `Bearer ${f.apiKeys[i % f.apiKeys.length]}` } })) },
  ];
}

/** One request of each kind answers what it should before any load (a session that bounced to sign-in would be all 3xx). */
async function checkAnswers(baseUrl: string, list: Scenario[]): Promise<string[]> {
  const expected: Record<string, (status: number, body: string) => boolean> = {
    dashboard: (s, b) => s === 200 && b.includes("Welcome,"),
    works: (s, b) => s === 200 && b.includes("works match"),
    coverage: (s, b) => s === 200 && /"covered":(true|false)/.test(b),
  };
  const problems: string[] = [];
  for (const scenario of list) {
    for (const request of [scenario.requests[0]!, scenario.requests.at(-1)!]) {
      const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers, redirect: "manual" });
      const body = await response.text();
      if (!expected[scenario.name]!(response.status, body)) problems.push(`${scenario.name} ${request.path.slice(0, 80)}: HTTP ${response.status}`);
    }
  }
  return problems;
}

/**
 * Waits until the app answers a cheap request quickly again. autocannon stops sending when a run
 * ends, but the requests already queued in the server are still being answered: without this,
 * a saturated run's backlog (the warm-up's, or the previous scenario's) would be measured as the
 * next run's first seconds.
 */
async function waitUntilIdle(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/api/auth/csrf`).then((r) => r.arrayBuffer()).catch(() => undefined);
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  let databaseUrl = process.env.LOAD_DATABASE_URL;
  let createdName: string | undefined;
  let seedSeconds: number | null = null;
  if (!databaseUrl) {
    createdName = `bench_load_${Date.now()}_${process.pid}`;
    log(`seeding the large dataset into ${createdName} (seed:large --create)`);
    seedSeconds = await seedLargeDatabase(createdName);
    databaseUrl = withDatabaseName(SERVER_URL, createdName);
  }
  let app: AppUnderLoad | undefined;
  try {
    app = await startAppUnderLoad(databaseUrl, log);
    const fixtures = await prepareFixtures(app.baseUrl, databaseUrl, { licensees: 20, apiKeys: API_KEYS });
    const list = scenarios(fixtures);
    const problems = await checkAnswers(app.baseUrl, list);
    if (problems.length > 0) throw new Error(`The app does not answer the scenarios' requests as expected: ${problems.join("; ")}`);

    const results: ScenarioResult[] = [];
    const serverCpuMs: Record<string, number> = {};
    for (const scenario of list) {
      if (WARMUP_SECONDS > 0) {
        const warm = await runScenario(app.baseUrl, scenario, { rate: RATE, seconds: WARMUP_SECONDS });
        log(`${scenario.name}: warm-up p95 ${Math.round(warm.p95)} ms`);
        await waitUntilIdle(app.baseUrl);
      }
      const cpuBefore = app.cpuMs();
      const result = await runScenario(app.baseUrl, scenario, { rate: RATE, seconds: SECONDS });
      results.push(result);
      await waitUntilIdle(app.baseUrl);
      // Per answer, the backlog answered after the run included (the idle probes are a few dozen cheap requests).
      serverCpuMs[scenario.name] = (app.cpuMs() - cpuBefore) / Math.max(1, result.requests);
      log(`${scenario.name}: ${result.requests} answers (${result.perSecond.toFixed(1)}/s), p50 ${Math.round(result.p50)} ms, p95 ${Math.round(result.p95)} ms, p99 ${Math.round(result.p99)} ms, ` +
        `errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx} ${JSON.stringify(result.statusCodes)}`);
    }
    const peakRssMb = app.peakRssMb();
    log("raw SQL: the same reads without the framework, at the same rate");
    const dataOnly = await runDataOnly(databaseUrl, fixtures, { rate: RATE, seconds: SECONDS });
    for (const d of dataOnly) log(`raw ${d.name}: ${d.requests} (errors ${d.errors}), p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, CPU ${d.cpuMsPerRequest.toFixed(2)} ms a request; server CPU over HTTP ${serverCpuMs[d.name]?.toFixed(2)} ms`);
    const errors = results.reduce((s, r) => s + r.errors + r.non2xx, 0);
    const answered = results.reduce((s, r) => s + r.requests + r.errors, 0);
    const errorsPct = answered === 0 ? 100 : (errors / answered) * 100;
    const env = [process.env.LOAD_RATE && `LOAD_RATE=${RATE}`, process.env.LOAD_SECONDS && `LOAD_SECONDS=${SECONDS}`, process.env.SEED_SCALE && `SEED_SCALE=${process.env.SEED_SCALE}`].filter(Boolean);
    await writeLoadBenchmark({
      command: `${env.length > 0 ? `${env.join(" ")} ` : ""}npm run bench:load${process.env.LOAD_DATABASE_URL ? " (LOAD_DATABASE_URL: a database from npm run seed:large)" : ""}`,
      rate: RATE, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, dataOnly, serverCpuMs, database: createdName ?? new URL(databaseUrl).pathname.slice(1), seedSeconds, peakRssMb, results,
      fixtures: { ...fixtures.facts, apiKeys: fixtures.apiKeys.length },
      scenarioNotes: {
        dashboard: `GET /licensee, ${fixtures.facts.licensees} licensees' sessions in turn`,
        works: `GET /rightsholder/works as the biggest rightsholder: page one (4 in 10) and 6 deep pages by cursor (newest and title order, 10/50/90 % in)`,
        coverage: `GET /api/v1/coverage?identifier=…&purpose=TRAIN, ${fixtures.apiKeys.length} keys in turn, 1 in 10 identifiers unknown`,
      },
    });
    const p95 = (name: string) => Math.round(results.find((r) => r.name === name)!.p95);
    const ratio = (name: string) => (results.find((r) => r.name === name)!.p95 / dataOnly.find((d) => d.name === name)!.p95).toFixed(1);
    const rps = (name: string) => results.find((r) => r.name === name)!.perSecond.toFixed(1);
    console.log(`RESULT load dashboard_p95_ms=${p95("dashboard")} works_p95_ms=${p95("works")} coverage_p95_ms=${p95("coverage")} ` +
      `dashboard_rps=${rps("dashboard")} works_rps=${rps("works")} coverage_rps=${rps("coverage")} ` +
      `ratio_dashboard=${ratio("dashboard")} ratio_works=${ratio("works")} ratio_coverage=${ratio("coverage")} errors_pct=${errorsPct.toFixed(2)} peak_rss_mb=${peakRssMb}`);
  } finally {
    await app?.stop();
    if (createdName && process.env.KEEP_BENCH_DB !== "1") await dropDatabase(SERVER_URL, createdName).catch((e: unknown) => console.error(e));
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`[bench:load] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
