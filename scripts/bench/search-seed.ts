// The staff search benchmark's repertoire, written straight in SQL with generate_series (what is
// measured is searching it, not this). Titles, contributors and publishers read like a catalogue:
// common English words (skewed: a few are everywhere, as "history" is) mixed with a long tail of
// made-up words and names (places, surnames, subjects), so word queries match anything from a
// handful of works to tens of thousands. Deterministic: the same N gives the same repertoire.
import pg from "pg";

const COMMON = `history science world life art new war light time water city music house language power
  nature mind body love death family children women men school garden sea river mountain island road night
  day story stories theory practice study studies introduction guide handbook essays letters poems notes
  journey age empire revolution culture society politics economy law medicine health food book books
  machine machines learning data energy climate change future past modern ancient early late golden
  silent hidden lost last first great little young old dark bright red black white green blue deep
  small northern southern eastern western british american european french german roman greek
  global local public private human natural social political economic digital urban rural
  making reading writing thinking living working building teaching growing finding
  king queen war peace faith reason memory dream stone fire earth wind glass iron gold silver`;
const FIRST = `anna maria james john robert mary david sarah michael laura thomas emma peter julia paul
  sophie daniel clara george alice henry lucy william kate richard helen charles nora jose zoe soren
  francois ines bjorn chloe mateo lena ivan olga yuki kenji amara kwame priya arjun wei mei omar leila`;
const LAST = `smith jones taylor brown williams wilson johnson davies robinson wright thompson evans walker white
  roberts green hall wood jackson clarke patel khan lewis james phillips mason mitchell rose davis
  muller schmidt garcia martinez rossi bianchi dubois moreau novak kowalski larsen jensen nakamura tanaka
  okafor mensah silva santos costa ferreira oconnor murphy kelly byrne chen wang li zhang singh kumar`;
const SYLLABLES = `ka lo ri men tha vel dor ish an el mar tin bel cor dra fen gal hol ist jur kel lum nor
  pra quin ros sel tor ul van wen yar zan bri cal dem ost`;
// Accented names, as rightsholders type them: the search folds accents on both sides.
const ACCENTED = ["José", "Müller", "Søren", "Zoë", "François", "Inês", "Björn", "Chloé", "Núñez", "Čapek"];

const words = (list: string) => `ARRAY['${list.trim().split(/\s+/).join("','")}']`;

/** SQL for a pseudo-random number in [0, 1) from an integer expression (hashint8 is stable across runs). */
const u = (expr: string) => `((hashint8(${expr}) & 2147483647)::float8 / 2147483648)`;

const SETUP = `
CREATE TEMP TABLE v AS SELECT ${words(COMMON)} AS common, ${words(FIRST)} AS first, ${words(LAST)} AS last,
  ${words(SYLLABLES)} AS syl, ARRAY['${ACCENTED.join("','")}'] AS accented;
CREATE FUNCTION pg_temp.pick(arr text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT arr[1 + floor(x * array_length(arr, 1))::int]';
-- A made-up word of 2 or 3 syllables: about 37,000 of them, evenly used (the long tail).
CREATE FUNCTION pg_temp.tail(syl text[], h bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT syl[1 + h % 37] || syl[1 + (h / 37) % 37] || CASE WHEN h % 3 = 0 THEN syl[1 + (h / 1369) % 37] ELSE '''' END';
`;

/**
 * Seeds `rows` works of 500 rightsholders (a few large, many small), 1 % suspended and 0.5 %
 * merged, with identifiers by type: an ISBN-13 for books and others, a DOI for articles, an ISSN
 * for journals, a URL for news. Returns the rightsholder ids, largest first.
 */
export async function seedSearchRepertoire(client: pg.Client, rows: number): Promise<{ rightsholderIds: string[] }> {
  await client.query(SETUP);
  const orgs = await client.query<{ id: string }>(
    `INSERT INTO organizations (id, kind, name, "updatedAt")
     SELECT gen_random_uuid(), 'RIGHTSHOLDER', initcap(pg_temp.tail(v.syl, k * 7919)) || ' ' || (ARRAY['Press','Books','Media','Publishing','Editions'])[1 + k % 5], now()
       FROM generate_series(1, 500) k, v ORDER BY k RETURNING id`,
  );
  const rightsholderIds = orgs.rows.map((r) => r.id);
  await client.query(
    `INSERT INTO rightsholder_profiles ("organizationId", status, "approvedAt", "updatedAt")
     SELECT id, 'APPROVED', '2026-01-01', now() FROM unnest($1::uuid[]) id`,
    [rightsholderIds],
  );
  const c = (k: number) => `pg_temp.pick(v.common, power(${u(`i * 31 + ${k}`)}, 1.6))`;
  const t = (k: number) => `pg_temp.tail(v.syl, (hashint8(i * 17 + ${k}) & 2147483647)::bigint)`;
  await client.query(
    `INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, language, "publicationYear", publisher, purposes, status, "suspendReason", "createdAt", "updatedAt")
     SELECT i, ($1::uuid[])[1 + floor(500 * power(${u("i * 13")}, 2))::int], x.title,
            lower(trim(regexp_replace(replace(x.title, '&', ' and '), '[^A-Za-z0-9]+', ' ', 'g'))),
            x.contributors, ty.type::"WorkType", 'en', 1900 + i % 126, x.publisher,
            CASE WHEN i % 9 = 0 THEN '{TRAIN,RAG}' WHEN i % 13 = 0 THEN '{RAG}' ELSE '{TRAIN,FINE_TUNE,RAG}' END::"Purpose"[],
            CASE WHEN i % 100 = 7 THEN 'SUSPENDED' ELSE 'ENROLLED' END::"WorkStatus",
            CASE WHEN i % 100 = 7 THEN 'Rights under review' END,
            TIMESTAMP '2026-01-10 08:00', now()
       FROM generate_series(1, $2::int) i, v,
       LATERAL (SELECT CASE WHEN i % 20 < 12 THEN 'BOOK' WHEN i % 20 < 16 THEN 'JOURNAL_ARTICLE' WHEN i % 20 = 16 THEN 'JOURNAL' WHEN i % 20 < 19 THEN 'NEWS' ELSE 'OTHER' END AS type) ty,
       LATERAL (SELECT
         CASE ty.type
           WHEN 'JOURNAL' THEN (ARRAY['Journal of ','Review of ','Annals of ','Studies in '])[1 + i % 4] || initcap(${c(1)}) || ' ' || initcap(${t(2)})
           WHEN 'JOURNAL_ARTICLE' THEN initcap(${c(1)}) || ' ' || ${c(2)} || ' of ' || ${t(3)} || ': a study of ' || ${c(4)} || ' in ' || initcap(${t(5)})
           WHEN 'NEWS' THEN initcap(${t(1)}) || ' council votes on ' || ${c(2)} || ' and ' || ${c(3)}
           ELSE CASE i % 6
             WHEN 0 THEN 'The ' || initcap(${c(1)}) || ' ' || initcap(${c(2)})
             WHEN 1 THEN initcap(${c(1)}) || ' & ' || initcap(${c(2)})
             WHEN 2 THEN 'A History of ' || initcap(${t(1)}) || ' ' || initcap(${c(2)})
             WHEN 3 THEN initcap(${c(1)}) || ' ' || initcap(${c(2)}) || ': ' || initcap(${c(3)}) || ' in ' || initcap(${t(4)})
             WHEN 4 THEN 'On ' || initcap(${c(1)}) || ' of the ' || initcap(${c(2)}) || ' ' || initcap(${t(3)})
             ELSE initcap(${t(1)}) || ' ' || initcap(${c(2)}) || ' ' || initcap(${t(3)})
           END || CASE WHEN i % 11 = 0 THEN ', Volume ' || (1 + i % 7) ELSE '' END
         END AS title,
         ARRAY(SELECT CASE WHEN (i + n) % 97 = 0 THEN pg_temp.pick(v.accented, ${u("i * 7 + n")}) ELSE initcap(pg_temp.pick(v.first, ${u("i * 5 + n")})) END
                      || ' ' || CASE WHEN ${u("i * 3 + n")} < 0.6 THEN initcap(pg_temp.pick(v.last, power(${u("i * 11 + n")}, 1.5))) ELSE initcap(pg_temp.tail(v.syl, (hashint8(i * 23 + n) & 2147483647)::bigint)) END
                 FROM generate_series(1, 1 + i % 3) n) AS contributors,
         CASE WHEN i % 10 = 3 THEN NULL
              WHEN i % 3 = 0 THEN initcap(pg_temp.tail(v.syl, (i % 1500) * 101)) || ' University Press'
              WHEN i % 3 = 1 THEN initcap(pg_temp.pick(v.last, ${u("(i % 700) * 3")})) || ' & ' || initcap(pg_temp.pick(v.last, ${u("(i % 700) * 5")})) || ' Publishing'
              ELSE initcap(pg_temp.pick(v.common, ${u("(i % 400) * 7")})) || ' House' END AS publisher) x`,
    [rightsholderIds, rows],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('works', 'id'), $1::int)`, [rows]);
  await client.query(`UPDATE works SET status = 'MERGED', "mergedIntoId" = id - 1 WHERE id % 200 = 0 AND id > 1`);
  // Check digits in SQL: ISBN-13 weights 1,3 mod 10; ISSN weights 8..2 mod 11 with X for 10.
  await client.query(
    `INSERT INTO work_identifiers ("workId", type, value)
     SELECT w.id, 'ISBN13'::"IdentifierType", d || ((10 - (SELECT sum(substr(d, k, 1)::int * CASE WHEN k % 2 = 1 THEN 1 ELSE 3 END) FROM generate_series(1, 12) k) % 10) % 10)::text
       FROM works w, LATERAL (SELECT '979' || lpad(w.id::text, 9, '0') AS d) x WHERE w.type IN ('BOOK', 'OTHER')
     UNION ALL
     SELECT w.id, 'DOI'::"IdentifierType", '10.5555/art.' || w.id FROM works w WHERE w.type = 'JOURNAL_ARTICLE'
     UNION ALL
     SELECT w.id, 'ISSN'::"IdentifierType", d || CASE c WHEN 10 THEN 'X' ELSE c::text END
       FROM works w, LATERAL (SELECT lpad((w.id % 10000000)::text, 7, '0') AS d) x,
            LATERAL (SELECT (11 - (SELECT sum(substr(d, k, 1)::int * (9 - k)) FROM generate_series(1, 7) k) % 11) % 11 AS c) y
      WHERE w.type = 'JOURNAL'
     UNION ALL
     SELECT w.id, 'URL'::"IdentifierType", 'https://news.example.com/story/' || w.id FROM works w WHERE w.type = 'NEWS'`,
  );
  await client.query("VACUUM ANALYZE");
  return { rightsholderIds };
}
