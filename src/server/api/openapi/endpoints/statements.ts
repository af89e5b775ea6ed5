import "server-only";
import { z } from "zod";
import { STATEMENT_LINE_SORTS } from "../../../statements/statements.schema";
import { ZListQuery } from "../../lists/list-query";
import type { EndpointDefinition, NamedSchemas } from "../openapi-types";
import { ZStatement, ZStatementLine, ZStatementSummary, ZStatementsPage } from "../schemas/statements.response";

// /api/v1/statements for a rightsholder's systems: its approved royalty statements.

/** One statement's query: the lines' sort and page (statements-v1.ts reads sort beside limit and cursor). */
const ZStatementQuery = ZListQuery.extend({
  sort: z.enum(STATEMENT_LINE_SORTS).default("net").describe("The lines' order: net (largest first, the default) or title (A–Z)."),
});

export const STATEMENTS_SCHEMAS: NamedSchemas = {
  request: {},
  response: { StatementSummary: ZStatementSummary, StatementsPage: ZStatementsPage, StatementLine: ZStatementLine, Statement: ZStatement },
};

export const STATEMENTS_ENDPOINTS: EndpointDefinition[] = [
  {
    method: "get",
    path: "/api/v1/statements",
    operationId: "listStatements",
    tag: "Statements",
    summary: "List your royalty statements",
    description: "Your organisation's statements of approved distribution runs, newest quarter first, a cursor page at a time. A run still being reviewed by staff has no statement here yet.",
    scope: "statements:read",
    query: { schema: ZListQuery },
    responses: { 200: { description: "A page of statements.", body: "StatementsPage" } },
    errors: { 422: "A query parameter is wrong, unknown or repeated, or the cursor is not one we gave out." },
  },
  {
    method: "get",
    path: "/api/v1/statements/{id}",
    operationId: "getStatement",
    tag: "Statements",
    summary: "Read a royalty statement",
    description: "One statement's figures, as its page and PDF show them, with a page of its lines (one per work). `limit` and `cursor` page the lines.",
    scope: "statements:read",
    pathParameters: [{ name: "id", description: "The statement's id, from the list.", schema: { type: "string", format: "uuid" }, example: "0193a5d3-1b2c-7d3e-9f40-5a6b7c8d9e01" }],
    query: {
      schema: ZStatementQuery,
      descriptions: {
        limit: "Lines per page, 1–100 (default 20).",
        cursor: "The `lines.nextCursor` of the previous answer (with the same sort); omit it for the first page of lines.",
      },
    },
    responses: { 200: { description: "The statement and a page of its lines.", body: "Statement" } },
    errors: {
      404: "No approved statement of your organisation has this id.",
      422: "A query parameter is wrong, unknown or repeated, or the sort is not net or title.",
    },
  },
];
