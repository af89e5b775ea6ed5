// Where bench:load writes: a summary section in docs/benchmarks.md (report.ts) and the details in
// docs/reliability.md between <!-- load --> and <!-- /load --> (the file is created when missing;
// nothing outside the markers is touched, so other sections and the notes after it stay).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DataOnlyResult } from "./load-data-only";
import type { ScenarioResult } from "./load-run";
import { machine, nowUtc, writeBenchmarkSection } from "./report";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const LOAD_TARGETS = { p95Ms: 300, errorsPct: 1 };

export type LoadReport = {
  command: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  database: string;
  seedSeconds: number | null;
  peakRssMb: number;
  results: ScenarioResult[];
  /** The same reads without the framework, at the same rate (load-data-only.ts). */
  dataOnly: DataOnlyResult[];
  /** CPU of the next start process per answered request, by scenario (ms). */
  serverCpuMs: Record<string, number>;
  fixtures: { licensees: number; biggestWorks: number; identifiers: number; unknownIdentifiers: number; apiKeys: number };
  scenarioNotes: Record<string, string>;
};

const ms = (n: number) => `${Math.round(n)} ms`;
const ms1 = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (r: ScenarioResult) =>
  `p95 ≤ ${LOAD_TARGETS.p95Ms} ms: ${r.p95 <= LOAD_TARGETS.p95Ms ? "met" : "NOT met"} · errors < ${LOAD_TARGETS.errorsPct} %: ${r.errorsPct < LOAD_TARGETS.errorsPct ? "met" : "NOT met"}`;

export async function writeLoadBenchmark(report: LoadReport): Promise<void> {
  await writeBenchmarkSection(
    "load",
    [
      "## Load on loopback (`npm run bench:load`)",
      "",
      `Command: \`${report.command}\` · ${nowUtc()} UTC · ${machine()}`,
      "",
      `ONE \`next start\` process (production build, job worker off) on the large dataset (\`npm run seed:large\`), ${report.rate} requests/s`,
      `for ${report.seconds} s per scenario after ${report.warmupSeconds} s of warm-up, arrivals spread evenly over each second (autocannon). Details and where the`,
      "time goes: docs/reliability.md, section Load.",
      "",
      "| scenario | p50 | p95 | p99 | achieved req/s | errors + non-2xx | targets | raw SQL p95 | ratio p95 | server CPU / request | raw SQL CPU / request |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
      ...report.results.map((r) => {
        const raw = report.dataOnly.find((d) => d.name === r.name);
        return `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.perSecond.toFixed(1)} | ${(r.errorsPct).toFixed(2)} % | ${verdict(r)} | ` +
          `${raw ? ms1(raw.p95) : "—"} | ${raw ? (r.p95 / raw.p95).toFixed(1) : "—"} | ${ms1(report.serverCpuMs[r.name] ?? NaN)} | ${raw ? ms1(raw.cpuMsPerRequest) : "—"} |`;
      }),
      "",
      "Raw SQL: the same statements (the session's actor, the unread count, the page's read models; for the API the key, its rate",
      "limit and the coverage facts) called without the framework at the same rate, in the bench's process (scripts/bench/load-data-only.ts).",
      "",
      `Peak RSS of the next start process: ${report.peakRssMb} MB.`,
    ].join("\n"),
  );
  await writeReliabilitySection(reliabilityBlock(report));
}

function reliabilityBlock(report: LoadReport): string {
  const f = report.fixtures;
  return [
    `Command: \`${report.command}\` · ${nowUtc()} UTC · ${machine()} · database ${report.database}${report.seedSeconds === null ? " (reused)" : `, seeded in ${report.seedSeconds.toFixed(0)} s`}`,
    "",
    `Set-up: one \`next start\` (production build; NODE_ENV=production; JOBS_DISABLED=1 so the seeded payout jobs do not run during the`,
    "measurement; the Stripe test double in the bench's process), PostgreSQL on the same machine, load generated on the same 2 cores.",
    `Each scenario: ${report.warmupSeconds} s warm-up, then ${report.seconds} s at ${report.rate} requests/s, made of ${Math.round(report.rate / 3)} autocannon instances of 3 connections at`,
    "1 request/s each, started evenly over the first second; before each run the app is left to answer what is still queued. Latency",
    "is each answer's own time, client side, queueing included; a scenario the app cannot keep up with shows it as achieved req/s below the rate.",
    "",
    "| scenario | what is requested | requests | achieved req/s | p50 | p95 | p99 | max | errors | timeouts | non-2xx | status codes |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...report.results.map((r) =>
      `| ${r.name} | ${report.scenarioNotes[r.name] ?? ""} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${Object.entries(r.statusCodes).map(([c, n]) => `${c}: ${n}`).join(", ")} |`),
    "",
    `Targets (p95 ≤ ${LOAD_TARGETS.p95Ms} ms at ${report.rate} req/s, errors < ${LOAD_TARGETS.errorsPct} %): ${report.results.map((r) => `${r.name} ${verdict(r)}`).join("; ")}.`,
    `Peak RSS of the next start process: ${report.peakRssMb} MB. Fixtures: ${f.licensees} licensee sessions, the biggest rightsholder (${f.biggestWorks.toLocaleString("en-GB")} works),`,
    `${f.apiKeys} API keys of licensees holding a license, ${f.identifiers} identifiers of enrolled works and ${f.unknownIdentifiers} unknown ISBNs.`,
  ].join("\n");
}

async function writeReliabilitySection(block: string): Promise<void> {
  const file = path.join(ROOT, "docs/reliability.md");
  const intro = [
    "# Reliability",
    "",
    "How the portal behaves under load, faults and hostile input, measured. Each section names the command",
    "that produced its figures; blocks between markers are rewritten by that command.",
    "",
  ].join("\n");
  const current = await readFile(file, "utf8").catch(() => `${intro}\n`);
  const start = "<!-- load -->";
  const end = "<!-- /load -->";
  const marked = `${start}\n${block}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => marked)
    : `${current.trimEnd()}\n\n## Load\n\n${marked}\n`;
  await writeFile(file, next);
}
