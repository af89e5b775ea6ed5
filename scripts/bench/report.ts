// What the benchmark scripts share: timing, the machine's description, and their section of
// docs/benchmarks.md (each script rewrites only the block between its own markers).
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.availableParallelism()} × ${cpu.trim()}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`;
}

export const nowUtc = () => new Date().toISOString().slice(0, 16).replace("T", " ");

/** Replaces (or appends) the `<!-- bench:<name> -->` block of docs/benchmarks.md. */
export async function writeBenchmarkSection(name: string, section: string): Promise<void> {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const intro = [
    "# Benchmarks",
    "",
    "Timings of the paths that must stay fast at scale, measured by scripts in `scripts/bench/` against",
    "a real PostgreSQL. Each section is rewritten by its script; the machine and date are in it. These",
    "machines are shared (2 cores), so figures vary by ±20 % between runs; compare ratios, not seconds.",
    "",
  ].join("\n");
  const current = await readFile(file, "utf8").catch(() => `${intro}\n`);
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${section}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => block)
    : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}

/** A table row of the section. */
export const tableRow = (what: string, value: string) => `| ${what} | ${value} |`;

/** "≤ 60 s: met · ratio ≤ 3: met", for the targets row. */
export function targetsMet(figures: { seconds: number; ratio: number }, targets: { seconds: number; ratio: number }): string {
  const verdict = (isMet: boolean) => (isMet ? "met" : "NOT met");
  return `≤ ${targets.seconds} s: ${verdict(figures.seconds <= targets.seconds)} · ratio ≤ ${targets.ratio}: ${verdict(figures.ratio <= targets.ratio)}`;
}

/** The failed checks (exit code 1) and the RESULT line the issue asks for, printed last. */
export function printResult(name: string, problems: string[], figures: { projectSeconds: number; rawSeconds: number; peakRssMb: number }): void {
  for (const p of problems) console.error(`[bench:${name}] CHECK FAILED: ${p}`);
  if (problems.length > 0) process.exitCode = 1;
  const ratio = figures.projectSeconds / figures.rawSeconds;
  console.log(`RESULT ${name} project_s=${figures.projectSeconds.toFixed(2)} raw_s=${figures.rawSeconds.toFixed(2)} ratio=${ratio.toFixed(2)} peak_rss_mb=${figures.peakRssMb}`);
}
