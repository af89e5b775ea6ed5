// Hostile query strings and cursors against the parsers of /api/v1 and the pages' lists, and
// hostile JSON against the request schemas: a parser answers values the database can take (no
// NUL, integers in range) or field errors that say what to change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeAuditCursor, encodeAuditCursor, ZAuditFilters } from "@/server/audit/audit.schema";
import { parseListQuery, encodeListCursor, timeCursor } from "@/server/api/lists/list-query";
import { ApiRequestError } from "@/server/api/api-errors";
import { decodeCursor, encodeCursor, parseWorksQuery } from "@/server/api/works/works-v1.schema";
import { ZCoverageCheckJson } from "@/server/coverage/coverage-checks.schema";
import { ZCoverageQuery } from "@/server/coverage/coverage.schema";
import { decodeQueueCursor, encodeQueueCursor, ZUsageQueueQuery } from "@/server/usage/usage-queue.schema";
import { ZUsageJsonBody, ZUsageJsonLine } from "@/server/usage/usage-reports.schema";
import { decodeWorksCursor, parseWorksFilters, WORK_SORTS } from "@/server/works/works.schema";
import { hostileJson, hostileText, identifierLike, longRun, withOwnKeys } from "./support/arbitraries";
import { expectClearFieldErrors, expectClearMessage, expectIdentifierStorable, expectStorableBigint, expectStorableText, hostileProperty, recordHostileCases, refusalOf } from "./support/hostile";

recordHostileCases(import.meta.filename);

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Cursors: ours, ours edited, JSON of anything, base64 of junk, junk. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hostileText(40), fc.oneof(fc.uuid(), hostileText(20))).map(([key, id]) => encodeListCursor({ key, id })),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.uuid()).map(([at, id]) => encodeListCursor({ key: at.toISOString(), id })),
  fc.nat(2 ** 31).map(encodeCursor),
  fc.tuple(fc.oneof(fc.constant("x"), hostileText(20), fc.integer(), fc.double(), fc.constant(null)), fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 53 + 2), hostileText(5))).map((key) => b64(JSON.stringify(key))),
  fc.tuple(fc.oneof(hostileText(20), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)).map(([key, id]) => b64(JSON.stringify({ key, id }))),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.oneof(hostileText(30), fc.constantFrom("id:ISBN13:9780306406157", "title:a\u0000b|2001", "title:x|", "id:DOI:10.1/\u0000"))).map(([d, key]) => b64(JSON.stringify([d.toISOString().slice(0, 23), key]))),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([at, id]) => `${at}.${id}`),
  hostileJson().map((v) => b64(JSON.stringify(v) ?? "null")),
  hostileText(),
  longRun(1, 4_000),
);

/** A query string as a client (or an attacker) writes it: known names, unknown ones, repeats. */
function hostileQuery(names: string[], value: fc.Arbitrary<string>): fc.Arbitrary<URLSearchParams> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("__proto__", "constructor", "limit[]", ""), hostileText(10), longRun(61, 200)) });
  return fc.oneof(
    fc.array(fc.tuple(name, value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs)),
    hostileText(200).map((raw) => new URLSearchParams(raw)),
  );
}

const limitValue = fc.oneof(fc.integer({ min: -5, max: 300 }).map(String), fc.constantFrom("", "1e2", "0x10", "20.0", " 20", "99999999999999999999", "NaN", "Infinity"), hostileText(8));
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

describe("GET /api/v1/works query", () => {
  it("parseWorksQuery gives a limit, a position and an identifier in range, or field errors", () => {
    const value = fc.oneof(limitValue, hostileCursor, identifierLike);
    hostileProperty("parseWorksQuery", hostileQuery(["limit", "cursor", "identifier"], value), (params) => {
      const parsed = parseWorksQuery(params);
      if (!parsed.ok) return expectClearFieldErrors(parsed.details, params.toString());
      expect(parsed.query.limit >= 1 && parsed.query.limit <= 200).toBe(true);
      expect(Number.isInteger(parsed.query.afterId) && parsed.query.afterId >= 0 && parsed.query.afterId <= 2 ** 31 - 1).toBe(true);
      if (parsed.query.identifier) expectIdentifierStorable(parsed.query.identifier);
    }, { numRuns: 1_000 });
  });

  it("decodeCursor reads back every cursor it gives out", () => {
    hostileProperty("works v1 cursor round trip", fc.nat(2 ** 31 - 1), (id) => expect(decodeCursor(encodeCursor(id))).toBe(id), { numRuns: 200 });
  });
});

describe("the cursor lists of /api/v1", () => {
  // Found by this property: a cursor whose key held NUL reached PostgreSQL (a 500 on
  // /api/v1/statements/{id}); the key and id of a list cursor are now text PostgreSQL can hold.
  const REGRESSIONS = [new URLSearchParams({ cursor: encodeListCursor({ key: "a\u0000", id: "1" }) }), new URLSearchParams({ cursor: encodeListCursor({ key: "x", id: "\ud800" }) })];

  it("parseListQuery gives a limit from 1 to 100 and a storable cursor, or field errors; timeCursor refuses with ApiRequestError", () => {
    const value = fc.oneof(limitValue, hostileCursor, fc.constantFrom("2026Q3", "net", "title"), hostileText(10));
    hostileProperty("parseListQuery", hostileQuery(["limit", "cursor", "quarter", "sort"], value), (params) => {
      const parsed = parseListQuery(params, ["quarter", "sort"] as const);
      if (!parsed.ok) return expectClearFieldErrors(parsed.details, params.toString());
      expect(parsed.query.limit >= 1 && parsed.query.limit <= 100).toBe(true);
      if (parsed.query.cursor) {
        expectStorableText(parsed.query.cursor.key, "cursor key");
        expectStorableText(parsed.query.cursor.id, "cursor id");
      }
      const refusal = refusalOf(() => timeCursor(parsed.query.cursor), ApiRequestError);
      if (refusal) expectClearFieldErrors((refusal as ApiRequestError).details);
      else if (parsed.query.cursor) expect(Number.isNaN(timeCursor(parsed.query.cursor)!.at.getTime())).toBe(false);
    }, { numRuns: 1_000, examples: REGRESSIONS });
  });

  it("refuses the regressions as a cursor we did not give out", () => {
    for (const params of REGRESSIONS) expect(parseListQuery(params)).toEqual({ ok: false, details: { cursor: ["This cursor is not one we gave out; start again without it."] } });
  });
});

describe("the pages' cursors and filters", () => {
  // Found by these properties: a works-list cursor with NUL in its title or an id past INTEGER,
  // and an audit cursor with an id past BIGINT, reached the database (a 500 on the page).
  it("decodeWorksCursor gives a storable position or null", () => {
    const REGRESSIONS = [b64(JSON.stringify(["a\u0000", 1])), b64(JSON.stringify([2000, 2 ** 40])), b64(JSON.stringify([1e300, 5]))];
    hostileProperty("decodeWorksCursor", fc.tuple(fc.constantFrom(...WORK_SORTS), fc.constantFrom("after", "before") as fc.Arbitrary<"after" | "before">, hostileCursor), ([sort, direction, token]) => {
      const cursor = decodeWorksCursor(sort, direction, token);
      if (!cursor) return;
      expect(Number.isInteger(cursor.id) && cursor.id >= 0 && cursor.id <= 2 ** 31 - 1, `id ${cursor.id}`).toBe(true);
      if (cursor.title !== undefined) expectStorableText(cursor.title, "cursor title");
      if (cursor.year !== undefined && cursor.year !== null) expect(Number.isInteger(cursor.year) && Math.abs(cursor.year) <= 2 ** 31 - 1, `year ${cursor.year}`).toBe(true);
    }, { numRuns: 1_000, examples: REGRESSIONS.flatMap((token) => WORK_SORTS.map((sort) => [sort, "after", token] as ["newest" | "title" | "year", "after", string])) });
  });

  it("decodeAuditCursor gives a valid time and a BIGINT id, or null", () => {
    hostileProperty("decodeAuditCursor", hostileCursor, (token) => {
      const cursor = decodeAuditCursor(token);
      if (!cursor) return;
      expect(Number.isNaN(cursor.at.getTime())).toBe(false);
      expectStorableBigint(cursor.id, "audit cursor id");
      expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    }, { numRuns: 1_000, examples: ["1.9999999999999999999", "999999999999999.9223372036854775808"] });
  });

  // And: a queue cursor with NUL in its key, or a time such as 2026-44-44T44:44:44, reached
  // PostgreSQL (a 500 on the staff usage queue).
  it("decodeQueueCursor gives a storable key and a real time, or null", () => {
    hostileProperty("decodeQueueCursor", hostileCursor, (token) => {
      const cursor = decodeQueueCursor(token);
      if (!cursor) return;
      expectStorableText(cursor.key, "queue cursor key");
      expect(new Date(`${cursor.oldestAt}Z`).toISOString().slice(0, 23), cursor.oldestAt).toBe(cursor.oldestAt);
      expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
    }, { numRuns: 1_000, examples: [b64(JSON.stringify(["2026-01-01T00:00:00.000", "title:a\u0000b|2001"])), b64(JSON.stringify(["2026-99-99T99:99:99.999", "title:x|"])), b64(JSON.stringify(["0014-44-44T44:44:44.441", "title:#|"]))] });
  });

  it("the list filters of the works, audit and usage-queue pages never fail and keep text storable", () => {
    const params = fc.dictionary(fc.oneof(fc.constantFrom("q", "status", "purpose", "type", "excluded", "sort", "actor", "organization", "entityType", "entityId", "action", "from", "to", "cursor", "dir", "search", "limit"), hostileText(8)), fc.oneof(hostileText(), longRun(1, 3_000), fc.array(hostileText(10), { maxLength: 3 })), { maxKeys: 8 });
    hostileProperty("page filters", params, (raw) => {
      // zod's max() counts code points: 200 emoji pass as 400 UTF-16 units.
      const works = parseWorksFilters(raw);
      if (works.q !== undefined) expect([...works.q].length).toBeLessThanOrEqual(200);
      const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
      const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
      const audit = ZAuditFilters.parse(flat);
      for (const value of Object.values(audit)) if (typeof value === "string") expect([...value].length).toBeLessThanOrEqual(200);
      const queue = ZUsageQueueQuery.parse(flat);
      expect(queue.limit >= 1 && queue.limit <= 200).toBe(true);
    }, { numRuns: 500 });
  });
});

describe("request bodies", () => {
  const purpose = fc.oneof(fc.constantFrom("TRAIN", "FINE_TUNE", "RAG", "train", "Train "), hostileText(10), fc.integer(), fc.constant(null));
  const date = fc.oneof(fc.constantFrom("2026-02-28", "2026-02-30", "2026-13-01", " 2026-01-01 ", "20260101"), hostileText(12), fc.integer());

  it("ZCoverageQuery and ZCoverageCheckJson refuse with messages, or give a real purpose and date", () => {
    const body = fc.oneof(
      fc.record({ identifier: fc.oneof(identifierLike, hostileJson()), purpose, date }, { requiredKeys: [] }),
      fc.record({ identifiers: fc.oneof(fc.array(fc.oneof(identifierLike, hostileJson()), { maxLength: 30 }), hostileJson(), fc.integer({ min: 99_990, max: 100_010 }).map((n) => Array.from({ length: n }, () => "9780306406157"))), purpose, date }, { requiredKeys: [] }),
      hostileJson(),
    );
    hostileProperty("coverage schemas", body, (input) => {
      for (const schema of [ZCoverageQuery, ZCoverageCheckJson]) {
        const parsed = schema.safeParse(input);
        if (!parsed.success) {
          for (const message of new Set(parsed.error.issues.map((i) => i.message))) expectClearMessage(message, input);
          continue;
        }
        expect(["TRAIN", "FINE_TUNE", "RAG"]).toContain(parsed.data.purpose);
        if (parsed.data.date !== undefined) expect(parsed.data.date).toMatch(ISO_DAY);
      }
    }, { numRuns: 1_000 });
  });

  it("ZUsageJsonBody and ZUsageJsonLine refuse with messages, or give strings and numbers", () => {
    const line = fc.oneof(fc.record({ identifier: fc.oneof(identifierLike, fc.constant(null)), title: hostileText(), year: fc.oneof(fc.integer(), hostileText(6)), purpose, units: fc.oneof(fc.integer(), fc.double(), hostileText(10)) }, { requiredKeys: [] }), hostileJson());
    const body = fc.oneof(fc.record({ quarter: fc.oneof(fc.constantFrom("2026Q1", "2026q3", "2026Q5"), hostileText(8), fc.integer()), lines: fc.oneof(fc.array(line, { maxLength: 20 }), hostileJson()) }, { requiredKeys: [] }), hostileJson(), fc.tuple(hostileText(8), hostileJson()).map(([k, v]) => withOwnKeys([["quarter", "2026Q1"], ["lines", [{ purpose: "TRAIN", units: 1 }]], [k, v]])));
    hostileProperty("usage JSON schemas", body, (input) => {
      const parsed = ZUsageJsonBody.safeParse(input);
      if (!parsed.success) {
        for (const message of new Set(parsed.error.issues.map((i) => i.message))) expectClearMessage(message, input);
        return;
      }
      const messages = new Set<string>();
      for (const raw of parsed.data.lines) {
        const one = ZUsageJsonLine.safeParse(raw);
        if (!one.success) for (const issue of one.error.issues) messages.add(issue.message);
        else expect(["string", "number"]).toContain(typeof one.data.units);
      }
      for (const message of messages) expectClearMessage(message);
    }, { numRuns: 1_000 });
  });
});
