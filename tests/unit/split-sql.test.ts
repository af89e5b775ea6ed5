import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "../../scripts/db/split-sql";

describe("splitSqlStatements", () => {
  it("splits on semicolons between statements and keeps line numbers", () => {
    const parts = splitSqlStatements("CREATE TABLE a (x int);\n\n-- note\nCREATE TABLE b (y int);\n");
    expect(parts).toEqual([
      { text: "CREATE TABLE a (x int)", line: 1 },
      { text: "-- note\nCREATE TABLE b (y int)", line: 3 },
    ]);
  });

  it.each([
    ["a string", "INSERT INTO t VALUES ('a;b');"],
    ["a doubled quote", "INSERT INTO t VALUES ('it''s;');"],
    ["an escape string", "INSERT INTO t VALUES (E'it\\'s;');"],
    ["an identifier", 'CREATE TABLE "a;b" (x int);'],
    ["a dollar-quoted body", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;"],
    ["a tagged dollar-quoted body", "DO $x$ BEGIN PERFORM 1; PERFORM $$;$$; END $x$;"],
    ["a line comment", "SELECT 1 -- no; split\n;"],
    ["a nested block comment", "SELECT /* a; /* b; */ c; */ 1;"],
  ])("keeps a semicolon inside %s", (_label, sql) => {
    expect(splitSqlStatements(sql)).toHaveLength(1);
  });

  it("drops comment-only and empty pieces", () => {
    expect(splitSqlStatements("-- only a comment\n;\n;  ;")).toEqual([]);
  });

  it("does not mistake a positional parameter for a dollar quote", () => {
    expect(splitSqlStatements("PREPARE p AS SELECT $1; EXECUTE p(1);")).toHaveLength(2);
  });
});
