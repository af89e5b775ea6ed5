// SQL fragments the large seed's statements share. Everything is deterministic: "random" values
// come from hashint8 of a row's counter, so the same scale gives the same dataset on every run,
// and ids are derived from counters, so a later statement finds an earlier one's rows without
// looking them up.
import type pg from "pg";

/** A uuid from a two-digit kind and a counter expression: `uid("50", "n")` is rightsholder n. */
export const uid = (kind: string, n: string) => `('${kind}000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

export const RIGHTSHOLDER = (n: string) => uid("50", n);
export const LICENSEE = (n: string) => uid("60", n);
export const RIGHTSHOLDER_USER = (n: string) => uid("51", n);
export const LICENSEE_USER = (n: string) => uid("61", n);
export const LICENSEE_MEMBER_USER = (n: string) => uid("62", n);

/** A pseudo-random number in [0, 1) from an integer expression (hashint8 is stable across runs). */
export const u = (expr: string) => `((hashint8((${expr})::bigint) & 2147483647)::float8 / 2147483648)`;

/** A pseudo-random whole number in [0, n) from an integer expression. */
export const pick = (expr: string, n: number | string) => `floor(${u(expr)} * ${n})::int`;

/** SQL text array literal of words (ours, never user input). */
export const words = (list: string) => `ARRAY['${list.trim().split(/\s+/).join("','")}']`;

/** An ISBN-13 from its first twelve digits (a text expression): weights 1, 3, check digit mod 10. */
export const isbn13 = (first12: string) =>
  `(${first12} || ((10 - (SELECT sum(substr(${first12}, k, 1)::int * CASE WHEN k % 2 = 1 THEN 1 ELSE 3 END) FROM generate_series(1, 12) k) % 10) % 10)::text)`;

/** An ISSN from its first seven digits: weights 8…2, check digit mod 11 with X for 10. */
export const issn = (first7: string) =>
  `(${first7} || (SELECT CASE c WHEN 10 THEN 'X' ELSE c::text END FROM (SELECT (11 - sum(substr(${first7}, k, 1)::int * (9 - k)) % 11) % 11 AS c FROM generate_series(1, 7) k) x))`;

/** Works' identifiers by id: a 979 ISBN-13 that no demo work uses (they start 978). */
export const workIsbnFirst12 = (id: string) => `('979' || lpad((${id})::text, 9, '0'))`;
/** ISBNs that no work of the dataset has (its ids stay below 900,000,000). */
export const unknownIsbnFirst12 = (n: string) => `('979' || lpad((900000000 + (${n}))::text, 9, '0'))`;

export type Run = (sql: string, params?: unknown[]) => Promise<number>;

/** A statement runner that returns the row count. */
export const runner = (client: pg.ClientBase): Run => async (sql, params = []) => (await client.query(sql, params)).rowCount ?? 0;
