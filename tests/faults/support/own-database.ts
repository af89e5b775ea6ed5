// A database of the test file's own on the tests' PostgreSQL (or on a private cluster), created
// and migrated here. Needed wherever a worker process runs: a worker claims every due job of its
// kinds in its database, so in the database shared by the other test files it would take theirs.
// Call before any module under src/ is imported (they read DATABASE_URL when first loaded): test
// files import src/ dynamically after this.
import crypto from "node:crypto";
import { createDatabase, dropDatabase, withDatabaseName } from "../../../scripts/db/databases";
import { migrateDatabase } from "../../../scripts/db/migrate";

export type OwnDatabase = { url: string; drop: () => Promise<void> };

export async function createOwnDatabase(label: string, adminUrl = process.env.TEST_ADMIN_DATABASE_URL): Promise<OwnDatabase> {
  if (!adminUrl) throw new Error("TEST_ADMIN_DATABASE_URL is not set (tests/setup/global-setup.ts provides it).");
  const name = `portal_fault_${label}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  await createDatabase(adminUrl, name);
  const url = withDatabaseName(adminUrl, name);
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
