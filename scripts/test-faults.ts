// `npm run test:faults`: the fault tests (tests/faults) at full size — 50 worker kills, 300 payees
// paid through Stripe faults, 200 mails through an SMTP outage — then a summary of the figures
// each test recorded (tests/faults/support/figures.ts). The normal `vitest run` runs the same
// files at CI size. Any FAULT_* variable already set wins.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clearway-faults-")), "figures.jsonl");
const env = { FAULT_KILLS: "50", FAULT_PAYEES: "300", FAULT_MAILS: "200", ...process.env, FAULT_SUMMARY_FILE: summaryFile };
const startedAt = Date.now();
const result = spawnSync(path.resolve("node_modules/.bin/vitest"), ["run", "tests/faults", ...process.argv.slice(2)], { stdio: "inherit", env });
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);

console.log(`\nFault tests: ${result.status === 0 ? "passed" : "FAILED"} in ${seconds} s (${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString()})`);
const lines = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, "utf8").trim().split("\n").filter(Boolean) : [];
for (const line of lines) {
  const { fault, ...figures } = JSON.parse(line) as Record<string, unknown>;
  console.log(`  ${String(fault).padEnd(28)} ${Object.entries(figures).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : typeof v === "object" ? JSON.stringify(v) : String(v)}`).join(" ")}`);
}
fs.rmSync(path.dirname(summaryFile), { recursive: true, force: true });
process.exit(result.status ?? 1);
