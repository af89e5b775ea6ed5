// `npm run bench:distribution`: a quarter of 1M usage lines, 1k licensees and 100k rightsholders
// (500k works, co-owners, open disputes, merged works, refunds) calculated by the real path
// (`calculateDistributionRun`, the `distribution.calculate` job's body), against ONE raw SQL
// statement computing the same allocation per payee in the same run (distribution-raw.ts). It
// checks decision 017's invariants on the run and that every payee got what the raw baseline
// gives it (distribution-checks.ts), printing PASS/FAIL each and exiting non-zero on any failure.
// Own database, dropped at the end; writes its section of docs/benchmarks.md; the RESULT line last.
// BENCH_ROWS=100000 for a quicker run (everything scales down with it); KEEP_BENCH_DB=1 keeps the database.
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../db/databases";
import { migrateDatabase } from "../db/migrate";
import { parseQuarter, previousQuarter } from "../../src/lib/usage/quarters";
import { DEFAULT_SETTINGS } from "../../src/server/settings/defaults";
import { checkRun, type CheckResult } from "./distribution-checks";
import { rawDistributionSql } from "./distribution-raw";
import { scaleFor, seedDistribution } from "./distribution-seed";
import { machine, nowUtc, printResult, seconds, tableRow, targetsMet, writeBenchmarkSection } from "./report";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TARGETS = { seconds: 60, ratio: 3 };
// A closed quarter that is not the financial year's last (threshold 25,000 cents).
const QUARTER = parseQuarter("2026Q3")!;
const log = (line: string) => console.log(`[bench:distribution] ${line}`);
const fmt = (n: number | string | bigint) => BigInt(n).toLocaleString("en-GB");

type Step = { label: string; seconds: number };

/** The run through the project's code, with the time of each of its steps (its onStep hook). */
async function calculateByProject(databaseUrl: string, client: pg.Client): Promise<{ runId: string; calculated: boolean; seconds: number; steps: Step[] }> {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("../../src/server/db");
  const { pgPool } = await import("../../src/server/pg");
  const { calculateDistributionRun } = await import("../../src/server/distribution/calculate-distribution-run");
  const runId = (await client.query<{ id: string }>(`INSERT INTO distribution_runs (id, quarter, status, "updatedAt") VALUES (gen_random_uuid(), $1, 'CALCULATING', now()) RETURNING id`, [QUARTER.code])).rows[0]!.id;
  const marks: { label: string; at: bigint }[] = [{ label: "Starting (clearing the run's rows, settings)", at: process.hrtime.bigint() }];
  const calculated = await calculateDistributionRun(runId, { onStep: (label) => void marks.push({ label, at: process.hrtime.bigint() }) });
  const end = process.hrtime.bigint();
  await db.$disconnect();
  await pgPool().end();
  const steps = marks.map((m, i) => ({ label: i === marks.length - 1 ? `${m.label} (and the run's totals, commit)` : m.label, seconds: Number((marks[i + 1]?.at ?? end) - m.at) / 1e9 }));
  return { runId, calculated, seconds: Number(end - marks[0]!.at) / 1e9, steps };
}

async function rowCounts(client: pg.Client, runId: string) {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM grant_revenues WHERE "runId" = $1) AS grant_revenues, (SELECT count(*) FROM allocations WHERE "runId" = $1) AS allocations,
            (SELECT count(*) FROM statements WHERE "runId" = $1) AS statements,
            (SELECT count(*) FROM statement_lines l JOIN statements s ON s.id = l."statementId" WHERE s."runId" = $1) AS statement_lines,
            (SELECT count(*) FROM payouts WHERE "runId" = $1) AS payouts, (SELECT count(*) FROM carried_balances WHERE "runId" = $1) AS carried_balances,
            (SELECT count(*) FROM external_payee_shares WHERE "runId" = $1) AS external_shares`,
    [runId],
  );
  return rows[0]!;
}

async function main() {
  const scale = scaleFor(ROWS);
  const name = `bench_distribution_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabaseName(SERVER_URL, name);
  log(`database ${name} on ${new URL(SERVER_URL).host}`);
  await createDatabase(SERVER_URL, name);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await migrateDatabase(databaseUrl);
    await client.connect();
    const seedStart = process.hrtime.bigint();
    const facts = await seedDistribution(client, scale, { code: QUARTER.code, startsOn: QUARTER.startsOn, endsOn: QUARTER.endsOn, previous: previousQuarter(QUARTER).code });
    log(`seeded ${fmt(facts.lines)} usage lines in ${facts.reports} reports, ${fmt(facts.licensees)} licensees (${facts.poolLicensees} without eligible usage), ${fmt(facts.rightsholders)} rightsholders, ${fmt(facts.works)} works in ${seconds(seedStart).toFixed(1)} s`);

    const adminFeeBps = DEFAULT_SETTINGS["distribution.adminFeeBps"];
    const rawStart = process.hrtime.bigint();
    await client.query(rawDistributionSql({ code: QUARTER.code, startsOn: QUARTER.startsOn, endsOn: QUARTER.endsOn, adminFeeBps }));
    const rawSeconds = seconds(rawStart);
    log(`raw: one allocation statement = ${rawSeconds.toFixed(2)} s`);

    const project = await calculateByProject(databaseUrl, client);
    log(`project: calculateDistributionRun = ${project.seconds.toFixed(2)} s`);
    for (const s of project.steps) log(`  ${s.seconds.toFixed(2).padStart(7)} s  ${s.label}`);

    const checks: CheckResult[] = [{ name: "calculateDistributionRun calculated the run", ok: project.calculated, detail: String(project.calculated) }, ...(await checkRun(client, project.runId))];
    for (const c of checks) console.log(`[bench:distribution] ${c.ok ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`);
    const counts = await rowCounts(client, project.runId);
    const run = (await client.query<Record<string, string>>(`SELECT "recognisedCents", "adminFeeCents", "allocatedCents", "disputeHeldCents", "externalCents", "paidCents", "withheldCents", "carriedOutCents" FROM distribution_runs WHERE id = $1`, [project.runId])).rows[0]!;
    const problems = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);

    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = project.seconds / rawSeconds;
    const row = tableRow;
    await writeBenchmarkSection(
      "distribution",
      [
        "## Distribution run (`npm run bench:distribution`)",
        "",
        `Command: \`npm run bench:distribution\`${ROWS === 1_000_000 ? "" : ` with BENCH_ROWS=${ROWS}`} · ${nowUtc()} UTC · ${machine()} · PostgreSQL on ${new URL(SERVER_URL).host}`,
        "",
        `${QUARTER.code} with ${fmt(facts.lines)} usage lines in ${facts.reports} processed reports (95 % eligible, units 1–10⁹, lines of ${facts.mergedWorks} merged works), ${fmt(facts.licensees)} licensees`,
        `(one paid grant each of 1,000–500,000 USD, terms starting so that some recognise part of the quarter, 2 % renewed inside it, ${facts.refunds} refunds;`,
        `${facts.poolLicensees} without eligible usage, whose money goes to the general pool), ${fmt(facts.rightsholders)} rightsholders and ${fmt(facts.works)} works (${fmt(facts.coOwnedWorks)} with`,
        `2–3 co-owners, some external; ${facts.openDisputes} open disputes). The project path is \`calculateDistributionRun\` (the \`distribution.calculate\` job's body:`,
        "one transaction, temporary tables, every row of decision 017's contract written). The raw baseline is ONE SQL statement",
        "(`scripts/bench/distribution-raw.ts`, server defaults, JIT included) computing the same allocation per payee from the source tables",
        "and writing only its answer. The checks hold the run's invariants and its per-payee money against the raw answer.",
        "",
        "| measure | value |",
        "|---|---|",
        row("project (calculateDistributionRun)", `${project.seconds.toFixed(1)} s`),
        row("raw one-statement allocation", `${rawSeconds.toFixed(1)} s`),
        row("ratio project / raw", ratio.toFixed(2)),
        row("peak RSS of the Node process", `${peakRssMb} MB`),
        row("where the project's time goes", project.steps.map((s) => `${s.label} ${s.seconds.toFixed(1)} s`).join(" · ")),
        row("rows written", Object.entries(counts).map(([k, v]) => `${k.replaceAll("_", " ")} ${fmt(v)}`).join(" · ")),
        row("money (cents)", `recognised ${fmt(run.recognisedCents!)} · admin fees ${fmt(run.adminFeeCents!)} · allocated ${fmt(run.allocatedCents!)} (held for disputes ${fmt(run.disputeHeldCents!)}, external ${fmt(run.externalCents!)}) · paid ${fmt(run.paidCents!)} · withheld ${fmt(run.withheldCents!)} · carried ${fmt(run.carriedOutCents!)}`),
        row("targets", targetsMet({ seconds: project.seconds, ratio }, TARGETS)),
        row(`checks (${checks.length}: invariants, per-payee money = raw, payouts)`, problems.length === 0 ? "passed" : problems.join("; ")),
      ].join("\n"),
    );
    printResult("distribution", problems, { projectSeconds: project.seconds, rawSeconds, peakRssMb });
  } finally {
    await client.end().catch(() => undefined);
    if (process.env.KEEP_BENCH_DB !== "1") await dropDatabase(SERVER_URL, name).catch((e: unknown) => console.error(e));
  }
}

await main();
process.exit(process.exitCode ?? 0);
