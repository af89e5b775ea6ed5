// Where the large dataset goes (docs/reliability.md, "The large dataset"):
//   npm run seed:large                   into DATABASE_URL's database, which must have no users yet;
//   npm run seed:large -- --force        the same, emptying that database first (its schema is dropped);
//   npm run seed:large -- --create NAME  into a new database NAME on DATABASE_URL's server (or the
//                                        local 127.0.0.1:5432); --force drops an existing NAME first.
// Either way the database is migrated first. A database with people in it is never written over
// without --force: the seed adds 11,000 accounts with one known password.
import pg from "pg";
import { createDatabase, databaseExists, databaseNameOf, dropDatabase, withDatabaseName } from "../db/databases";

export type TargetOptions = { create?: string; force: boolean };

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export function parseArguments(argv: string[]): TargetOptions {
  const options: TargetOptions = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--force") options.force = true;
    else if (arg === "--create") {
      const name = argv[++i];
      if (!name || name.startsWith("--")) throw new Error("--create needs a database name, e.g. --create clearway_large");
      options.create = name;
    } else if (arg?.startsWith("--create=")) options.create = arg.slice("--create=".length);
    else throw new Error(`Unknown argument ${arg}. Use --create NAME and/or --force.`);
  }
  return options;
}

async function userCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'`);
    if (exists.rowCount === 0) return 0;
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM users`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function emptySchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA public CASCADE`);
    await client.query(`CREATE SCHEMA public`);
  } finally {
    await client.end();
  }
}

/** The database URL to seed, created or emptied as the options say; refuses rather than overwrite. */
export async function prepareTarget(options: TargetOptions, log: (line: string) => void): Promise<{ url: string; created: boolean }> {
  if (options.create) {
    const server = process.env.DATABASE_URL ?? LOCAL_SERVER;
    const url = withDatabaseName(server, options.create);
    if (await databaseExists(server, options.create)) {
      if (!options.force) throw new Error(`Database ${options.create} exists. Choose another name, or add --force to drop it and start again.`);
      log(`--force: dropping the existing database ${options.create}`);
      await dropDatabase(server, options.create);
    }
    await createDatabase(server, options.create);
    return { url, created: true };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Set it to an empty database, or use --create NAME to make one.");
  const users = await userCount(url);
  if (users > 0) {
    if (!options.force) {
      throw new Error(`${databaseNameOf(url)} already has ${users} users. Use an empty database, --create NAME for a new one, or --force to empty this one first.`);
    }
    log(`--force: emptying ${databaseNameOf(url)} (DROP SCHEMA public CASCADE)`);
    await emptySchema(url);
  }
  return { url, created: false };
}
