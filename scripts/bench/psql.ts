// Runs a script through psql (the raw baselines use its client-side \copy, as an upload would).
import { spawn } from "node:child_process";
import { once } from "node:events";

export async function runPsql(databaseUrl: string, script: string): Promise<void> {
  const child = spawn("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-X"], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(script);
  const [code] = (await once(child, "exit")) as [number];
  if (code !== 0) throw new Error(`psql failed: ${stderr}`);
}
