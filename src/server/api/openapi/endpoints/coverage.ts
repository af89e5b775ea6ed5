import "server-only";
import { z } from "zod";
import { ZCoverageQuery } from "../../../coverage/coverage.schema";
import { COVERAGE_CHECK_LIMITS, INPUT_COLUMNS, RESULT_COLUMNS, ZCoverageCheckDefaults, ZCoverageCheckJson } from "../../../coverage/coverage-checks.schema";
import { ZListQuery } from "../../lists/list-query";
import type { EndpointDefinition, NamedSchemas } from "../openapi-types";
import { LOCATION_HEADER } from "../shared-responses";
import { ZCoverageAnswer, ZCoverageCheck, ZCoverageChecksPage } from "../schemas/coverage.response";

// /api/v1/coverage for a licensee's systems: one question at a time, or many as a bulk check
// answered by a job (docs/decisions/013-bulk-coverage.md).

const lines = (n: number) => n.toLocaleString("en");

const PURPOSE = "TRAIN, FINE_TUNE or RAG (any case).";
const DATE = "YYYY-MM-DD; today (UTC) when not given.";

/** The CSV body's query string: the answers for lines that do not say (the route reads these three). */
const ZBulkCsvQuery = ZCoverageCheckDefaults.partial().extend({ name: z.string().optional() });

const CHECK_ID = [{ name: "id", description: "The check's id, from the POST's answer.", schema: { type: "string", format: "uuid" }, example: "0193a5d2-7c4e-7b21-9f3a-2d8e6c1b4a90" }];

export const COVERAGE_SCHEMAS: NamedSchemas = {
  request: {
    CoverageCheckRequest: {
      schema: ZCoverageCheckJson,
      description: `Up to ${lines(COVERAGE_CHECK_LIMITS.maxJsonIdentifiers)} identifiers asked for one purpose on one day; upload a CSV for more.`,
      properties: { identifiers: "ISBN (10 or 13), ISSN, DOI or URL, each in any form.", purpose: PURPOSE.replace(" (any case)", ""), date: DATE },
    },
  },
  response: { CoverageAnswer: ZCoverageAnswer, CoverageCheck: ZCoverageCheck, CoverageChecksPage: ZCoverageChecksPage },
};

const csvBody = {
  type: "string",
  description:
    `One identifier per line, or a header row naming the columns ${INPUT_COLUMNS.map((c) => `\`${c.name}\` (${c.description})`).join(", ")}. ` +
    `Up to ${lines(COVERAGE_CHECK_LIMITS.maxLines)} lines and ${COVERAGE_CHECK_LIMITS.maxFileBytes / 1024 ** 2} MB; streamed, never held in memory.`,
};

export const COVERAGE_ENDPOINTS: EndpointDefinition[] = [
  {
    method: "get",
    path: "/api/v1/coverage",
    operationId: "checkCoverage",
    tag: "Coverage",
    summary: "Is a work covered?",
    description:
      "Whether the work with this identifier is covered by your organisation's license for the purpose on the day, and why. A work is covered when you held a license in force that day, " +
      "the work was in the repertoire and not excluded, the purpose is permitted, and no dispute is open.",
    scope: "coverage:read",
    query: {
      schema: ZCoverageQuery,
      descriptions: { identifier: "ISBN (10 or 13, with or without hyphens), ISSN, DOI or URL.", purpose: PURPOSE, date: DATE },
      examples: { identifier: "978-0-306-40615-7", purpose: "TRAIN", date: "2026-06-01" },
    },
    responses: { 200: { description: "The answer, covered or not, with its reason.", body: "CoverageAnswer" } },
    errors: { 422: "The identifier, purpose or date is missing or not valid; details name it." },
  },
  {
    method: "post",
    path: "/api/v1/coverage/bulk",
    operationId: "startCoverageCheck",
    tag: "Coverage",
    summary: "Check many works at once",
    description:
      "Starts a bulk check, answered by a job: send the identifiers as a CSV or text file (with `purpose`, `date` and an optional `name` in the query string for lines that do not give their own), " +
      `or as JSON (up to ${lines(COVERAGE_CHECK_LIMITS.maxJsonIdentifiers)}). The answer is 202 with the check; follow links.self until it is COMPLETED, then download links.result.`,
    scope: "coverage:read",
    query: {
      schema: ZBulkCsvQuery,
      descriptions: { purpose: `For a CSV or text body (required there): ${PURPOSE}`, date: `For a CSV or text body: ${DATE}`, name: "For a CSV or text body: the file's name, shown in lists (default identifiers.csv)." },
      examples: { purpose: "TRAIN" },
    },
    requestBody: {
      description: "JSON, or a CSV/text file (`text/csv`, `text/plain` or `application/octet-stream`).",
      content: {
        "application/json": { schema: "CoverageCheckRequest", example: { identifiers: ["978-0-306-40615-7", "10.1000/xyz123"], purpose: "TRAIN", date: "2026-06-01" } },
        "text/csv": { schema: csvBody, example: "identifier,purpose\n978-0-306-40615-7,TRAIN\n10.1000/xyz123,RAG\n" },
        "text/plain": { schema: csvBody, example: "978-0-306-40615-7\n10.1000/xyz123\n" },
      },
    },
    responses: {
      202: { description: "The check was queued.", body: "CoverageCheck", headers: { Location: LOCATION_HEADER } },
    },
    errors: {
      413: `The file is larger than ${COVERAGE_CHECK_LIMITS.maxFileBytes / 1024 ** 2} MB, or the JSON body larger than 8 MB.`,
      415: "The body is neither JSON nor a CSV or text file.",
      422: "The identifiers, purpose or date are missing or not valid, or the file is empty or not a text file; details name the field.",
    },
  },
  {
    method: "get",
    path: "/api/v1/coverage/bulk",
    operationId: "listCoverageChecks",
    tag: "Coverage",
    summary: "List your bulk checks",
    description: "Your organisation's bulk checks, newest first, a cursor page at a time; each as GET /api/v1/coverage/bulk/{id} answers it.",
    scope: "coverage:read",
    query: { schema: ZListQuery },
    responses: { 200: { description: "A page of checks.", body: "CoverageChecksPage" } },
    errors: { 422: "A query parameter is wrong, unknown or repeated, or the cursor is not one we gave out." },
  },
  {
    method: "get",
    path: "/api/v1/coverage/bulk/{id}",
    operationId: "getCoverageCheck",
    tag: "Coverage",
    summary: "Follow a bulk check",
    description: "The check's status, progress and counts per reason. Poll it (every few seconds) until status is COMPLETED or FAILED.",
    scope: "coverage:read",
    pathParameters: CHECK_ID,
    responses: { 200: { description: "The check.", body: "CoverageCheck" } },
    errors: { 404: "No check of your organisation has this id." },
  },
  {
    method: "get",
    path: "/api/v1/coverage/bulk/{id}/result",
    operationId: "getCoverageCheckResult",
    tag: "Coverage",
    summary: "Download a bulk check's answers",
    description: "The answers as CSV, one line per identifier line of the input, in its order.",
    scope: "coverage:read",
    pathParameters: CHECK_ID,
    responses: {
      200: {
        description: "The answers.",
        body: { contentType: "text/csv; charset=utf-8", schema: { type: "string", description: `A header row and one line per input line, with the columns ${RESULT_COLUMNS.join(", ")}; covered is yes or no.` } },
        headers: { "Content-Disposition": { description: "attachment, with the file's name.", required: true, schema: { type: "string" } } },
      },
    },
    errors: { 404: "No check of your organisation has this id, or its result is not ready (still running, failed) or no longer kept." },
  },
];
