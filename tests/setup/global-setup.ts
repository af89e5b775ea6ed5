// Vitest global setup: one fresh, migrated database per test run, dropped at the end
// (KEEP_TEST_DB=1 keeps it for inspection). Test workers receive its URL as
// process.env.DATABASE_URL (see database-env.ts) and the server's admin URL as
// process.env.TEST_ADMIN_DATABASE_URL, for tests that create databases of their own.
import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, withDatabaseName } from "../../scripts/db/databases";
import { migrateDatabase } from "../../scripts/db/migrate";
import { ensurePostgresForTests } from "../../scripts/lib/postgres-server";
import { startStripeDouble } from "../../scripts/stripe-double/server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    stripeDoubleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await ensurePostgresForTests({ log: (line) => console.log(`[test db] ${line}`) });
  const name = `portal_test_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const databaseUrl = withDatabaseName(server.adminUrl, name);
  try {
    await createDatabase(server.adminUrl, name);
    await migrateDatabase(databaseUrl);
  } catch (error) {
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
    throw error;
  }

  // Workers are forked after this runs and inherit process.env; provide() also reaches them when
  // they are reused or started differently (database-env.ts copies it into process.env).
  process.env.DATABASE_URL = databaseUrl;
  process.env.TEST_ADMIN_DATABASE_URL = server.adminUrl;
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  // Stripe's SDK talks to the local test double (never the network) unless a test says otherwise.
  const stripeDouble = await startStripeDouble();
  process.env.STRIPE_DOUBLE_URL = stripeDouble.url;
  project.provide("stripeDoubleUrl", stripeDouble.url);

  return async () => {
    await stripeDouble.close();
    if (process.env.KEEP_TEST_DB === "1") {
      console.log(`[test db] Kept ${name} (KEEP_TEST_DB=1): ${databaseUrl}`);
    } else {
      await dropDatabase(server.adminUrl, name);
    }
    await server.stop();
  };
}
