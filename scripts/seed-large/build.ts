// Builds the large dataset into a migrated, empty database, step by step with the time of each:
// the demo seed first (its accounts, plan, prices, settings and agreement), then the bulk in
// set-based SQL on one session (temporary tables carry each step's rows to the next), then the
// quarters' distribution runs through the real calculation and approval, and ANALYZE.
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { planGrants, insertGrants } from "./grants";
import { dropSecondaryIndexes, restoreIndexes } from "./indexes";
import { LARGE_DOMAIN, readLicensees, seedLicensees, seedNotifications, seedRightsholders } from "./organizations";
import { calendarFor, type LargeScale } from "./scale";
import { runner } from "./sql";
import { seedDistributionRuns, type RunFacts } from "./distributions";
import { seedUsage, type UsageFacts } from "./usage";
import { seedDisputes, seedWorks, type WorksFacts } from "./works";

/** Every bulk account's password (the demo accounts keep prisma/seed.ts's). */
export const LARGE_PASSWORD = "clearway-large";

export type Step = { label: string; seconds: number };
export type LargeFacts = {
  steps: Step[];
  seconds: number;
  works: WorksFacts;
  usage: UsageFacts;
  runs: RunFacts[];
  counts: Record<string, number>;
  biggestRightsholder: { name: string; email: string; works: number };
};

export async function buildLargeDataset(url: string, scale: LargeScale, today: string, log: (line: string) => void): Promise<LargeFacts> {
  process.env.DATABASE_URL = url;
  const steps: Step[] = [];
  const started = process.hrtime.bigint();
  const step = async <T>(label: string, body: () => Promise<T>): Promise<T> => {
    const at = process.hrtime.bigint();
    const result = await body();
    const seconds = Number(process.hrtime.bigint() - at) / 1e9;
    steps.push({ label, seconds });
    log(`${seconds.toFixed(1).padStart(6)} s  ${label}`);
    return result;
  };
  const calendar = calendarFor(today);

  await step("migrate", () => migrateDatabase(url, { log: () => undefined }));
  const { seedDemoIfEmpty, DEMO_ACCOUNTS } = await import("../../prisma/seed");
  await step("demo seed (prisma/seed.ts, without its distribution runs)", async () => {
    const result = await seedDemoIfEmpty(url, { distributions: false });
    if (!result.seeded) throw new Error("The database already had users: the demo seed did not run.");
  });
  const { hashPassword } = await import("../../src/server/auth/password");
  const { licensedWindows, ineligibleReasonSql } = await import("../../src/server/usage/eligibility-sql");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let works: WorksFacts;
  let usage: UsageFacts;
  try {
    const run = runner(client);
    // A seed, not a ledger: a lost last commit on a crash costs nothing (the seed starts over).
    await run(`SET synchronous_commit = off`);
    await run(`SET work_mem = '256MB'`);
    const demo = (await client.query<{ planId: string; scheduleId: string; agreementId: string }>(
      `SELECT p.id::text AS "planId", s.id::text AS "scheduleId", (SELECT id::text FROM participation_agreements ORDER BY "publishedAt" DESC LIMIT 1) AS "agreementId"
         FROM plans p JOIN price_schedules s ON s."planId" = p.id WHERE p.code = 'AITL-ANNUAL' ORDER BY s."effectiveFrom" LIMIT 1`)).rows[0]!;
    const passwordHash = await hashPassword(LARGE_PASSWORD);

    const saved = await step("drop the bulk tables' secondary indexes", () => dropSecondaryIndexes(client));
    try {
      await step(`${scale.rightsholders.toLocaleString("en-GB")} rightsholders (profiles, owners, agreement)`, () =>
        seedRightsholders(run, scale.rightsholders, today, passwordHash, demo.agreementId));
      await step(`${scale.licensees.toLocaleString("en-GB")} licensees (profiles, owners, members)`, () => seedLicensees(run, scale.licensees, today, passwordHash));
      await step("license grants, payments, refunds", async () => {
        const licensees = await readLicensees(client);
        const planned = planGrants(licensees.map((l) => ({ n: l.n, organizationId: l.id, employees: l.employees, industry: l.industry, country: l.country })), today);
        await insertGrants(client, demo, planned);
      });
      works = await step(`${scale.works.toLocaleString("en-GB")} works, identifiers, co-owners`, () => seedWorks(client, scale.works, scale.rightsholders, today));
      // Statistics for the new rows, so the usage and dispute statements are planned for a million works, not for an empty table.
      await step("ANALYZE the new works", () => run(`ANALYZE works, work_identifiers, rightsholder_profiles, organizations, license_grants`));
      usage = await step(`usage reports and lines over ${calendar.usageQuarters.map((q) => q.code).join(", ")}`, async () =>
        seedUsage(client, {
          licensees: await readLicensees(client), quarters: calendar.usageQuarters, totalLines: scale.usageLines,
          works: { firstId: works.firstId, count: scale.works }, windowsOf: licensedWindows, ineligibleReasonSql,
        }));
    } finally {
      await step("build the secondary indexes again", () => restoreIndexes(client, saved));
    }
    await step("ANALYZE (before the disputes and the runs)", () => run(`ANALYZE`));
    await step("disputes", () => seedDisputes(client, works.firstId, scale.rightsholders));
    await step("notifications", () => seedNotifications(run));
  } finally {
    await client.end();
  }

  const admin = DEMO_ACCOUNTS.find((a) => a.role === "Staff admin")!;
  const runs = await step("distribution runs (ensure, calculate, approve)", () => seedDistributionRuns(admin.email, calendar.usageQuarters, (line) => log(`        ${line}`)));

  const { db } = await import("../../src/server/db");
  const { pgPool } = await import("../../src/server/pg");
  const after = new pg.Client({ connectionString: url });
  await after.connect();
  try {
    await step("VACUUM ANALYZE", () => runner(after)(`VACUUM (ANALYZE)`));
    const counts = await countRows(after);
    const biggest = (await after.query<{ name: string; works: number }>(
      `SELECT o.name, count(w.id)::int AS works FROM organizations o JOIN works w ON w."rightsholderId" = o.id WHERE o.id = '50000000-0000-4000-8000-000000000001' GROUP BY o.name`)).rows[0]!;
    return {
      steps, seconds: Number(process.hrtime.bigint() - started) / 1e9, works: works!, usage: usage!, runs, counts,
      biggestRightsholder: { name: biggest.name, email: `rightsholder-1@${LARGE_DOMAIN}`, works: biggest.works },
    };
  } finally {
    await after.end();
    await db.$disconnect();
    await pgPool().end();
  }
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM organizations WHERE kind = 'RIGHTSHOLDER')::int AS rightsholders,
            (SELECT count(*) FROM organizations WHERE kind = 'LICENSEE')::int AS licensees,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM works)::int AS works,
            (SELECT count(*) FROM work_identifiers)::int AS identifiers,
            (SELECT count(DISTINCT "workId") FROM work_co_owners)::int AS "co-owned works",
            (SELECT count(*) FROM disputes WHERE status = 'OPEN')::int AS "open disputes",
            (SELECT count(*) FROM license_grants)::int AS grants,
            (SELECT count(*) FROM refunds)::int AS refunds,
            (SELECT count(*) FROM usage_reports)::int AS "usage reports",
            (SELECT count(*) FROM usage_lines)::int AS "usage lines",
            (SELECT count(*) FROM statements)::int AS statements,
            (SELECT count(*) FROM statement_lines)::int AS "statement lines",
            (SELECT count(*) FROM payouts)::int AS payouts`,
  );
  return rows[0]!;
}
