import { defineConfig } from "prisma/config";

// The datasource URL lives here (Prisma 7). Generation needs no database, so a placeholder is
// fine when DATABASE_URL is unset (the first run picks its database at start-up).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
