// The benchmarks' repertoire, written straight in SQL (what is measured is reading it, not this).
import pg from "pg";

/**
 * The repertoire: works 1…N of one approved rightsholder, each with an ISBN-13 (979…), a DOI on
 * every 4th; every 7th permits pre-training only, every 10th is excluded from 2026-03-01, every
 * 1000th is in an open dispute, every 5000th was merged into the work before it.
 */
export async function seedRepertoire(client: pg.Client, rows: number): Promise<{ licenseeId: string }> {
  const rh = (await client.query<{ id: string }>(`INSERT INTO organizations (id, kind, name, "updatedAt") VALUES (gen_random_uuid(), 'RIGHTSHOLDER', 'Bench Press', now()) RETURNING id`)).rows[0]!.id;
  await client.query(`INSERT INTO rightsholder_profiles ("organizationId", status, "approvedAt", "updatedAt") VALUES ($1, 'APPROVED', '2026-01-01', now())`, [rh]);
  await client.query(
    `INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, "publicationYear", purposes, "excludedFrom", "createdAt", "updatedAt")
     SELECT i, $1, 'Bench Work ' || i, 'bench work ' || i, '{}', 'BOOK', 1950 + i % 70,
            CASE WHEN i % 7 = 0 THEN '{TRAIN}' ELSE '{TRAIN,FINE_TUNE,RAG}' END::"Purpose"[],
            CASE WHEN i % 10 = 0 THEN DATE '2026-03-01' END, TIMESTAMP '2026-01-10 08:00', now()
       FROM generate_series(1, $2::int) i`,
    [rh, rows],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('works', 'id'), $1::int)`, [rows]);
  await client.query(`UPDATE works SET status = 'MERGED', "mergedIntoId" = id - 1 WHERE id % 5000 = 0`);
  // ISBN-13 check digits in SQL: weights 1,3 over the first 12 digits.
  await client.query(
    `INSERT INTO work_identifiers ("workId", type, value)
     SELECT i, 'ISBN13'::"IdentifierType", d || ((10 - (SELECT sum(substr(d, k, 1)::int * CASE WHEN k % 2 = 1 THEN 1 ELSE 3 END) FROM generate_series(1, 12) k) % 10) % 10)::text
       FROM generate_series(1, $1::int) i, LATERAL (SELECT '979' || lpad(i::text, 9, '0') AS d) x
     UNION ALL
     SELECT i, 'DOI'::"IdentifierType", '10.5555/bench.' || i FROM generate_series(4, $1::int, 4) i`,
    [rows],
  );
  await client.query(`INSERT INTO disputes (id, origin, "workId", "claimantOrgId", reason) SELECT gen_random_uuid(), 'ENROLLMENT', i, $1, 'bench' FROM generate_series(1000, $2::int, 1000) i`, [rh, rows]);
  const licensee = (await client.query<{ id: string }>(`INSERT INTO organizations (id, kind, name, "updatedAt") VALUES (gen_random_uuid(), 'LICENSEE', 'Bench Licensee', now()) RETURNING id`)).rows[0]!.id;
  const plan = (await client.query<{ id: string }>(`INSERT INTO plans (id, code, name, description) VALUES (gen_random_uuid(), 'AITL-ANNUAL', 'Bench plan', 'bench') RETURNING id`)).rows[0]!.id;
  const schedule = (await client.query<{ id: string }>(`INSERT INTO price_schedules (id, "planId", "effectiveFrom", "smallOrgMaxEmployees") VALUES (gen_random_uuid(), $1, '2026-01-01', 50) RETURNING id`, [plan])).rows[0]!.id;
  await client.query(
    `INSERT INTO license_grants (id, "licenseNumber", "verificationCode", "organizationId", "planId", "priceScheduleId", status, "feeCents", "quotedEmployeeCount", "quotedIndustryGroup", "quotedCountry", "startsOn", "endsOn", "termDays", "updatedAt")
     VALUES (gen_random_uuid(), 'AITL-BENCH-1', 'bench-verify', $1, $2, $3, 'ACTIVE', 450000, 20, 'OTHER', 'US', '2026-01-15', '2027-01-15', 365, now())`,
    [licensee, plan, schedule],
  );
  await client.query("VACUUM ANALYZE");
  return { licenseeId: licensee };
}

