// npm run db:migrate | db:new -- <name> | db:check   (see README "Adding a migration")
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "./diff";
import { migrateDatabase } from "./migrate";
import { DEFAULT_MIGRATIONS_DIR, LOCKFILE_CONTENT, LOCKFILE_NAME, readMigrations } from "./migrations-folder";

const FALLBACK_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Diffs need a server for their shadow database: DATABASE_URL's, else the local one. */
function serverUrl(): string {
  return process.env.DATABASE_URL || FALLBACK_SERVER;
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "migrate": {
      const url = process.env.DATABASE_URL;
      if (!url) {
        console.error("DATABASE_URL is not set: point it at the database to migrate.");
        return 1;
      }
      const { applied } = await migrateDatabase(url, { log: (line) => console.log(line) });
      console.log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
      return 0;
    }
    case "new": {
      const name = (args[0] ?? "").trim();
      if (!/^[a-z0-9_]+$/.test(name)) {
        console.error("Usage: npm run db:new -- <name>   (lower-case letters, digits and underscores)");
        return 2;
      }
      const diff = await diffMigrationsToSchema({ serverUrl: serverUrl() });
      if (!diff.hasChanges) {
        console.log("No changes: prisma/schema.prisma and the migrations agree. Nothing written.");
        return 0;
      }
      let stamp = timestamp();
      const taken = new Set(readMigrations().map((m) => m.name.slice(0, 14)));
      while (taken.has(stamp)) stamp = String(Number(stamp) + 1);
      const folder = path.join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "migration.sql"), diff.script);
      const lock = path.join(DEFAULT_MIGRATIONS_DIR, LOCKFILE_NAME);
      if (!existsSync(lock)) writeFileSync(lock, LOCKFILE_CONTENT);
      console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql. Add by hand what Prisma cannot express (checks, triggers), then npm run db:migrate.`);
      return 0;
    }
    case "check": {
      const diff = await diffMigrationsToSchema({ serverUrl: serverUrl() });
      if (diff.hasChanges) {
        console.error("prisma/schema.prisma and prisma/migrations differ. The next migration would be:\n");
        console.error(diff.script);
        console.error("Run npm run db:new -- <name> to write it.");
        return 1;
      }
      console.log("schema and migrations agree");
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/db/cli.ts migrate | new <name> | check");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
