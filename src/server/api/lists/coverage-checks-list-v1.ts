import "server-only";
import type { Actor } from "../../auth/actor";
import { coverageCheckJson } from "../../coverage/coverage-checks-http";
import { listCoverageChecksPage } from "../../coverage/coverage-checks.queries";
import { ApiRequestError } from "../api-errors";
import { pageOf, parseListQuery, timeCursor } from "./list-query";

// GET /api/v1/coverage/bulk: the licensee's bulk checks, newest first, a cursor page at a time,
// each as GET /api/v1/coverage/bulk/{id} answers it.

export async function coverageChecksListV1(actor: Actor | null, input: { organizationId: string; params: URLSearchParams }) {
  const parsed = parseListQuery(input.params);
  if (!parsed.ok) throw new ApiRequestError("VALIDATION", "Check the query parameters.", parsed.details);
  const cursor = timeCursor(parsed.query.cursor);
  const after = cursor ? { createdAt: cursor.at, id: cursor.id } : null;
  const rows = await listCoverageChecksPage(actor, { organizationId: input.organizationId, limit: parsed.query.limit, after });
  const page = pageOf(rows, parsed.query.limit, (c) => ({ key: c.createdAt, id: c.id }));
  return {
    data: page.data.map((c) => coverageCheckJson(c, { self: `/api/v1/coverage/bulk/${c.id}`, result: `/api/v1/coverage/bulk/${c.id}/result` })),
    nextCursor: page.nextCursor,
  };
}
