// Creating and dropping whole databases on a server, for test runs, shadow databases and the
// first run. Names are checked, then quoted: they come from our code, never from users.
import pg from "pg";

const SAFE_NAME = /^[A-Za-z0-9_]{1,63}$/;

function assertSafeName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name: ${JSON.stringify(name)}`);
}

async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const { rowCount } = await onServer(adminUrl, (c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  return (rowCount ?? 0) > 0;
}
