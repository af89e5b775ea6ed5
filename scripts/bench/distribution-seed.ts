// The distribution bench's quarter, written straight in SQL with generate_series (what is measured
// is the run over it, not this). Ids are derived from a counter (`uid`), so later statements find
// the rows of earlier ones without lookups. Every figure scales with the usage lines.
import pg from "pg";

export type DistributionScale = { lines: number; licensees: number; rightsholders: number; works: number };

/** 1M lines → 1k licensees, 100k rightsholders, 500k works; fewer lines, proportionally fewer. */
export function scaleFor(lines: number): DistributionScale {
  if (!Number.isInteger(lines) || lines < 10_000) throw new Error("BENCH_ROWS is a whole number of 10000 or more.");
  const share = lines / 1_000_000;
  return { lines, licensees: Math.max(40, Math.round(1_000 * share)), rightsholders: Math.max(100, Math.round(100_000 * share)), works: Math.round(500_000 * share) };
}

/** A uuid from a two-digit kind and a counter: `uid('10', 'n')` is rightsholder n. */
const uid = (kind: string, n: string) => `('${kind}000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
export const RIGHTSHOLDER_UUID = (n: string) => uid("10", n);
const LICENSEE = (n: string) => uid("20", n);

/** Every 40th licensee has no report and every 40th (offset 20) only ineligible lines: 5 % go to the pool. */
const HAS_REPORT = "n % 40 <> 0";

export type SeedFacts = DistributionScale & { reports: number; poolLicensees: number; openDisputes: number; mergedWorks: number; coOwnedWorks: number; refunds: number };

export async function seedDistribution(client: pg.Client, scale: DistributionScale, quarter: { code: string; startsOn: string; endsOn: string; previous: string }): Promise<SeedFacts> {
  const { lines, licensees: L, rightsholders: R, works: W } = scale;
  const mergedStep = Math.max(1_000, Math.floor(W / 100) * 2);
  const disputeStep = Math.max(50, Math.floor(W / 250));
  const reports = L - Math.floor(L / 40);
  const q = async (sql: string) => (await client.query(sql)).rowCount ?? 0;

  // Rightsholders: ~90 % with a payout account (a few with payouts not yet enabled), 80 % with a valid tax form, 10 % foreign.
  await q(`INSERT INTO organizations (id, kind, name, "updatedAt")
           SELECT ${RIGHTSHOLDER_UUID("n")}, 'RIGHTSHOLDER'::"OrganizationKind", 'Bench Rightsholder ' || n, now() FROM generate_series(1, ${R}) n
           UNION ALL SELECT ${LICENSEE("n")}, 'LICENSEE'::"OrganizationKind", 'Bench Licensee ' || n, now() FROM generate_series(1, ${L}) n`);
  await q(`INSERT INTO rightsholder_profiles ("organizationId", "legalName", country, status, "approvedAt", "stripeAccountId", "payoutsEnabled",
                                             "taxFormType", "taxFormSignedOn", "taxFormValid", "isTaxDomestic", "updatedAt")
           SELECT ${RIGHTSHOLDER_UUID("n")}, 'Bench Rightsholder ' || n || ' Ltd', CASE WHEN n % 10 = 3 THEN 'GB' ELSE 'US' END, 'APPROVED', '2025-01-01',
                  CASE WHEN n % 10 <> 0 THEN 'acct_bench_' || n END, n % 10 <> 0 AND n % 50 <> 5,
                  CASE WHEN n % 5 <> 0 THEN (CASE WHEN n % 10 = 3 THEN 'W8BEN' ELSE 'W9' END)::"TaxFormType" END,
                  CASE WHEN n % 5 <> 0 THEN DATE '2025-01-01' END, n % 5 <> 0, n % 10 <> 3, now()
             FROM generate_series(1, ${R}) n`);

  // Works, ~5 per rightsholder; about 50 merged into the work before them after their usage was matched.
  await q(`INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, "publicationYear", "createdAt", "updatedAt")
           SELECT i, ${RIGHTSHOLDER_UUID("((i - 1) % " + R + ") + 1")}, 'Bench Work ' || i, 'bench work ' || i, '{}', 'BOOK', 1950 + i % 70, TIMESTAMP '2025-01-10 08:00', now()
             FROM generate_series(1, ${W}) i`);
  await q(`SELECT setval(pg_get_serial_sequence('works', 'id'), ${W})`);
  const mergedWorks = await q(`UPDATE works SET status = 'MERGED', "mergedIntoId" = id - 1 WHERE id % ${mergedStep} = ${mergedStep / 2}`);
  await q(`INSERT INTO work_identifiers ("workId", type, value)
           SELECT i, 'ISBN13'::"IdentifierType", d || ((10 - (SELECT sum(substr(d, k, 1)::int * CASE WHEN k % 2 = 1 THEN 1 ELSE 3 END) FROM generate_series(1, 12) k) % 10) % 10)::text
             FROM generate_series(1, ${W}) i, LATERAL (SELECT '979' || lpad(i::text, 9, '0') AS d) x WHERE i % 10 <> 0
           UNION ALL SELECT i, 'DOI'::"IdentifierType", '10.5555/bench.' || i FROM generate_series(10, ${W}, 10) i`);

  // Co-owners on every 25th work: 60/40, 50/50 on every 50th, 3334/3333/3333 on every 75th; on every
  // 500th the last share is a named external payee. Rows go in in varying order so that ties by
  // co-owner row id do not always favour the work's own rightsholder.
  const coOwnedWorks = Math.floor(W / 25);
  await q(`INSERT INTO work_co_owners ("workId", "organizationId", "externalPayeeName", "externalPayeeEmail", "shareBps")
           SELECT i, CASE WHEN NOT v.ext THEN ${RIGHTSHOLDER_UUID("v.org")} END, CASE WHEN v.ext THEN 'Bench External ' || i END,
                  CASE WHEN v.ext THEN 'external-' || i || '@example.test' END, v.share
             FROM generate_series(25, ${W}, 25) i, LATERAL (SELECT ((i - 1) % ${R}) + 1 AS n) o,
                  LATERAL (VALUES (1, o.n, CASE WHEN i % 75 = 0 THEN 3334 WHEN i % 50 = 0 THEN 5000 ELSE 6000 END, false),
                                  (2, o.n % ${R} + 1, CASE WHEN i % 75 = 0 THEN 3333 WHEN i % 50 = 0 THEN 5000 ELSE 4000 END, i % 500 = 0 AND i % 75 <> 0),
                                  (3, (o.n + 1) % ${R} + 1, 3333, i % 500 = 0)) v(k, org, share, ext)
            WHERE v.k < 3 OR i % 75 = 0
            ORDER BY i, CASE WHEN (i / 25) % 2 = 0 THEN v.k ELSE -v.k END`);

  // Open disputes on a few hundred works (half naming a claimant work, whose money is held too) and
  // as many resolved ones, whose works are paid.
  const openDisputes = await q(`INSERT INTO disputes (id, origin, "workId", "claimantOrgId", "claimantWorkId", reason, status, "resolvedAt")
           SELECT gen_random_uuid(), 'ENROLLMENT', i, ${RIGHTSHOLDER_UUID("(i % " + R + ") + 1")}, CASE WHEN (i / ${disputeStep}) % 2 = 0 AND i < ${W} THEN i + 1 END, 'bench', 'OPEN', NULL
             FROM generate_series(7, ${W}, ${disputeStep}) i`);
  await q(`INSERT INTO disputes (id, origin, "workId", "claimantOrgId", "claimantWorkId", reason, status, "resolvedAt")
           SELECT gen_random_uuid(), 'ENROLLMENT', i, ${RIGHTSHOLDER_UUID("(i % " + R + ") + 1")}, i + 1, 'bench', 'REJECTED', now() FROM generate_series(19, ${W - 1}, ${disputeStep}) i`);

  const refunds = await seedGrants(client, L);
  await seedUsage(client, { lines, L, W, mergedStep, reports }, quarter);
  await q("VACUUM ANALYZE");
  return { ...scale, reports, poolLicensees: Math.floor(L / 40) + Math.floor((L + 20) / 40), openDisputes, mergedWorks, coOwnedWorks, refunds };
}

/**
 * One paid grant per licensee, 1,000–500,000 USD, a 12-month term starting between 2025-08-01 and
 * 2026-09-04 (so some recognise a whole quarter, some part of it); every 50th renewed on 2026-07-15
 * (two grants in the quarter); every 100th revoked. One refund each on a few: a quarter of what is
 * left at a varying date, or (licensees without usage) the whole fee. Distractors that recognise
 * nothing: a cancelled grant with a term, and a grant still waiting for payment.
 */
async function seedGrants(client: pg.Client, L: number): Promise<number> {
  const plan = (await client.query<{ id: string }>(`INSERT INTO plans (id, code, name, description) VALUES (gen_random_uuid(), 'AITL-ANNUAL', 'Bench plan', 'bench') RETURNING id`)).rows[0]!.id;
  const schedule = (await client.query<{ id: string }>(`INSERT INTO price_schedules (id, "planId", "effectiveFrom", "smallOrgMaxEmployees") VALUES (gen_random_uuid(), $1, '2025-01-01', 50) RETURNING id`, [plan])).rows[0]!.id;
  const insertGrants = (kind: string, select: string) => client.query(
    `WITH s AS (${select})
     INSERT INTO license_grants (id, "licenseNumber", "verificationCode", "organizationId", "planId", "priceScheduleId", status, "feeCents",
                                 "quotedEmployeeCount", "quotedIndustryGroup", "quotedCountry", "startsOn", "endsOn", "termDays", "previousGrantId",
                                 "activatedAt", "revokedAt", "cancelledAt", "updatedAt")
     SELECT ${uid(kind, "n")}, 'AITL-BENCH-${kind}-' || n, 'bench-${kind}-' || n, ${LICENSEE("n")}, $1, $2, s.status::"GrantStatus", s.fee, 20 + n % 500, 'OTHER', 'US',
            s.starts, (s.starts + interval '1 year')::date, (s.starts + interval '1 year')::date - s.starts, s.previous,
            CASE WHEN s.status IN ('ACTIVE', 'EXPIRED', 'REVOKED') THEN s.starts END, CASE WHEN s.status = 'REVOKED' THEN TIMESTAMP '2026-11-01' END,
            CASE WHEN s.status = 'CANCELLED' THEN TIMESTAMP '2026-07-02' END, now()
       FROM s`,
    [plan, schedule],
  );
  const fee = "100000 + (n::bigint * 2654435761) % 49900001";
  const status = (ends: string) => `CASE WHEN n % 100 = 41 THEN 'REVOKED' WHEN ${ends} > DATE '2026-12-01' THEN 'ACTIVE' ELSE 'EXPIRED' END`;
  // The grant a renewal followed (2025-07-15 to 2026-07-15), then every licensee's current grant.
  await insertGrants("41", `SELECT n, 'EXPIRED' AS status, (${fee}) / 2 + 100000 AS fee, DATE '2025-07-15' AS starts, NULL::uuid AS previous FROM generate_series(11, ${L}, 50) n`);
  await insertGrants("40", `SELECT n, ${status("(x.starts + interval '1 year')::date")} AS status, ${fee} AS fee, x.starts, CASE WHEN n % 50 = 11 THEN ${uid("41", "n")} END AS previous
                              FROM generate_series(1, ${L}) n, LATERAL (SELECT CASE WHEN n % 50 = 11 THEN DATE '2026-07-15' ELSE DATE '2025-08-01' + (n * 37) % 400 END AS starts) x`);
  await insertGrants("42", `SELECT n, 'CANCELLED' AS status, 1000000::bigint AS fee, DATE '2026-07-01' AS starts, NULL::uuid AS previous FROM generate_series(67, ${L}, 100) n`);
  await client.query(`INSERT INTO license_grants (id, "licenseNumber", "verificationCode", "organizationId", "planId", "priceScheduleId", status, "feeCents", "quotedEmployeeCount", "quotedIndustryGroup", "quotedCountry", "updatedAt")
                      SELECT ${uid("43", "n")}, 'AITL-BENCH-43-' || n, 'bench-43-' || n, ${LICENSEE("n")}, $1, $2, 'PENDING_PAYMENT', 2000000, 20, 'OTHER', 'US', now() FROM generate_series(71, ${L}, 100) n`, [plan, schedule]);
  await client.query(`INSERT INTO payments (id, "grantId", "organizationId", "amountCents", status, "paidAt")
                      SELECT gen_random_uuid(), id, "organizationId", "feeCents", 'SUCCEEDED', "startsOn" FROM license_grants WHERE "activatedAt" IS NOT NULL`);
  // At most one refund per grant (the raw baseline's recognition formula takes one).
  const refunds = await client.query(
    `INSERT INTO refunds (id, "paymentId", "grantId", "amountCents", "effectiveOn", reason)
     SELECT gen_random_uuid(), p.id, g.id, GREATEST(1, CASE WHEN x.n % 200 = 120 THEN g."feeCents" ELSE (g."feeCents" - g."feeCents" * x.r / g."termDays") / 4 END), g."startsOn" + x.r, 'bench'
       FROM license_grants g JOIN payments p ON p."grantId" = g.id,
            LATERAL (SELECT ('x' || right(g.id::text, 12))::bit(48)::bigint AS n) k,
            LATERAL (SELECT k.n, CASE WHEN k.n % 100 = 83 AND DATE '2026-08-15' > g."startsOn" AND DATE '2026-08-15' < g."endsOn" THEN DATE '2026-08-15' - g."startsOn"
                                      WHEN k.n % 200 = 120 THEN 200 ELSE ((k.n * 13) % g."termDays")::int END AS r) x
      WHERE g.id::text LIKE '40%' AND (k.n % 100 IN (3, 83) OR k.n % 200 = 120)`,
  );
  return refunds.rowCount ?? 0;
}

/**
 * The quarter's usage: one processed current report per licensee that has one, the lines spread
 * over them, 95 % eligible (4 % ineligible, 1 % unmatched), units 1…1e6 (every 10th up to 1e9), a
 * few lines per merged work. Distractors that must not count: replaced reports of the quarter and
 * reports of the quarter before.
 */
async function seedUsage(client: pg.Client, s: { lines: number; L: number; W: number; mergedStep: number; reports: number }, quarter: { code: string; previous: string }): Promise<void> {
  const merged = Math.floor((s.W - s.mergedStep / 2) / s.mergedStep) + 1;
  await client.query(`INSERT INTO usage_reports (id, "organizationId", quarter, source, status, "fileName", "processedAt")
                      SELECT ${uid("30", "n")}, ${LICENSEE("n")}, $1, 'FILE'::"UsageReportSource", 'PROCESSED'::"UsageReportStatus", 'usage.csv', TIMESTAMP '2026-10-05' FROM generate_series(1, ${s.L}) n WHERE ${HAS_REPORT}
                      UNION ALL SELECT ${uid("31", "n")}, ${LICENSEE("n")}, $1, 'FILE'::"UsageReportSource", 'REPLACED'::"UsageReportStatus", 'old.csv', TIMESTAMP '2026-10-02' FROM generate_series(1, LEAST(10, ${s.L})) n WHERE ${HAS_REPORT}
                      UNION ALL SELECT ${uid("32", "n")}, ${LICENSEE("n")}, $2, 'FILE'::"UsageReportSource", 'PROCESSED'::"UsageReportStatus", 'q-before.csv', TIMESTAMP '2026-07-05' FROM generate_series(1, LEAST(10, ${s.L})) n WHERE ${HAS_REPORT}`,
    [quarter.code, quarter.previous]);
  await client.query(`UPDATE usage_reports SET "replacedById" = ('30' || substr(id::text, 3))::uuid WHERE status = 'REPLACED'`);
  // Line j belongs to the k-th licensee with a report (k = j mod reports), the licensees without a
  // report being every 40th.
  await client.query(
    `INSERT INTO usage_lines ("reportId", "lineNumber", purpose, units, "matchStatus", "matchMethod", "workId", eligibility, "ineligibleReason")
     SELECT ${uid("30", "b.n")}, a.j0 / ${s.reports} + 1, (ARRAY['TRAIN', 'FINE_TUNE', 'RAG'])[a.j % 3 + 1]::"Purpose",
            CASE WHEN a.j % 10 = 0 THEN 1 + (a.j * 48271) % 1000000000 ELSE 1 + (a.j * 16807) % 1000000 END,
            (CASE WHEN a.j % 100 = 2 THEN 'UNMATCHED' ELSE 'MATCHED' END)::"MatchStatus", CASE WHEN a.j % 100 <> 2 THEN 'IDENTIFIER'::"MatchMethod" END,
            CASE WHEN a.j % 100 = 2 THEN NULL WHEN a.j % 5000 = 17 THEN ${s.mergedStep / 2} + ${s.mergedStep} * ((a.j / 5000) % ${merged}) ELSE (a.j * 2654435761) % ${s.W} + 1 END,
            (CASE WHEN a.j % 100 = 2 THEN 'PENDING' WHEN b.n % 40 = 20 OR a.j % 25 = 1 THEN 'INELIGIBLE' ELSE 'ELIGIBLE' END)::"Eligibility",
            CASE WHEN a.j % 100 <> 2 AND (b.n % 40 = 20 OR a.j % 25 = 1) THEN CASE WHEN a.j % 2 = 0 THEN 'EXCLUDED' ELSE 'PURPOSE_NOT_PERMITTED' END END
       FROM generate_series(0, ${s.lines - 1}) j0, LATERAL (SELECT j0::bigint AS j0, j0::bigint + 1 AS j, j0 % ${s.reports} AS k) a,
            LATERAL (SELECT (a.k / 39) * 40 + a.k % 39 + 1 AS n) b`,
  );
  // The distractors: 100 eligible lines each, on works that also have counted usage.
  await client.query(`INSERT INTO usage_lines ("reportId", "lineNumber", purpose, units, "matchStatus", "matchMethod", "workId", eligibility)
                      SELECT r.id, i, 'TRAIN', 1000000000, 'MATCHED', 'IDENTIFIER', i * 37 % ${s.W} + 1, 'ELIGIBLE'
                        FROM usage_reports r, generate_series(1, 100) i WHERE r.status = 'REPLACED' OR r.quarter = $1`, [quarter.previous]);
  await client.query(`UPDATE usage_reports r SET "totalLines" = c.n, "acceptedLines" = c.n, "processedLines" = c.n, percent = 100
                        FROM (SELECT "reportId", count(*)::int AS n FROM usage_lines GROUP BY 1) c WHERE c."reportId" = r.id`);
}
