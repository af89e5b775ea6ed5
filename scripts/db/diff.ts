// What SQL would bring the migrations up to prisma/schema.prisma. The engine replays the
// migrations in a throw-away shadow database we create (and drop) ourselves, then compares the
// result with the schema: exactly what `prisma migrate dev --create-only` writes.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createDatabase, databaseNameOf, dropDatabase, withDatabaseName } from "./databases";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, engineMigrationsList } from "./migrations-folder";
import { openSchemaEngine, takeEnginePanic } from "./schema-engine";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export type SchemaDiff = { hasChanges: boolean; script: string };

export async function diffMigrationsToSchema(options: {
  serverUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
}): Promise<SchemaDiff> {
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const schemaText = readFileSync(schemaPath, "utf8");
  const base = databaseNameOf(options.serverUrl).replace(/[^A-Za-z0-9_]/g, "_").slice(0, 30) || "postgres";
  const shadowName = `${base}_shadow_${randomBytes(6).toString("hex")}`;
  await createDatabase(options.serverUrl, shadowName);
  try {
    const { engine, close } = await openSchemaEngine({
      schemaPath,
      schemaText,
      serverUrl: options.serverUrl,
      shadowUrl: withDatabaseName(options.serverUrl, shadowName),
    });
    try {
      const list = engineMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
      const result = await engine
        .diff({
        // With no migration yet, the starting point is an empty database.
        from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
        })
        .catch((error: unknown) => {
          const panic = takeEnginePanic();
          throw panic ? new Error(`Prisma's schema engine failed: ${panic}`) : error;
        });
      const script = result.stdout ?? "";
      return { hasChanges: result.exitCode === 2, script };
    } finally {
      await close();
    }
  } finally {
    await dropDatabase(options.serverUrl, shadowName);
  }
}
