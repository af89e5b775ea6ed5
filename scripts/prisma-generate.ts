// Runs `prisma generate` without the schema-engine download that is unreachable offline
// (see docs/decisions/002-migration-runner.md): generation never needs the engine binary.
import { spawnSync } from "node:child_process";

const result = spawnSync("node_modules/.bin/prisma", ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
