// The driver adapter the schema engine talks through. It works around four traps of
// @prisma/adapter-pg 7.10 when used for migrations (STACK.md):
//  1. catalog queries return columns of type OID 18 ("char", e.g. pg_constraint.contype), which
//     the adapter cannot map: we report them as the engine's Character column type;
//  2. its connectToShadowDb() creates the shadow database from a connection string that still
//     points at the main database: we hand the engine our own, freshly created shadow database;
//  3. the engine does not reset a shadow database it is handed, yet some commands (devDiagnostic)
//     connect to it twice and replay the migrations each time: we empty its schema on every connect;
//  4. its executeScript() splits SQL on every ";" (breaking strings and function bodies): we send
//     the whole script as one simple-protocol query, which PostgreSQL runs as one transaction.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type Queryable = {
  performIO: (query: unknown) => Promise<{ fields: Field[]; rows: unknown[] }>;
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[] }>;
  onError: (error: unknown) => never;
};

/**
 * Runs the adapter's own queryRaw, but with "char" columns presented to it as text (which it can
 * convert) and then typed as Character in the result (which the engine's describer expects).
 */
function reportCharColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const originalQueryRaw = target.queryRaw;
  target.queryRaw = async (query: unknown) => {
    const charColumns: number[] = [];
    const view = Object.create(target) as Queryable;
    view.performIO = async (q: unknown) => {
      const result = await target.performIO(q);
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) {
          charColumns.push(index);
          field.dataTypeID = TEXT_OID;
        }
      });
      return result;
    };
    const result = await originalQueryRaw.call(view, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connectWhole(url: string, pools: pg.Pool[]) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  const adapter = reportCharColumns(await new PrismaPg(pool as never).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args: Parameters<typeof startTransaction>) => reportCharColumns(await startTransaction(...args));
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as Queryable).onError(error);
    }
  };
  return adapter;
}

/** Empties a throw-away shadow database (never called on a real one): migrations replay from scratch. */
async function resetPublicSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

export class MigrationAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly pools: pg.Pool[] = [];

  constructor(
    private readonly serverUrl: string,
    private readonly shadowUrl?: string,
  ) {}

  connect() {
    return connectWhole(this.serverUrl, this.pools);
  }

  async connectToShadowDb() {
    if (!this.shadowUrl) throw new Error("This operation needs a shadow database, and none was provided.");
    await resetPublicSchema(this.shadowUrl);
    return connectWhole(this.shadowUrl, this.pools);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((p) => p.end().catch(() => undefined)));
  }
}
