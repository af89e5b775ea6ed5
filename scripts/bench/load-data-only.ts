// The same reads as each load scenario, without the web framework: the statements each page or
// API answer runs (the session's actor, the unread count, the page's read models; for the API the
// key, its rate limit and the coverage facts), called in this process at the same arrival rate.
// Every read model on these paths is one raw SQL statement through the pg driver adapter, so this
// is the raw-SQL cost of a request; the difference to the HTTP figures is rendering, routing and
// the session cookie (docs/reliability.md, "Load").
import pg from "pg";
import type { LoadFixtures } from "./load-fixtures";

export type DataOnlyResult = { name: string; requests: number; errors: number; p50: number; p95: number; cpuMsPerRequest: number };

type Op = () => Promise<unknown>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Starts one operation every 1000/rate ms for `seconds` (open loop, like the HTTP runs); each one's own latency. */
async function atRate(ops: Op[], rate: number, seconds: number): Promise<Omit<DataOnlyResult, "name">> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    running.push(ops[i % ops.length]!().then(() => void latencies.push(performance.now() - t0), () => void errors++));
  }
  await Promise.all(running);
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50: percentile(latencies, 50), p95: percentile(latencies, 95), cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / total };
}

/** The scenarios' reads, from the fixtures' people, cursors, keys and identifiers. */
async function operations(databaseUrl: string, fixtures: LoadFixtures): Promise<Record<string, Op[]>> {
  process.env.DATABASE_URL = databaseUrl;
  const { loadUserActor } = await import("../../src/server/auth/load-actor");
  const { countUnreadNotifications } = await import("../../src/server/notifications/notifications.queries");
  const { getLicenseeProfile } = await import("../../src/server/licensees/licensee-profile.queries");
  const { getLicenseOverview } = await import("../../src/server/licensing/grants.queries");
  const { listWorks } = await import("../../src/server/works/works.queries");
  const { parseWorksFilters } = await import("../../src/server/works/works.schema");
  const { getRepertoireStanding } = await import("../../src/server/participation/repertoire-standing.queries");
  const { authenticateApiKey } = await import("../../src/server/api-keys/authenticate-api-key");
  const { takeRateLimit } = await import("../../src/server/api/rate-limit");
  const { checkCoverage } = await import("../../src/server/coverage/check-coverage");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const people = (await client.query<{ id: string; sessionVersion: number; email: string }>(
    `SELECT id::text, "sessionVersion", email FROM users WHERE email = ANY($1)`, [[...fixtures.licenseeEmails, fixtures.worksEmail]])).rows;
  await client.end();
  const person = (email: string) => people.find((p) => p.email === email)!;

  const session = async (email: string) => {
    const p = person(email);
    const actor = (await loadUserActor(p.id, p.sessionVersion, "127.0.0.1"))!;
    await countUnreadNotifications(actor);
    return actor;
  };
  const dashboard = fixtures.licenseeEmails.map((email) => async () => {
    const actor = await session(email);
    const organizationId = actor.memberships[0]!.organizationId;
    await Promise.all([getLicenseeProfile(actor, organizationId), getLicenseOverview(actor, organizationId)]);
  });
  const works = fixtures.worksPaths.map((path) => async () => {
    const actor = await session(fixtures.worksEmail);
    const organizationId = actor.memberships[0]!.organizationId;
    const params = Object.fromEntries(new URL(path, "http://x").searchParams);
    await Promise.all([listWorks(actor, organizationId, parseWorksFilters(params), { after: params.after }), getRepertoireStanding(actor, organizationId)]);
  });
  const coverage = fixtures.coveragePaths.map((path, i) => async () => {
    const key = await authenticateApiKey(`Bearer ${fixtures.apiKeys[i % fixtures.apiKeys.length]}`, "127.0.0.1");
    // The limit as handleApiRequest takes it (600 a minute unless staff set another); the keys
    // answer 6 requests a second each here, as in the HTTP run.
    await takeRateLimit(key.keyId, key.rateLimitPerMinute ?? 600);
    const params = Object.fromEntries(new URL(path, "http://x").searchParams);
    await checkCoverage(key, { organizationId: key.organizationId, identifier: params.identifier, purpose: params.purpose });
  });
  return { dashboard, works, coverage };
}

export async function runDataOnly(databaseUrl: string, fixtures: LoadFixtures, options: { rate: number; seconds: number }): Promise<DataOnlyResult[]> {
  const ops = await operations(databaseUrl, fixtures);
  const results: DataOnlyResult[] = [];
  for (const [name, list] of Object.entries(ops)) {
    await atRate(list, options.rate, Math.min(5, options.seconds)); // warm-up: connections, plans
    results.push({ name, ...(await atRate(list, options.rate, options.seconds)) });
  }
  return results;
}
