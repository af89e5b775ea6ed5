// `npm run seed:large`: the large dataset for benchmarks and load tests — 1M works over 10k
// rightsholders (a few big publishers, a long tail), 1k licensees with a year and a half of
// licenses, 1M usage lines over the four closed quarters, the earlier quarters' distribution runs
// approved (statements and payouts written by the real calculation), the last one waiting — on top
// of the demo data (prisma/seed.ts), whose accounts it prints at the end with the bulk ones.
//
//   npm run seed:large                        into DATABASE_URL's database (it must have no users)
//   npm run seed:large -- --force             the same, emptying that database first
//   npm run seed:large -- --create NAME       into a new database NAME (--force: drop NAME first)
//   SEED_SCALE=0.1 npm run seed:large …       a tenth of everything
//
// Dates are relative to today. Target ≤ 5 minutes at full scale; the time of each step is printed,
// and a full-scale run records its figures in docs/benchmarks.md.
import { buildLargeDataset, LARGE_PASSWORD, type LargeFacts } from "./seed-large/build";
import { LARGE_DOMAIN } from "./seed-large/organizations";
import { scaleFrom, type LargeScale } from "./seed-large/scale";
import { parseArguments, prepareTarget } from "./seed-large/target";
import { databaseNameOf } from "./db/databases";
import { machine, nowUtc, tableRow, writeBenchmarkSection } from "./bench/report";
import { todayUtc } from "../src/lib/works/work-input";

const TARGET_SECONDS = 300;
const log = (line: string) => console.log(`[seed:large] ${line}`);
const fmt = (n: number | bigint) => n.toLocaleString("en-GB");

async function record(facts: LargeFacts, scale: LargeScale, command: string) {
  const u = facts.usage;
  await writeBenchmarkSection(
    "seed-large",
    [
      "## The large dataset (`npm run seed:large`)",
      "",
      `Command: \`${command}\` · ${nowUtc()} UTC · ${machine()}`,
      "",
      `The demo seed, then in set-based SQL ${fmt(scale.rightsholders)} rightsholders (the biggest holds ${fmt(facts.biggestRightsholder.works)} works), ${fmt(scale.licensees)} licensees`,
      `and their license histories, ${fmt(facts.counts.works ?? 0)} works with ${fmt(facts.counts.identifiers ?? 0)} identifiers, ${fmt(u.reports)} usage reports of ${fmt(u.storedLines)} lines`,
      `(${fmt(u.inputLines)} input lines summed per work and purpose), then ${facts.runs.length} distribution runs through \`calculateDistributionRun\` and`,
      "`approveDistributionRun`. Secondary indexes of the bulk tables are dropped for the load and built again after it.",
      "",
      "| step | seconds |",
      "|---|---|",
      ...facts.steps.map((s) => tableRow(s.label, s.seconds.toFixed(1))),
      tableRow("**total**", `**${facts.seconds.toFixed(1)}**`),
      tableRow("target", `≤ ${TARGET_SECONDS} s: ${facts.seconds <= TARGET_SECONDS ? "met" : "NOT met"}`),
      tableRow("rows", Object.entries(facts.counts).map(([k, v]) => `${k} ${fmt(v)}`).join(" · ")),
    ].join("\n"),
  );
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const scale = scaleFrom(process.env.SEED_SCALE);
  const target = await prepareTarget(options, log);
  log(`database ${databaseNameOf(target.url)}${target.created ? " (created)" : ""}, scale ${scale.scale}`);
  const facts = await buildLargeDataset(target.url, scale, todayUtc(), log);

  log(`done in ${facts.seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s at scale 1)`);
  for (const [name, count] of Object.entries(facts.counts)) log(`  ${name.padEnd(16)} ${fmt(count).padStart(10)}`);
  for (const run of facts.runs) log(`  run ${run.quarter}: ${run.status.toLowerCase()}, ${fmt(run.statements)} statements, ${fmt(run.allocatedCents)} cents allocated`);

  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../prisma/seed");
  console.log("\nSign in with (demo accounts):");
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(20)} ${a.email}  /  ${DEMO_PASSWORD}`);
  console.log(`Bulk accounts, all with the password ${LARGE_PASSWORD}:`);
  console.log(`  Licensee owners      licensee-N@${LARGE_DOMAIN}  (N = 1…${scale.licensees}; every 5th also licensee-N-member@…)`);
  console.log(`  Rightsholder owners  rightsholder-N@${LARGE_DOMAIN}  (N = 1…${scale.rightsholders}, by catalogue size:`);
  console.log(`                       N = 1 is ${facts.biggestRightsholder.name}, ${fmt(facts.biggestRightsholder.works)} works)`);
  console.log(`DATABASE_URL=${target.url}`);
  if (scale.scale === 1) await record(facts, scale, `npm run seed:large${options.create ? ` -- --create ${options.create}` : ""}`);
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`[seed:large] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
