import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, withDatabaseName } from "../../scripts/db/databases";
import { diffMigrationsToSchema } from "../../scripts/db/diff";
import { migrateDatabase } from "../../scripts/db/migrate";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, engineMigrationsList } from "../../scripts/db/migrations-folder";
import { openSchemaEngine } from "../../scripts/db/schema-engine";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/migrations");
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `migrator_test_${randomBytes(5).toString("hex")}`;
  await createDatabase(adminUrl, name);
  created.push(name);
  return withDatabaseName(adminUrl, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("applying migrations", () => {
  it("applies the project's migrations, records them as Prisma does, and a re-run is a no-op", async () => {
    const url = await freshDatabase();
    const first = await migrateDatabase(url);
    expect(first.applied.length).toBeGreaterThan(0);
    const history = await query<{ migration_name: string; finished_at: Date | null; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, finished_at, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(history.map((h) => h.migration_name)).toEqual(first.applied);
    expect(history.every((h) => h.finished_at !== null && /^[0-9a-f]{64}$/.test(h.checksum))).toBe(true);
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["users", "works", "statements", "audit_logs", "jobs"]));

    expect(await migrateDatabase(url)).toEqual({ applied: [] });
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(history.length);
  });

  it("leaves a history Prisma's own engine accepts: nothing pending, nothing edited or failed, no drift", async () => {
    const url = await freshDatabase();
    const shadowUrl = await freshDatabase();
    await migrateDatabase(url);
    const { engine, close } = await openSchemaEngine({
      schemaPath: DEFAULT_SCHEMA_PATH,
      schemaText: readFileSync(DEFAULT_SCHEMA_PATH, "utf8"),
      serverUrl: url,
      shadowUrl,
    });
    try {
      const migrationsList = engineMigrationsList(DEFAULT_MIGRATIONS_DIR);
      const filters = { externalTables: [], externalEnums: [] };
      // What `prisma migrate status` / `deploy` / `dev` look at (the CLI drives the same engine).
      expect(await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters })).toMatchObject({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(await engine.applyMigrations({ migrationsList, filters })).toEqual({ appliedMigrationNames: [] });
      // Replays the migrations in the shadow database (twice: the adapter resets it in between) and
      // compares with the live one: hand-written checks and triggers count as no drift.
      expect(await engine.devDiagnostic({ migrationsList, filters })).toEqual({ action: { tag: "createMigration" } });
    } finally {
      await close();
    }
  }, 60_000);

  it("keeps semicolons inside strings, identifiers, comments and function bodies", async () => {
    const url = await freshDatabase();
    await migrateDatabase(url, { migrationsDir: path.join(FIXTURES, "ok") });
    const notes = await query<{ body: string }>(url, `SELECT body FROM notes ORDER BY id`);
    expect(notes.map((n) => n.body)).toEqual(["one; two; three", "it's; fine", "say 'hi'; bye"]);
    expect(await query<{ n: number }>(url, `SELECT count_notes() AS n`)).toEqual([{ n: 3 }]);
    expect(await query(url, `SELECT * FROM "odd;name"`)).toEqual([]);
  });

  it("rolls a failing migration back entirely and names the file, line and statement", async () => {
    const url = await freshDatabase();
    const error = (await migrateDatabase(url, { migrationsDir: path.join(FIXTURES, "failing") }).then(
      () => null,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain("20260102000000_broken/migration.sql failed at line 4");
    expect(error.message).toContain('relation "no_such_table" does not exist');
    expect(error.message).toContain('INSERT INTO "no_such_table" VALUES (1)');
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name).sort()).toEqual(["_prisma_migrations", "notes"]);
    const history = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(history.map((h) => h.migration_name)).toEqual(["20260101000000_first"]);
  });

  it("refuses to go on when an applied migration was edited afterwards", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(path.join(FIXTURES, "ok"), dir, { recursive: true });
    await migrateDatabase(url, { migrationsDir: dir });
    appendFileSync(path.join(dir, "20260101000000_first/migration.sql"), "\n-- edited later\n");
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/was edited after it was applied/);
  });
});

describe("rules held by the database", () => {
  it("refuses changes to the audit log and rows that break the statement equation", async () => {
    const url = await freshDatabase();
    await migrateDatabase(url);
    await query(url, `INSERT INTO audit_logs ("actorKind", action, "entityType", "entityId") VALUES ('system', 'test', 'Test', '1')`);
    await expect(query(url, `UPDATE audit_logs SET action = 'changed'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(query(url, `DELETE FROM audit_logs`)).rejects.toThrow(/append-only: DELETE/);
    await expect(query(url, `TRUNCATE audit_logs`)).rejects.toThrow(/append-only: TRUNCATE/);

    const [org] = await query<{ id: string }>(url, `INSERT INTO organizations (id, kind, name, "updatedAt") VALUES (gen_random_uuid(), 'RIGHTSHOLDER', 'R', now()) RETURNING id`);
    const [run] = await query<{ id: string }>(url, `INSERT INTO distribution_runs (id, quarter, "updatedAt") VALUES (gen_random_uuid(), '2026Q1', now()) RETURNING id`);
    const insertStatement = (paid: number) =>
      query(
        url,
        `INSERT INTO statements (id, "runId", "rightsholderId", "carriedInCents", "allocatedCents", "withheldCents", "paidCents", "carriedOutCents", "thresholdCents", "withholdingBps")
         VALUES (gen_random_uuid(), $1, $2, 100, 900, 0, $3, 0, 25000, 0)`,
        [run!.id, org!.id, paid],
      );
    await expect(insertStatement(999)).rejects.toThrow(/statements_balance_check/);
    await expect(insertStatement(1000)).resolves.toBeDefined();
    await expect(query(url, `INSERT INTO distribution_runs (id, quarter, "updatedAt") VALUES (gen_random_uuid(), '2026Q5', now())`)).rejects.toThrow(
      /distribution_runs_quarter_check/,
    );
  });
});

describe("drift between the schema and the migrations", () => {
  it("finds none for the project's schema", async () => {
    const diff = await diffMigrationsToSchema({ serverUrl: adminUrl });
    expect(diff).toMatchObject({ hasChanges: false });
  }, 60_000);

  it("reports a field the migrations lack, as the SQL of the next migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "schema-"));
    const schemaPath = path.join(dir, "schema.prisma");
    const schema = readFileSync(DEFAULT_SCHEMA_PATH, "utf8").replace(
      'model Plan {\n  id          String   @id @default(uuid(7)) @db.Uuid',
      'model Plan {\n  id          String   @id @default(uuid(7)) @db.Uuid\n  tagline     String?',
    );
    expect(schema).toContain("tagline");
    writeFileSync(schemaPath, schema);
    const diff = await diffMigrationsToSchema({ serverUrl: adminUrl, schemaPath });
    expect(diff.hasChanges).toBe(true);
    expect(diff.script).toContain(`ALTER TABLE "plans" ADD COLUMN     "tagline" TEXT`);
  }, 60_000);
});
