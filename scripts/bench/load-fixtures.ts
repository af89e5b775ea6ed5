// What the load scenarios send, taken from the large dataset: session cookies from signing in
// through next-auth's credentials flow (as the sign-in form does: the CSRF token, then the
// callback), the biggest rightsholder's deep page cursors, API keys made by the real use case,
// and identifiers of enrolled works with some unknown ones among them.
import pg from "pg";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { LARGE_PASSWORD } from "../seed-large/build";
import { licenseeEmail, rightsholderEmail } from "../seed-large/organizations";

export type LoadFixtures = {
  licenseeCookies: string[];
  /** Whose sessions those are, in the same order (the data-only baseline reads as them). */
  licenseeEmails: string[];
  worksCookie: string;
  worksEmail: string;
  worksPaths: string[];
  apiKeys: string[];
  coveragePaths: string[];
  facts: { licensees: number; biggestWorks: number; identifiers: number; unknownIdentifiers: number };
};

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** A signed-in session's Cookie header, through /api/auth/csrf and /api/auth/callback/credentials. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/home`, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} gave no session (HTTP ${response.status}).`);
  return session;
}

/** The biggest rightsholder's works list: page one, and pages deep in it by cursor (newest and title order). */
async function worksPaths(client: pg.Client): Promise<{ paths: string[]; works: number }> {
  const { encodeWorksCursor } = await import("../../src/server/works/works.schema");
  const rh = "50000000-0000-4000-8000-000000000001";
  const works = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM works WHERE "rightsholderId" = $1`, [rh])).rows[0]!.n);
  const at = async (order: string, fraction: number) =>
    (await client.query<{ id: number; normalizedTitle: string; publicationYear: number | null }>(
      `SELECT id, "normalizedTitle", "publicationYear" FROM works WHERE "rightsholderId" = $1 ORDER BY ${order} OFFSET $2 LIMIT 1`,
      [rh, Math.floor(works * fraction)])).rows[0]!;
  const deep: string[] = [];
  for (const fraction of [0.1, 0.5, 0.9]) {
    deep.push(`/rightsholder/works?after=${encodeWorksCursor("newest", await at("id DESC", fraction))}`);
    deep.push(`/rightsholder/works?sort=title&after=${encodeWorksCursor("title", await at(`"normalizedTitle", id`, fraction))}`);
  }
  // Four in ten requests are the first page; the rest are deep pages.
  return { paths: ["/rightsholder/works", "/rightsholder/works", "/rightsholder/works", "/rightsholder/works", ...deep], works };
}

async function coveragePaths(client: pg.Client): Promise<{ paths: string[]; known: number; unknown: number }> {
  const { rows } = await client.query<{ type: string; value: string }>(
    `SELECT type::text, value FROM work_identifiers TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 1800`);
  const identifiers = rows.map((r) => (r.type === "ISSN" ? `${r.value.slice(0, 4)}-${r.value.slice(4)}` : r.value));
  // One in ten is an ISBN no work has (valid check digit, so the answer is "not enrolled", not a 400).
  const unknown = Array.from({ length: 200 }, (_, i) => {
    const first12 = `979${String(950_000_000 + i * 7919).padStart(9, "0")}`;
    return first12 + isbn13CheckDigit(first12);
  });
  const all = identifiers.flatMap((id, i) => (i % 9 === 0 && unknown[i / 9] ? [unknown[i / 9]!, id] : [id]));
  return { paths: all.map((id) => `/api/v1/coverage?identifier=${encodeURIComponent(id)}&purpose=TRAIN`), known: identifiers.length, unknown: unknown.length };
}

/**
 * API keys with coverage:read for `count` licensees holding a license today, made by createApiKey
 * as their owners: coverage traffic comes from many licensees, each within its key's rate limit.
 */
async function apiKeys(client: pg.Client, count: number): Promise<string[]> {
  const { loadUserActor } = await import("../../src/server/auth/load-actor");
  const { createApiKey } = await import("../../src/server/api-keys/create-api-key");
  const { rows } = await client.query<{ userId: string; sessionVersion: number; organizationId: string }>(
    `SELECT u.id AS "userId", u."sessionVersion", m."organizationId"
       FROM memberships m JOIN users u ON u.id = m."userId" JOIN organizations o ON o.id = m."organizationId"
      WHERE m.role = 'OWNER' AND o.kind = 'LICENSEE' AND u.email LIKE 'licensee-%@large.clearway.test'
        AND EXISTS (SELECT 1 FROM license_grants g WHERE g."organizationId" = o.id AND g.status = 'ACTIVE' AND g."startsOn" <= current_date AND g."endsOn" > current_date)
      ORDER BY o.name LIMIT $1`,
    [count],
  );
  const keys: string[] = [];
  for (const row of rows) {
    const actor = await loadUserActor(row.userId, row.sessionVersion, "127.0.0.1");
    const key = await createApiKey(actor, { organizationId: row.organizationId, name: `Load test ${Date.now()}`, scopes: ["coverage:read"] });
    keys.push(key.secret);
  }
  return keys;
}

export async function prepareFixtures(baseUrl: string, databaseUrl: string, options: { licensees: number; apiKeys: number }): Promise<LoadFixtures> {
  process.env.DATABASE_URL = databaseUrl;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const licenseeCount = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE email ~ '^licensee-[0-9]+@large'`)).rows[0]!.n);
    const step = Math.max(1, Math.floor(licenseeCount / options.licensees));
    const licenseeCookies: string[] = [];
    const licenseeEmails: string[] = [];
    for (let n = 1; n <= licenseeCount && licenseeCookies.length < options.licensees; n += step) {
      licenseeCookies.push(await signIn(baseUrl, licenseeEmail(n), LARGE_PASSWORD));
      licenseeEmails.push(licenseeEmail(n));
    }
    const worksCookie = await signIn(baseUrl, rightsholderEmail(1), LARGE_PASSWORD);
    const works = await worksPaths(client);
    const coverage = await coveragePaths(client);
    const keys = await apiKeys(client, options.apiKeys);
    return {
      licenseeCookies, licenseeEmails, worksCookie, worksEmail: rightsholderEmail(1), worksPaths: works.paths, apiKeys: keys, coveragePaths: coverage.paths,
      facts: { licensees: licenseeCookies.length, biggestWorks: works.works, identifiers: coverage.known, unknownIdentifiers: coverage.unknown },
    };
  } finally {
    await client.end();
  }
}
