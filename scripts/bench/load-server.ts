// The app under load: ONE `next start` process on a production build, against the large
// database, with the Stripe test double in this process (as scripts/test-all.ts runs it for the
// end-to-end tests). The in-process job worker is off (JOBS_DISABLED=1, a web-only instance):
// the seeded approvals leave payout jobs queued, and paying thousands of statements during the
// measurement would measure the payouts, not the pages.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { ensureNextBuild } from "../lib/next-build";
import { freeLoopbackPort } from "../lib/loopback";
import { startStripeDouble, type StripeDouble } from "../stripe-double/server";
import { DOUBLE_WEBHOOK_SECRET } from "../../src/server/stripe/double-webhook-secret";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type AppUnderLoad = {
  baseUrl: string; pid: number; peakRssMb: () => number; stop: () => Promise<void>; recentOutput: () => string;
  /** CPU time (user + system, all threads) the server's processes have used so far, in ms. */
  cpuMs: () => number;
};

/** The process and its descendants (next start may fork its server). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${pids[i]}/task`)) {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended
    }
  }
  return pids;
}

/** The largest resident set any process of the tree reached (VmHWM), in MB. */
function peakRss(pid: number): number {
  let peak = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // the process ended
    }
  }
  return Math.round(peak);
}

/** user + system clock ticks of the tree's processes (/proc/<pid>/stat fields 14 and 15), as ms at 100 ticks a second. */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended
    }
  }
  return ticks * 10;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startAppUnderLoad(databaseUrl: string, log: (line: string) => void): Promise<AppUnderLoad> {
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"), JOBS_DISABLED: "1", STRIPE_SECRET_KEY: "",
  };
  await ensureNextBuild({ env, log });
  const double: StripeDouble = await startStripeDouble(0, { url: `${baseUrl}/api/stripe/webhook`, secret: DOUBLE_WEBHOOK_SECRET });
  env.STRIPE_DOUBLE_URL = double.url;
  // LOAD_CPU_PROF_DIR=dir: a V8 CPU profile of the server, written there when it stops (open it in Chrome's DevTools).
  const profile = process.env.LOAD_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  log(`next start on ${baseUrl} (pid ${child.pid}), Stripe test double on ${double.url}`);
  try {
    await waitUntilAnswering(`${baseUrl}/sign-in`, child);
  } catch (error) {
    child.kill("SIGTERM");
    await double.close();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output.join("")}`);
  }
  let lastPeak = 0;
  return {
    baseUrl,
    pid: child.pid!,
    peakRssMb: () => (lastPeak = Math.max(lastPeak, peakRss(child.pid!))),
    recentOutput: () => output.join(""),
    cpuMs: () => cpuMs(child.pid!),
    stop: async () => {
      lastPeak = Math.max(lastPeak, peakRss(child.pid!));
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      await double.close();
    },
  };
}
