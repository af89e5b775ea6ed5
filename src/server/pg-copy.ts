import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { PgClient } from "./pg";

// PostgreSQL's COPY in its text format, for paths that move a million rows at once (bulk
// coverage): a row is its fields joined by tabs, NULL is \N, and backslash, tab, newline and
// carriage return inside a field are written as escapes. Much faster than INSERTs over arrays,
// and the rows stream both ways without being held in memory.

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One field as COPY text: null → \N. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : text;
}

const UNESCAPE: Record<string, string> = { "\\": "\\", t: "\t", n: "\n", r: "\r", b: "\b", f: "\f", v: "\v" };

/** One COPY text row (without its newline) back into fields; \N → null. */
export function parseCopyRow(row: string): (string | null)[] {
  return row.split("\t").map((field) => {
    if (field === "\\N") return null;
    return field.includes("\\") ? field.replace(/\\(.)/g, (_m, c: string) => UNESCAPE[c] ?? c) : field;
  });
}

/** COPY `table` FROM STDIN, fed by `rows` (each already a COPY text row ending in "\n"). */
export async function copyRowsIn(client: PgClient, sql: string, rows: AsyncIterable<string> | Iterable<string>): Promise<void> {
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

/** COPY (query) TO STDOUT, as batches of COPY text rows without their newline (a batch per chunk read). */
export async function* copyRowsOut(client: PgClient, sql: string): AsyncGenerator<string[]> {
  const stream = client.query(copyTo(sql));
  // A chunk may end inside a multi-byte character: the decoder keeps those bytes for the next.
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop() ?? "";
    if (lines.length > 0) yield lines;
  }
  rest += decoder.end();
  if (rest !== "") yield [rest];
}
