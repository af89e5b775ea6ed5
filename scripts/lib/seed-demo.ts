// Runs prisma/seed.ts's seedDemoIfEmpty in a child process. The seed goes through the real use
// cases, whose modules `import "server-only"`; that package throws unless it is resolved with the
// `react-server` condition (as Next does for server code). The launcher and the test runner are
// plain Node processes, so the seed runs in a child started with that condition and sends its
// result back over IPC (its own console output stays visible).
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import type { seedDemoIfEmpty } from "../../prisma/seed";

export type SeedResult = Awaited<ReturnType<typeof seedDemoIfEmpty>>;

export function seedDemoInChild(databaseUrl: string): Promise<SeedResult> {
  return new Promise((resolve, reject) => {
    let result: SeedResult | undefined;
    // execArgv carries tsx's loader, so the child can import TypeScript too.
    const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", import.meta.filename, "--child"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message) => (result = message as SeedResult));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      result && code === 0 ? resolve(result) : reject(new Error(`Seeding the demo data failed (${signal ?? `exit code ${code}`})`)));
  });
}

if (process.argv[2] === "--child" && import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { seedDemoIfEmpty } = await import("../../prisma/seed");
  const result = await seedDemoIfEmpty(process.env.DATABASE_URL ?? "");
  // The seed leaves a connection pool open; exit once the result has been delivered.
  process.send?.(result, undefined, undefined, () => process.exit(0));
}
