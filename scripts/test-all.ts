// `npm test`: every check, in order, stopping at the first failure:
//   lint → typecheck → migration check → unit/integration tests (Vitest) → end-to-end (Playwright).
// Ends with one line "N passed, M failed" (tests counted from Vitest's and Playwright's JSON
// reports in test-results/) and a non-zero exit code on any failure.
//
// While working on one area: `E2E_ONLY=1 npm test -- tests/e2e/works.spec.ts` skips straight to the
// end-to-end step (fresh database, build when out of date) and passes the arguments to Playwright.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { createDatabase, dropDatabase, withDatabaseName } from "./db/databases";
import { migrateDatabase } from "./db/migrate";
import { ensureNextBuild } from "./lib/next-build";
import { ensurePostgresForTests, type PostgresServer } from "./lib/postgres-server";
import { seedDemoInChild } from "./lib/seed-demo";
import { DOUBLE_WEBHOOK_SECRET } from "../src/server/stripe/double-webhook-secret";
import { startStripeDouble, type StripeDouble } from "./stripe-double/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "test-results");
const VITEST_JSON = path.join(RESULTS, "vitest.json");
const PLAYWRIGHT_JSON = path.join(RESULTS, "playwright.json");
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const CI = process.env.CI === "true" || process.env.CI === "1";
const E2E_ONLY = process.env.E2E_ONLY === "1";
const PLAYWRIGHT_ARGS = process.argv.slice(2);

const counts = { passed: 0, failed: 0 };
const timings: string[] = [];
let server: PostgresServer | undefined;
let e2eDatabase: string | undefined;
let stripeDouble: StripeDouble | undefined;

async function step(title: string, body: () => Promise<void>) {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(3, 72 - title.length))}`);
  const started = Date.now();
  try {
    await body();
  } finally {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    timings.push(`  ${title.padEnd(52)} ${seconds.padStart(6)} s`);
    console.log(`─── ${title}: ${seconds} s`);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`)));
  });
}

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

/** The server is needed from the migration check on; started once, shared by every later step. */
async function postgres(): Promise<PostgresServer> {
  server ??= await ensurePostgresForTests({ log: (line) => console.log(`[test db] ${line}`) });
  return server;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.rmSync(VITEST_JSON, { force: true });
  fs.rmSync(PLAYWRIGHT_JSON, { force: true });
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  if (!E2E_ONLY) await checksAndUnitTests(baseEnv);
  await endToEnd(baseEnv);
}

async function checksAndUnitTests(baseEnv: NodeJS.ProcessEnv) {
  await step("Lint (eslint .)", () => run("npm", ["run", "--silent", "lint"], baseEnv));
  await step("Typecheck (tsc --noEmit)", () => run(bin("tsc"), ["--noEmit"], baseEnv));

  await step("Migrations match the schema (npm run db:check)", async () => {
    const { adminUrl } = await postgres();
    await run("npm", ["run", "--silent", "db:check"], { ...baseEnv, DATABASE_URL: adminUrl });
  });

  // Vitest's global setup makes its own database on the server DATABASE_URL names.
  await step("Unit and integration tests (vitest run)", async () => {
    const { adminUrl } = await postgres();
    try {
      await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
        { ...baseEnv, DATABASE_URL: adminUrl });
    } finally {
      const report = readJson(VITEST_JSON) as { numPassedTests?: number; numFailedTests?: number } | undefined;
      counts.passed += report?.numPassedTests ?? 0;
      counts.failed += report?.numFailedTests ?? 0;
    }
  });

}

async function endToEnd(baseEnv: NodeJS.ProcessEnv) {
  const e2eEnv: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(E2E_PORT), NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url") };
  await step("End-to-end database (create, migrate, seed)", async () => {
    const { adminUrl } = await postgres();
    e2eDatabase = `portal_e2e_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
    await createDatabase(adminUrl, e2eDatabase);
    const url = withDatabaseName(adminUrl, e2eDatabase);
    await migrateDatabase(url, { log: (line: string) => console.log(line) });
    await seedDemoInChild(url);
    Object.assign(e2eEnv, { DATABASE_URL: url, E2E_DATABASE_URL: url });
  });
  // The app under test talks to the local Stripe test double, started here for the whole step.
  stripeDouble = await startStripeDouble(0, { url: `http://localhost:${E2E_PORT}/api/stripe/webhook`, secret: DOUBLE_WEBHOOK_SECRET });
  Object.assign(e2eEnv, { STRIPE_DOUBLE_URL: stripeDouble.url, STRIPE_SECRET_KEY: "" });
  await step(`Build (next build${CI ? ", always in CI" : ", when out of date"})`, () =>
    ensureNextBuild({ env: { ...e2eEnv, NODE_ENV: "production" }, force: CI }));
  await step("End-to-end tests (playwright test)", async () => {
    try {
      await run(bin("playwright"), ["test", ...PLAYWRIGHT_ARGS], e2eEnv);
    } finally {
      const report = readJson(PLAYWRIGHT_JSON) as { stats?: { expected?: number; flaky?: number; unexpected?: number } } | undefined;
      counts.passed += (report?.stats?.expected ?? 0) + (report?.stats?.flaky ?? 0);
      counts.failed += report?.stats?.unexpected ?? 0;
    }
  });
}

async function cleanUp() {
  await stripeDouble?.close();
  if (server && e2eDatabase && process.env.KEEP_TEST_DB !== "1") {
    await dropDatabase(server.adminUrl, e2eDatabase).catch((error: unknown) => console.error(`Could not drop ${e2eDatabase}: ${error}`));
  }
  await server?.stop();
}

const started = Date.now();
let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
}
await cleanUp();
console.log(`\nTimings:\n${timings.join("\n")}\n  ${"total".padEnd(52)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
if (exitCode === 0 && counts.failed > 0) exitCode = 1;
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode);
