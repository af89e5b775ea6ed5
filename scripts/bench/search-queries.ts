// The staff search benchmark's queries: what staff type, drawn from works actually in the
// repertoire (so most find something), in a fixed mix. Deterministic for a given repertoire.
import pg from "pg";
import type { TStaffWorkQuery } from "../../src/server/repertoire/staff-work-search.schema";

export type BenchQuery = { kind: string; query: TStaffWorkQuery };

/** The mix, in queries per hundred. */
export const MIX: Record<string, number> = {
  "title words": 20,
  "title prefix": 10,
  contributor: 15,
  publisher: 5,
  "one word": 10,
  identifier: 20,
  "words + filter": 10,
  "page 2–4": 5,
  "filters only": 5,
};

type Sample = { id: number; title: string; contributors: string[]; publisher: string | null; type: string; status: string; rightsholderId: string; identifier: { type: string; value: string } | null };

/** Where n is a position in [0, 1): a stable pseudo-random stream for the query at `i`. */
const rand = (i: number, salt: number) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt + 7, 40503)) >>> 0) / 2 ** 32;
const pick = <T>(list: T[], r: number): T => list[Math.floor(r * list.length)]!;

function displayIdentifier(identifier: { type: string; value: string }, r: number): string {
  const v = identifier.value;
  if (identifier.type === "ISBN13") return r < 0.5 ? `${v.slice(0, 3)}-${v.slice(3, 4)}-${v.slice(4, 8)}-${v.slice(8, 12)}-${v.slice(12)}` : v;
  if (identifier.type === "ISSN") return `${v.slice(0, 4)}-${v.slice(4)}`;
  if (identifier.type === "DOI") return r < 0.5 ? `https://doi.org/${v}` : v.toUpperCase();
  return v;
}

function queryFor(kind: string, s: Sample, i: number): TStaffWorkQuery {
  const words = s.title.replace(/[^A-Za-z0-9 ]+/g, " ").split(/\s+/).filter(Boolean);
  const start = Math.floor(rand(i, 1) * Math.max(1, words.length - 2));
  const some = words.slice(start, start + 2 + Math.floor(rand(i, 2) * 2)).join(" ");
  switch (kind) {
    case "title words":
      return { q: some };
    case "title prefix": {
      const long = words.filter((w) => w.length >= 5);
      const word = long.length > 0 ? pick(long, rand(i, 3)) : words[0]!;
      const other = pick(words, rand(i, 4));
      return { q: `${other === word ? "" : `${other} `}${word.slice(0, Math.max(4, word.length - 1 - Math.floor(rand(i, 5) * 3)))}*` };
    }
    case "contributor": {
      const name = pick(s.contributors, rand(i, 6));
      return { q: rand(i, 7) < 0.6 ? name : name.split(" ").at(-1)! };
    }
    case "publisher":
      return { q: s.publisher ?? some };
    case "one word":
      return { q: pick(words.filter((w) => w.length >= 3), rand(i, 8)) ?? words[0]! };
    case "identifier":
      return { q: s.identifier ? displayIdentifier(s.identifier, rand(i, 9)) : some };
    case "words + filter": {
      const r = rand(i, 10);
      if (r < 0.3) return { q: some, type: s.type as TStaffWorkQuery["type"] };
      if (r < 0.55) return { q: some, rightsholderId: s.rightsholderId };
      if (r < 0.8) return { q: pick(words, rand(i, 11)), status: "SUSPENDED" };
      return { q: some, purpose: "RAG" };
    }
    case "page 2–4":
      return { q: pick(words.filter((w) => w.length >= 3), rand(i, 12)) ?? some, page: 2 + Math.floor(rand(i, 13) * 3) };
    default:
      return rand(i, 14) < 0.5 ? { rightsholderId: s.rightsholderId, status: "ENROLLED" } : { status: "SUSPENDED", type: s.type as TStaffWorkQuery["type"] };
  }
}

/** `count` queries in the MIX, from works sampled evenly over the repertoire. */
export async function benchQueries(client: pg.Client, count: number): Promise<BenchQuery[]> {
  const samples = (await client.query<Sample>(
    `SELECT w.id, w.title, w.contributors, w.publisher, w.type::text AS type, w.status::text AS status, w."rightsholderId"::text AS "rightsholderId",
            (SELECT json_build_object('type', wi.type, 'value', wi.value) FROM work_identifiers wi WHERE wi."workId" = w.id ORDER BY wi.id LIMIT 1) AS identifier
       FROM works w WHERE w.id % (GREATEST(1, (SELECT max(id) FROM works) / 2000))::int = 0 ORDER BY w.id`,
  )).rows;
  const kinds = Object.entries(MIX).flatMap(([kind, n]) => Array<string>(n).fill(kind));
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[Math.floor(rand(i, 20) * kinds.length)]!;
    return { kind, query: queryFor(kind, pick(samples, rand(i, 21)), i) };
  });
}
