// Starts tests/faults/support/worker-process.ts as a child process and lets a test kill it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type WorkerChild = {
  child: ChildProcess;
  /** Resolves once the worker has loaded its modules and started polling. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isAlive: () => boolean;
  kill9: () => Promise<void>;
  /** Stops it politely (SIGTERM) and waits. */
  stop: () => Promise<void>;
  output: () => string;
};

export function startWorkerChild(options: { databaseUrl: string; jobs: string[]; env?: Record<string, string> }): WorkerChild {
  // node with tsx's loader, not the `tsx` command: that one runs the script in a child process of
  // its own, which a SIGKILL of the command leaves running (the "killed" worker went on paying).
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "worker-process.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, FAULT_JOBS: options.jobs.join(","), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let isExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      isExited = true;
      resolve({ code, signal });
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(({ code, signal }) => reject(new Error(`The worker exited before it was ready (${code ?? signal}):\n${output.slice(-3000)}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    exited,
    isAlive: () => !isExited,
    kill9: async () => {
      if (!isExited) child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (!isExited) child.kill("SIGTERM");
      await exited;
    },
    output: () => output,
  };
}
