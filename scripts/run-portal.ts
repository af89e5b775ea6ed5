// `npm run start:portal`: one command from a fresh checkout (after npm ci) to a running portal.
// Database (DATABASE_URL, else an embedded PostgreSQL in .data/) → migrations → demo data when
// empty → a persisted NEXTAUTH_SECRET → `next build` when stale → `next start`, then a banner with
// the URL and the demo sign-ins.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { createDatabase, databaseExists, withDatabaseName } from "./db/databases";
import { migrateDatabase } from "./db/migrate";
import { ensureNextBuild } from "./lib/next-build";
import { seedDemoInChild } from "./lib/seed-demo";
import { ensurePostgresForApp, type PostgresServer } from "./lib/postgres-server";
import { DOUBLE_WEBHOOK_SECRET } from "../src/server/stripe/double-webhook-secret";
import { startStripeDouble } from "./stripe-double/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET_FILE = path.join(ROOT, ".data", "nextauth-secret");
const PORT = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[portal] ${line}`);

let server: PostgresServer | undefined;
let app: ChildProcess | undefined;
let exiting = false;
let stopRequested = false;

// Until `next start` runs, a signal stops the database and exits; afterwards it is forwarded to the
// app, and the database stops once the app has exited.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    if (app && app.exitCode === null && app.signalCode === null) {
      if (!stopRequested) log(`${signal}: stopping the portal...`);
      stopRequested = true;
      app.kill(signal);
    } else {
      void shutdown(code);
    }
  });
}

async function shutdown(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    if (server?.source === "embedded") log("Stopping the embedded PostgreSQL...");
    await server?.stop().catch((error) => console.error(error));
  }
  process.exit(code);
}

async function main() {
  await assertPortFree(PORT);
  server = await ensurePostgresForApp({ log, handleSignals: false });
  let databaseUrl = server.adminUrl;
  if (server.source === "embedded") {
    if (!(await databaseExists(server.adminUrl, "portal"))) await createDatabase(server.adminUrl, "portal");
    databaseUrl = withDatabaseName(server.adminUrl, "portal");
  }
  log(`Database: ${redact(databaseUrl)}${server.source === "embedded" ? " (embedded, data in .data/postgres)" : ""}`);

  const { applied } = await migrateDatabase(databaseUrl, { log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  const demo = await seedDemoInChild(databaseUrl);
  log(demo.seeded ? "Empty database: demo data loaded." : "Database already has data: not seeding.");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistedSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
  };
  if (!process.env.STRIPE_SECRET_KEY) {
    // No Stripe keys: payments and payout onboarding go to the local test double, in this process.
    // Its webhooks go to this portal, signed with the double's secret (the portal verifies them with it).
    const double = await startStripeDouble(Number(process.env.STRIPE_DOUBLE_PORT ?? 0), {
      url: `http://localhost:${PORT}/api/stripe/webhook`,
      secret: process.env.STRIPE_WEBHOOK_SECRET ?? DOUBLE_WEBHOOK_SECRET,
    });
    env.STRIPE_DOUBLE_URL = double.url;
    log(`No STRIPE_SECRET_KEY: using the local Stripe test double at ${double.url}.`);
  }
  await ensureNextBuild({ env, log });

  log(`Starting the portal on port ${PORT}...`);
  app = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], { cwd: ROOT, env, stdio: "inherit" });
  app.on("exit", (code, signal) => {
    if (!stopRequested) log(`The portal stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
    void shutdown(stopRequested ? 0 : (code ?? 1));
  });
  await waitForHttp(`http://127.0.0.1:${PORT}/`);
  printBanner(env.NEXTAUTH_URL!, demo.accounts);
}

// Sessions stay valid across restarts because the secret is kept in .data/ (git-ignored).
function persistedSecret(): string {
  if (fs.existsSync(SECRET_FILE)) return fs.readFileSync(SECRET_FILE, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  fs.writeFileSync(SECRET_FILE, secret + "\n", { mode: 0o600 });
  log("Generated a NEXTAUTH_SECRET in .data/nextauth-secret.");
  return secret;
}

// Checked before the slow steps, so a busy port fails in a second with a useful message.
async function assertPortFree(port: number) {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
  if (!free) throw new Error(`Port ${port} is already in use. Stop what runs there or choose another: PORT=3001 npm run start:portal`);
}

async function waitForHttp(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exiting) return;
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function printBanner(url: string, accounts: { role: string; email: string; password: string }[]) {
  const roleWidth = Math.max(0, ...accounts.map((a) => a.role.length));
  const emailWidth = Math.max(0, ...accounts.map((a) => a.email.length));
  const lines = [
    `The portal is running at ${url}`,
    "",
    "Demo sign-ins:",
    ...accounts.map((a) => `  ${a.role.padEnd(roleWidth)}  ${a.email.padEnd(emailWidth)}  ${a.password}`),
    "",
    "Press Ctrl+C to stop.",
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = "=".repeat(width + 2);
  console.log(`\n${bar}\n${lines.map((l) => ` ${l.padEnd(width)} `).join("\n")}\n${bar}\n`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

main().catch(async (error) => {
  console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack);
  await shutdown(1);
});
