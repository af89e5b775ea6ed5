// A UUID as PostgreSQL's uuid type reads it: ids from URLs and forms are checked with this before a
// query, so a malformed one is "not found" rather than a database error ("[0-9a-f-]{36}" let
// 36 dashes through to PostgreSQL, which refused them with a 500).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
