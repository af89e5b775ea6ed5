// Applies pending migrations from prisma/migrations, like `prisma migrate deploy`, keeping the
// history in Prisma's own `_prisma_migrations` table so the normal CLI accepts the same database.
// Each migration runs in ONE transaction together with its history row: a failure leaves nothing
// half-applied, and the error names the migration file, the line and the statement.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./migrations-folder";
import { splitSqlStatements } from "./split-sql";

// The same advisory lock key Prisma's engine takes, so two migrators never interleave.
const MIGRATION_LOCK_KEY = 72707369;

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrateDatabase(
  databaseUrl: string,
  options: { log?: (line: string) => void; migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const unfinished = rows.find((r) => r.finished_at === null);
    if (unfinished) {
      throw new MigrationError(
        `Migration ${unfinished.migration_name} is recorded as started but not finished (applied by another tool?). Resolve it before migrating.`,
      );
    }
    const appliedByName = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (!migrations.some((m) => m.name === row.migration_name)) {
        throw new MigrationError(`The database has migration ${row.migration_name}, which is not in the migrations folder.`);
      }
    }

    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = appliedByName.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name}/migration.sql was edited after it was applied. Restore it and put the change in a new migration (npm run db:new).`,
          );
        }
        continue;
      }
      await applyOne(client, migration.name, migration.sql, migration.checksum);
      log(`applied ${migration.name}`);
      applied.push(migration.name);
    }
    if (applied.length === 0) log("no pending migrations");
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: pg.Client, name: string, sql: string, checksum: string): Promise<void> {
  const statements = splitSqlStatements(sql);
  await client.query("BEGIN");
  try {
    for (const statement of statements) {
      try {
        await client.query(statement.text);
      } catch (error) {
        const message = (error as Error).message;
        const shown = statement.text.length > 600 ? `${statement.text.slice(0, 600)}…` : statement.text;
        throw new MigrationError(
          `Migration ${name}/migration.sql failed at line ${statement.line}: ${message}\n  statement:\n    ${shown.replace(/\n/g, "\n    ")}\n  Nothing of this migration was applied.`,
        );
      }
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), checksum, name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
