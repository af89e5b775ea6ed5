// Building an index once over a million rows is several times faster than keeping it up row by
// row (the works table has three GIN indexes for search), so the bulk tables' secondary indexes
// are dropped before their rows go in and built again, from their own definitions, afterwards.
// Primary keys stay (foreign keys point at them). A seed that fails in between leaves the
// database without those indexes: start it again with --force.
import type pg from "pg";

export const BULK_TABLES = ["works", "work_identifiers", "work_co_owners", "usage_lines"] as const;

export type SavedIndexes = { name: string; definition: string }[];

export async function dropSecondaryIndexes(client: pg.ClientBase, tables: readonly string[] = BULK_TABLES): Promise<SavedIndexes> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY ($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX "${index.name}"`);
  return rows;
}

/** Builds the dropped indexes again; big sorts get memory, and two cores build each one. */
export async function restoreIndexes(client: pg.ClientBase, saved: SavedIndexes): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  for (const index of saved) await client.query(index.definition);
  await client.query(`RESET maintenance_work_mem`);
  await client.query(`RESET max_parallel_maintenance_workers`);
}
