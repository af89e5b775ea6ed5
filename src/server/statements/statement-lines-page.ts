import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { BIGINT_MAX, isStorableText } from "@/lib/storable-text";
import { db } from "../db";
import type { StatementLineSort } from "./statements.schema";

// A statement can carry many thousands of lines (one per work), so the table, the CSV and the
// PDF walk them in KEYSET pages: each page continues from the last row's sort key and id, and
// page 500 costs what page 1 costs. Sorts: net amount, largest first, or title A–Z; ties by id.

export const STATEMENT_LINE_SELECT = {
  id: true, workId: true, identifier: true, title: true, licenseesCounted: true, units: true,
  grossCents: true, adminFeeShareCents: true, withholdingCents: true, netCents: true, shareBps: true,
} as const;

export type StatementLineRow = Prisma.StatementLineGetPayload<{ select: typeof STATEMENT_LINE_SELECT }>;

type Cursor = { key: string; id: string };

/** The cursor in a link: the row's sort key and id, base64url JSON so any title survives a URL. */
export function encodeLineCursor(sort: StatementLineSort, row: StatementLineRow): string {
  const cursor: Cursor = { key: sort === "net" ? row.netCents.toString() : row.title, id: row.id.toString() };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(sort: StatementLineSort, raw: string | undefined): { key: bigint | string; id: bigint } | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof parsed.key !== "string" || typeof parsed.id !== "string" || !/^\d{1,18}$/.test(parsed.id)) return null;
    if (sort === "net" && (!/^\d{1,19}$/.test(parsed.key) || BigInt(parsed.key) > BIGINT_MAX)) return null;
    if (!isStorableText(parsed.key)) return null;
    return { key: sort === "net" ? BigInt(parsed.key) : parsed.key, id: BigInt(parsed.id) };
  } catch {
    return null;
  }
}

/** Rows after (or, walking back, before) the cursor in the sort's order. */
function beyond(sort: StatementLineSort, cursor: { key: bigint | string; id: bigint }, isBackward: boolean): Prisma.StatementLineWhereInput {
  const idBeyond = isBackward ? { lt: cursor.id } : { gt: cursor.id };
  if (sort === "net") {
    const key = cursor.key as bigint;
    return { OR: [{ netCents: isBackward ? { gt: key } : { lt: key } }, { netCents: key, id: idBeyond }] };
  }
  const key = cursor.key as string;
  return { OR: [{ title: isBackward ? { lt: key } : { gt: key } }, { title: key, id: idBeyond }] };
}

function orderOf(sort: StatementLineSort, isBackward: boolean): Prisma.StatementLineOrderByWithRelationInput[] {
  const flip = (d: "asc" | "desc") => (isBackward ? (d === "asc" ? "desc" : "asc") : d);
  return sort === "net" ? [{ netCents: flip("desc") }, { id: flip("asc") }] : [{ title: flip("asc") }, { id: flip("asc") }];
}

export type StatementLinesPage = { lines: StatementLineRow[]; next: string | null; previous: string | null };

/**
 * One page of a statement's lines. `after` continues forward, `before` walks back; an unreadable
 * cursor starts from the top. `previous` is null on the first page, `next` on the last.
 */
export async function statementLinesPage(
  statementId: string,
  query: { sort: StatementLineSort; after?: string; before?: string },
  take: number,
): Promise<StatementLinesPage> {
  const before = decodeCursor(query.sort, query.before);
  const after = before ? null : decodeCursor(query.sort, query.after);
  const cursor = before ?? after;
  const isBackward = before !== null;
  const rows = await db.statementLine.findMany({
    where: { statementId, ...(cursor ? beyond(query.sort, cursor, isBackward) : {}) },
    orderBy: orderOf(query.sort, isBackward),
    take: take + 1,
    select: STATEMENT_LINE_SELECT,
  });
  const hasMore = rows.length > take;
  const page = rows.slice(0, take);
  if (isBackward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    lines: page,
    next: last && (isBackward || hasMore) ? encodeLineCursor(query.sort, last) : null,
    previous: first && (isBackward ? hasMore : cursor !== null) ? encodeLineCursor(query.sort, first) : null,
  };
}

/** Every line in the page order, batch by batch (the CSV and the PDF): one batch in memory at a time. */
export async function* allStatementLines(statementId: string, batchSize = 2_000): AsyncGenerator<StatementLineRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = await statementLinesPage(statementId, { sort: "net", after }, batchSize);
    if (page.lines.length > 0) yield page.lines;
    if (!page.next) return;
    after = page.next;
  }
}
