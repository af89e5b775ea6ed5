import "server-only";
import pg from "pg";

// A plain `pg` pool beside Prisma, for the few set-based bulk paths (works imports, the works API
// batch) where one statement over arrays of thousands of rows replaces thousands of Prisma calls.
// docs/decisions/006-bulk-writes-with-pg.md. Everything else goes through Prisma.
const globalForPg = globalThis as unknown as { pgPool?: pg.Pool };

function createPool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // JIT off: these statements are short and run thousands of times; on statistics taken while an
  // import fills the tables, the planner's cost estimates pass jit_above_cost and PostgreSQL spent
  // ~100 ms compiling each identifier lookup that then ran in 15 ms (seen with auto_explain).
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_BULK_POOL_SIZE ?? 4), options: "-c jit=off" });
  // A client losing its connection (a database restart) emits 'error', and an 'error' event with
  // no listener ends the process. The pool listens only while a client is idle: it removes its
  // listener when the client is checked out (pg-pool's _acquireClient), so a restart during a
  // transaction on a checked-out client killed the worker (tests/faults/postgres-restart.test.ts).
  // Every client therefore gets a listener of its own for its whole life; the query in flight is
  // still rejected with the error, and release() discards the broken client.
  pool.on("error", (error) => console.error("[pg pool]", error.message));
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("[pg client]", error.message));
  });
  return pool;
}

export function pgPool(): pg.Pool {
  globalForPg.pgPool ??= createPool();
  return globalForPg.pgPool;
}

export type PgClient = pg.PoolClient;

/** Runs `work` in one transaction on one pooled connection: all of it commits, or none. */
export async function withPgTransaction<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
