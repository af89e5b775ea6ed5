// The repertoire: W works over the rightsholders, skewed as publishing is — rightsholder n holds
// W·((n/R)^¼ − ((n−1)/R)^¼) works, so the biggest has about a tenth of everything, the top ten a
// fifth, and the smallest a few dozen. Each rightsholder's works are consecutive ids (catalogues
// arrive by import). Identifiers by type: ISBN-13 for books (some with a DOI too), DOI for
// articles, ISSN for journals, URL for news. Co-owners on 2 % (some with a named external payee),
// open disputes on about one in 3,000 and as many resolved, a few suspended, merged, excluded.
import type pg from "pg";
import { RIGHTSHOLDER, isbn13, issn, pick, runner, u, words, workIsbnFirst12 } from "./sql";

const COMMON = `history science world life art new war light time water city music house language power nature mind body
  love death family children women school garden sea river mountain island road night day story theory practice study
  introduction guide handbook essays letters poems notes journey age empire revolution culture society politics economy law
  medicine health food machine learning data energy climate change future past modern ancient early silent hidden lost last
  first great little young old dark bright red black white green blue deep northern southern global local public private
  human natural social political economic digital urban rural making reading writing thinking living working building
  teaching king queen peace faith reason memory dream stone fire earth wind glass iron gold silver winter summer autumn spring`;
const FIRST = `Anna Maria James John Robert Mary David Sarah Michael Laura Thomas Emma Peter Julia Paul Sophie Daniel Clara George Alice
  Henry Lucy William Kate Richard Helen Charles Nora Ines Bjorn Chloe Mateo Lena Ivan Olga Yuki Kenji Amara Kwame Priya Arjun Wei Omar`;
const LAST = `Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood
  Jackson Clarke Patel Khan Lewis Mason Mitchell Muller Schmidt Garcia Martinez Rossi Dubois Novak Kowalski Larsen Nakamura Okafor Silva`;

const w = (seed: string) => `v.common[1 + ${pick(seed, "array_length(v.common, 1)")}]`;
const cap = (seed: string) => `initcap(${w(seed)})`;
const person = (seed: string) => `v.first[1 + ${pick(`${seed} * 3`, "array_length(v.first, 1)")}] || ' ' || v.last[1 + ${pick(`${seed} * 5`, "array_length(v.last, 1)")}]`;

export type WorksFacts = { firstId: number; lastId: number; biggestRightsholderWorks: number };

export async function seedWorks(client: pg.ClientBase, W: number, R: number, today: string): Promise<WorksFacts> {
  const run = runner(client);
  await run(`CREATE TEMP TABLE v AS SELECT ${words(COMMON)} AS common, ${words(FIRST)} AS first, ${words(LAST)} AS last`);
  // The demo's works come first: the bulk ids follow them.
  const offset = Number((await client.query<{ id: number }>(`SELECT COALESCE(max(id), 0)::int AS id FROM works`)).rows[0]!.id);
  await run(`CREATE TEMP TABLE rh_works AS
             SELECT n, ${offset} + c.before + 1 AS first_id, ${offset} + c.upto AS last_id
               FROM generate_series(1, ${R}) n,
                    LATERAL (SELECT round(${W} * power((n - 1)::float8 / ${R}, 0.25))::int AS before, round(${W} * power(n::float8 / ${R}, 0.25))::int AS upto) c`);
  await run(`CREATE UNIQUE INDEX ON rh_works (n)`);
  await run(`CREATE UNIQUE INDEX ON rh (id)`);

  const type = `CASE WHEN t0.k < 11 THEN 'BOOK' WHEN t0.k < 16 THEN 'JOURNAL_ARTICLE' WHEN t0.k = 16 THEN 'JOURNAL' WHEN t0.k < 19 THEN 'NEWS' ELSE 'OTHER' END`;
  const title = `CASE t.type
      WHEN 'JOURNAL' THEN (ARRAY['Journal of ', 'Review of ', 'Annals of ', 'Studies in '])[1 + i % 4] || ${cap("i * 3")} || ' ' || ${cap("i * 5")}
      WHEN 'JOURNAL_ARTICLE' THEN ${cap("i * 3")} || ' ' || ${w("i * 5")} || ' and ' || ${w("i * 7")} || ': evidence from ' || ${w("i * 11")} || ' ' || ${w("i * 13")}
      WHEN 'NEWS' THEN ${cap("i * 3")} || ' council votes on ' || ${w("i * 5")} || ' ' || ${w("i * 7")}
      ELSE CASE i % 4 WHEN 0 THEN 'The ' || ${cap("i * 3")} || ' of ' || ${cap("i * 5")}
                      WHEN 1 THEN ${cap("i * 3")} || ' ' || ${cap("i * 5")} || ': ' || ${cap("i * 7")} || ' ' || ${cap("i * 11")}
                      WHEN 2 THEN 'A History of ' || ${cap("i * 3")} || ' ' || ${cap("i * 5")}
                      ELSE ${cap("i * 3")} || ', ' || ${cap("i * 5")} || ' and ' || ${cap("i * 7")} END
    END || CASE WHEN i % 13 = 0 THEN ' ' || (1 + i % 9) ELSE '' END`;
  // A little of everything the lists filter on: narrower purposes, exclusions past and scheduled, suspended and merged works.
  const purposes = `CASE ${pick("i * 43", 20)} WHEN 0 THEN '{TRAIN,RAG}' WHEN 1 THEN '{RAG}' WHEN 2 THEN '{TRAIN,FINE_TUNE}' ELSE '{TRAIN,FINE_TUNE,RAG}' END::"Purpose"[]`;
  const excluded = `CASE ${pick("i * 47", 100)} WHEN 0 THEN DATE '${today}' - ${pick("i * 49", 300)} WHEN 1 THEN DATE '${today}' + 1 + ${pick("i * 49", 90)} END`;
  const status = `CASE WHEN ${pick("i * 51", 200)} = 0 THEN 'SUSPENDED' WHEN ${pick("i * 89", 500)} = 1 AND i > r.first_id THEN 'MERGED' ELSE 'ENROLLED' END`;
  const created = `(h.joined + CASE WHEN ${u("i * 57")} < 0.85 THEN ${pick("i * 59", 30)} ELSE floor(${u("i * 61")} * (DATE '${today}' - h.joined))::int END)`;
  await run(`INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, language, "publicationYear", publisher, purposes,
                                "excludedFrom", status, "suspendReason", "mergedIntoId", "createdAt", "updatedAt")
             SELECT i, h.id, x.title, lower(trim(regexp_replace(x.title, '[^A-Za-z0-9]+', ' ', 'g'))),
                    CASE WHEN i % 3 = 0 THEN ARRAY[${person("i")}, ${person("i + 1")}] ELSE ARRAY[${person("i")}] END,
                    t.type::"WorkType", CASE ${pick("i * 67", 20)} WHEN 0 THEN 'fr' WHEN 1 THEN 'de' WHEN 2 THEN 'es' ELSE 'en' END,
                    CASE WHEN ${pick("i * 71", 33)} = 0 THEN NULL ELSE 2026 - floor(76 * power(${u("i * 73")}, 2))::int END,
                    h.name, ${purposes}, ${excluded}, s.status::"WorkStatus", CASE WHEN s.status = 'SUSPENDED' THEN 'Rights under review' END,
                    CASE WHEN s.status = 'MERGED' THEN i - 1 END, ${created}, ${created}
               FROM rh_works r JOIN rh h USING (n), generate_series(r.first_id, r.last_id) i, v,
                    LATERAL (SELECT ${pick("i * 41", 20)} AS k) t0, LATERAL (SELECT ${type} AS type) t,
                    LATERAL (SELECT ${title} AS title) x, LATERAL (SELECT ${status} AS status) s`);
  await run(`SELECT setval(pg_get_serial_sequence('works', 'id'), ${offset + W})`);

  await run(`INSERT INTO work_identifiers ("workId", type, value)
             SELECT w.id, 'ISBN13'::"IdentifierType", ${isbn13(workIsbnFirst12("w.id"))} FROM works w WHERE w.id > ${offset} AND w.type IN ('BOOK', 'OTHER')
             UNION ALL SELECT w.id, 'DOI', '10.5555/lgb.' || w.id FROM works w WHERE w.id > ${offset} AND w.type = 'BOOK' AND ${pick("w.id * 79", 7)} = 0
             UNION ALL SELECT w.id, 'DOI', '10.5555/lg.' || w.id FROM works w WHERE w.id > ${offset} AND w.type = 'JOURNAL_ARTICLE'
             UNION ALL SELECT w.id, 'ISSN', ${issn("lpad((w.id % 10000000)::text, 7, '0')")} FROM works w WHERE w.id > ${offset} AND w.type = 'JOURNAL'
             UNION ALL SELECT w.id, 'URL', 'https://news.example.com/' || h.n || '/story-' || w.id
                         FROM works w JOIN rh h ON h.id = w."rightsholderId" WHERE w.id > ${offset} AND w.type = 'NEWS'`);

  await run(`INSERT INTO work_co_owners ("workId", "organizationId", "externalPayeeName", "externalPayeeEmail", "shareBps")
             SELECT r.first_id + k.i, CASE WHEN v.ext THEN NULL ELSE ${RIGHTSHOLDER("v.org")} END, CASE WHEN v.ext THEN 'Estate of ' || (r.first_id + k.i) END,
                    CASE WHEN v.ext THEN 'estate-' || (r.first_id + k.i) || '@example.test' END, v.share
               FROM rh_works r, LATERAL (SELECT i FROM generate_series(0, r.last_id - r.first_id) i WHERE ${pick("(r.first_id + i) * 53", 50)} = 0) k,
                    LATERAL (SELECT (r.first_id + k.i) % 10 = 0 AS three, ((r.n * 7 + 3) % ${R}) + 1 AS other) o,
                    LATERAL (VALUES (1, r.n, CASE WHEN o.three THEN 5000 ELSE 6000 END, false), (2, o.other, CASE WHEN o.three THEN 3000 ELSE 4000 END, false),
                                    (3, NULL, 2000, true)) v(slot, org, share, ext)
              WHERE o.other <> r.n AND (v.slot < 3 OR o.three)`);

  const biggest = (await client.query<{ n: number }>(`SELECT last_id - first_id + 1 AS n FROM rh_works WHERE n = 1`)).rows[0]!.n;
  return { firstId: offset + 1, lastId: offset + W, biggestRightsholderWorks: biggest };
}

/**
 * Disputes (after the identifier indexes are back): the claimant is another rightsholder, with the
 * first work of its catalogue; about one work in 3,000 is under an open dispute, as many resolved.
 */
export async function seedDisputes(client: pg.ClientBase, firstId: number, R: number): Promise<number> {
  return runner(client)(`INSERT INTO disputes (id, origin, "workId", "identifierType", "identifierValue", "claimantOrgId", "claimantWorkId", reason, status, resolution, "openedAt", "resolvedAt")
             SELECT gen_random_uuid(), 'ENROLLMENT', p.id, wi.type, wi.value, ${RIGHTSHOLDER("c.n")}, c.first_id,
                    'The claimant enrolled a work with the same identifier.', p.status::"DisputeStatus",
                    CASE WHEN p.status <> 'OPEN' THEN 'Checked against the publication contract.' END,
                    now() - make_interval(days => 5 + ${pick("p.id", 200)}), CASE WHEN p.status <> 'OPEN' THEN now() - make_interval(days => ${pick("p.id * 3", 5)}) END
               FROM (SELECT w.id, h.n, CASE ${pick("w.id * 83", 3000)} WHEN 0 THEN 'OPEN' WHEN 1 THEN 'REJECTED' WHEN 2 THEN 'RESOLVED_ASSIGNED' END AS status
                       FROM works w JOIN rh h ON h.id = w."rightsholderId" WHERE w.id >= ${firstId} AND w.status = 'ENROLLED') p
               JOIN rh_works c ON c.n = ((p.n * 11 + 5) % ${R}) + 1 AND c.n <> p.n
               JOIN LATERAL (SELECT type, value FROM work_identifiers WHERE "workId" = p.id ORDER BY id LIMIT 1) wi ON true
              WHERE p.status IS NOT NULL`);
}
