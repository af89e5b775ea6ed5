// `npm audit` for CI (.ci/run, before the tests): fails on any high or critical advisory in the
// whole lockfile, dev dependencies included, since the build tools and test runners run with CI's
// rights and the build's output is what ships. `npm run`-free: node_modules/.bin/tsx scripts/deps-audit.ts
//
// npm's audit service is asked with a POST; a registry mirror that allows only GET (as on these
// machines: 405) cannot answer it. Then this says so in a banner, checks the lockfile against the
// advisories listed in deps-audit/floors.ts instead, and fails only on those; AUDIT_REQUIRED=1
// makes an unanswered audit fail the run (for machines that reach the real registry).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { KNOWN_ADVISORIES } from "./deps-audit/floors";
import { isAffected } from "./deps-audit/versions";

const ROOT = path.resolve(import.meta.dirname, "..");
const GATE = ["high", "critical"];

type AuditReport = {
  auditReportVersion: number;
  vulnerabilities: Record<string, { severity: string; via: (string | { title?: string; url?: string })[]; fixAvailable: unknown; range?: string }>;
  metadata: { vulnerabilities: Record<string, number> };
};

function runNpmAudit(): { report: AuditReport } | { failure: string } {
  const result = spawnSync("npm", ["audit", "--json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 ** 2 });
  if (result.error) return { failure: `npm audit could not run: ${result.error.message}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    return { failure: `npm audit printed no report (exit ${result.status}): ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" / ")}` };
  }
  const body = parsed as Partial<AuditReport> & { message?: string; error?: { summary?: string } };
  if (body.auditReportVersion && body.metadata) return { report: body as AuditReport };
  return { failure: `npm's audit service did not answer: ${body.message ?? body.error?.summary ?? "no report"}` };
}

/** Every installed package version the lockfile holds. */
export function lockfilePackages(lockfile = path.join(ROOT, "package-lock.json")): { name: string; version: string; where: string }[] {
  const lock = JSON.parse(readFileSync(lockfile, "utf8")) as { packages: Record<string, { version?: string; link?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([where, entry]) => where !== "" && entry.version && !entry.link)
    .map(([where, entry]) => ({ name: where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length), version: entry.version!, where }));
}

export function knownAdvisoryHits(packages = lockfilePackages()): string[] {
  return packages.flatMap((pkg) =>
    KNOWN_ADVISORIES.filter((a) => a.name === pkg.name && isAffected(pkg.version, a.affected)).map(
      (a) => `${a.severity.toUpperCase()} ${pkg.name}@${pkg.version} (${pkg.where}): ${a.id}, ${a.title}`,
    ));
}

function banner(lines: string[]) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${"!".repeat(width)}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join("\n")}\n${"!".repeat(width)}\n`);
}

function main(): number {
  const outcome = runNpmAudit();
  if ("report" in outcome) {
    const counts = outcome.report.metadata.vulnerabilities;
    const gated = Object.entries(outcome.report.vulnerabilities).filter(([, v]) => GATE.includes(v.severity));
    console.log(`npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low (${counts.total ?? 0} in all, dev dependencies included).`);
    for (const [name, v] of gated) {
      const why = v.via.map((via) => (typeof via === "string" ? `through ${via}` : `${via.title ?? ""} ${via.url ?? ""}`.trim())).join("; ");
      console.log(`  ${v.severity.toUpperCase()} ${name} ${v.range ?? ""}: ${why}${v.fixAvailable ? " (a fix is available)" : ""}`);
    }
    return gated.length > 0 ? 1 : 0;
  }
  banner([
    "NPM AUDIT DID NOT RUN: the advisory database was not reachable.",
    outcome.failure.slice(0, 150),
    `Checked instead: the lockfile against the ${KNOWN_ADVISORIES.length} advisories in scripts/deps-audit/floors.ts.`,
    "Run `npm audit --audit-level=high` where the registry answers it.",
  ]);
  const hits = knownAdvisoryHits();
  for (const hit of hits) console.log(`  ${hit}`);
  console.log(hits.length ? `${hits.length} known high or critical advisories apply.` : "No known high or critical advisory applies to the lockfile.");
  if (hits.length > 0) return 1;
  return process.env.AUDIT_REQUIRED === "1" ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exit(main());
