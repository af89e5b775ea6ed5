import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside a Next server build; tests import server modules directly.
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty-module.ts") },
      // Same mapping as tsconfig's paths (covers @/generated/prisma → src/generated/prisma).
      { find: /^@\//, replacement: path.join(root, "src") + "/" },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Two cores: two files at a time. They share one database, so tests must create their own
    // rows (unique emails, names) rather than assume empty tables.
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
