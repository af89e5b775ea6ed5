// Runs in every test worker before each test file: points process.env.DATABASE_URL at this run's
// test database (created in global-setup.ts) before any module reads it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_ADMIN_DATABASE_URL = inject("adminDatabaseUrl");
process.env.STRIPE_DOUBLE_URL = inject("stripeDoubleUrl");
delete process.env.STRIPE_SECRET_KEY;
