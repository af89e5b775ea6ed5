// `npm run test:hostile:nightly`: the hostile-input properties (tests/hostile and
// tests/integration/hostile-*) with 50 times the CI's cases, on fresh random seeds each night.
// Each test file writes its tally (cases run, slowest case and its input) to test-results/hostile/;
// this script adds them up, prints the total and writes test-results/hostile/summary.json.
//
//   npm run test:hostile:nightly                    ×50 (HOSTILE_RUNS_MULTIPLIER)
//   npm run test:hostile:nightly -- --multiplier=1  the CI's own count, for the record
//
// A failure prints fast-check's seed and path: put the counterexample in the test as a regression
// case, fix the parser, and run again.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPORT_DIR = path.join(ROOT, "test-results/hostile");
const FILES = ["tests/hostile/", "tests/integration/hostile-"];

const flag = process.argv.find((a) => a.startsWith("--multiplier="));
const multiplier = flag ? flag.slice("--multiplier=".length) : (process.env.HOSTILE_RUNS_MULTIPLIER ?? "50");
if (!(Number(multiplier) > 0)) throw new Error(`--multiplier must be a positive number, not "${multiplier}".`);

type Tally = { property: string; cases: number; slowestMs: number; slowestInput: string; budgetMs: number };
type FileReport = { file: string; multiplier: number; cases: number; properties: Tally[] };

function runVitest(): Promise<number> {
  return new Promise((resolve, reject) => {
    // Tests without a timeout of their own get the config's 20 s, scaled like their cases.
    const testTimeout = String(Math.round(20_000 * Math.max(1, Number(multiplier))));
    const child = spawn(path.join(ROOT, "node_modules/.bin/vitest"), ["run", `--testTimeout=${testTimeout}`, ...FILES], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, HOSTILE_RUNS_MULTIPLIER: multiplier, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

fs.rmSync(REPORT_DIR, { recursive: true, force: true });
const started = Date.now();
const exitCode = await runVitest();
const seconds = (Date.now() - started) / 1000;

const reports: FileReport[] = fs.existsSync(REPORT_DIR)
  ? fs.readdirSync(REPORT_DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(path.join(REPORT_DIR, f), "utf8")) as FileReport)
  : [];
const properties = reports.flatMap((r) => r.properties.map((p) => ({ ...p, file: r.file })));
const total = properties.reduce((sum, p) => sum + p.cases, 0);
const slowest = [...properties].sort((a, b) => b.slowestMs - a.slowestMs).slice(0, 5);

console.log(`\nHostile input, ×${multiplier}: ${total.toLocaleString("en-GB")} cases in ${properties.length} properties, ${reports.length} files, ${seconds.toFixed(1)} s`);
for (const r of reports.sort((a, b) => a.file.localeCompare(b.file))) console.log(`  ${r.file.padEnd(24)} ${String(r.cases).padStart(9)} cases`);
console.log("Slowest cases:");
for (const p of slowest) console.log(`  ${p.slowestMs.toFixed(1).padStart(7)} ms (budget ${p.budgetMs} ms)  ${p.file} › ${p.property}`);
fs.mkdirSync(REPORT_DIR, { recursive: true });
fs.writeFileSync(path.join(REPORT_DIR, "summary.json"), `${JSON.stringify({ multiplier: Number(multiplier), total, seconds, files: reports.length, slowest }, null, 2)}\n`);
process.exit(exitCode);
