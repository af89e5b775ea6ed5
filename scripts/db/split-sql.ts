// Splits a PostgreSQL script into statements, so that a failing migration can name the exact
// statement. Semicolons only end a statement outside of quotes, identifiers, dollar-quoted bodies
// (functions, DO blocks) and comments; a naive split on ";" (as adapter-pg's executeScript does)
// breaks all of those.

export type SqlStatement = { text: string; line: number };

export function splitSqlStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const text = raw.trim();
    if (text && !/^(\s*(--[^\n]*\n?|\/\*[\s\S]*?\*\/))*\s*$/.test(raw)) {
      const leading = raw.length - raw.trimStart().length;
      statements.push({ text, line: sql.slice(0, start + leading).split("\n").length });
    }
    start = end + 1;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === "/" && next === "*") {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      const isEscapeString = c === "'" && (sql[i - 1] === "E" || sql[i - 1] === "e") && !/\w/.test(sql[i - 2] ?? "");
      i++;
      while (i < sql.length) {
        if (isEscapeString && sql[i] === "\\") i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === "$") {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag && !/[\w$]/.test(sql[i - 1] ?? "")) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? sql.length : end + tag[0].length;
      } else i++;
    } else if (c === ";") {
      push(i);
      i++;
    } else i++;
  }
  push(sql.length);
  return statements;
}
