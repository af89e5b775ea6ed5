import "server-only";
import { z } from "zod";
import { LINE_FILTERS } from "../../../usage/usage-reports.queries";
import { USAGE_COLUMNS, USAGE_LIMITS, ZUsageJsonBody, ZUsageJsonLine } from "../../../usage/usage-reports.schema";
import { ZListQuery } from "../../lists/list-query";
import type { EndpointDefinition, NamedSchemas } from "../openapi-types";
import { LOCATION_HEADER } from "../shared-responses";
import { ZUsageReport, ZUsageReportAccepted, ZUsageReportListItem, ZUsageReportsPage } from "../schemas/usage-reports.response";

// /api/v1/usage-reports for a licensee's systems (docs/decisions/014-usage-reports.md).

const QUARTER = "The calendar quarter reported, such as 2026Q3 (one that has begun).";

/** The CSV body's query string (the route reads these two). */
const ZCsvQuery = z.object({
  quarter: z.string().optional().describe(`Required with a CSV body. ${QUARTER}`),
  name: z.string().optional().describe("With a CSV body: the file's name, shown on the report (default usage.csv)."),
});

const ZReportsQuery = ZListQuery.extend({ quarter: z.string().optional().describe("Only this quarter's reports (its current one, replaced ones and adjustments), such as 2026Q3.") });

/** GET /api/v1/usage-reports/{id}'s query, as usage-reports-v1.ts reads it: a value it cannot use falls back to the default. */
const ZReportQuery = z.object({
  filter: z.enum(LINE_FILTERS).default("all").describe("Which lines: all, eligible, ineligible, or open (still to be matched by staff)."),
  after: z.int().min(1).optional().describe("The line number to continue after: the `after` of the `next` address."),
  limit: z.int().min(1).max(500).default(100).describe("Lines per page, 1–500 (default 100)."),
});

export const USAGE_REPORTS_SCHEMAS: NamedSchemas = {
  request: {
    UsageReportRequest: {
      schema: ZUsageJsonBody,
      description: `A quarter's usage, one line per work used and purpose, up to ${USAGE_LIMITS.maxJsonLines.toLocaleString("en")} lines (upload a CSV for more).`,
      properties: { quarter: QUARTER, lines: "The lines; each is read as a line of the CSV file is, and a bad one is reported back with its index." },
      // The use case reads the envelope first, then each line with ZUsageJsonLine.
      itemsOf: { lines: "UsageLineInput" },
    },
    UsageLineInput: {
      schema: ZUsageJsonLine,
      description: "One line: the identifier, or the title (with the year), or both.",
      properties: Object.fromEntries(USAGE_COLUMNS.map((c) => [c.name, c.description])),
    },
  },
  response: { UsageReportAccepted: ZUsageReportAccepted, UsageReport: ZUsageReport, UsageReportListItem: ZUsageReportListItem, UsageReportsPage: ZUsageReportsPage },
};

const REPORT_ID = [{ name: "id", description: "The report's id, from the POST's answer or the list.", schema: { type: "string", format: "uuid" }, example: "0193a5d2-9e1f-7c02-8b4d-6a2f1e3c5d78" }];

export const USAGE_REPORTS_ENDPOINTS: EndpointDefinition[] = [
  {
    method: "post",
    path: "/api/v1/usage-reports",
    operationId: "submitUsageReport",
    tag: "Usage reports",
    summary: "Report a quarter's usage",
    description:
      "Sends a quarter's report, as JSON lines or as the CSV file a person uploads. The answer is 202: the usage.process job reads the report; follow links.self for the outcome (counts, refused lines, matches). " +
      "A new report replaces the quarter's current one until the quarter's distribution is approved; after that it is an adjustment counted in the next run.",
    scope: "usage:write",
    query: { schema: ZCsvQuery, examples: { quarter: "2026Q3" } },
    requestBody: {
      description: "JSON, or CSV (`text/csv`) with `?quarter=`.",
      content: {
        "application/json": {
          schema: "UsageReportRequest",
          example: { quarter: "2026Q3", lines: [{ identifier: "978-0-306-40615-7", purpose: "TRAIN", units: 1250000 }, { title: "The Tidewater Atlas", year: 2019, purpose: "RAG", units: 4800 }] },
        },
        "text/csv": {
          schema: {
            type: "string",
            description: `A header row naming the columns ${USAGE_COLUMNS.map((c) => `\`${c.name}\``).join(", ")}, then a line per work used. Up to ${USAGE_LIMITS.maxFileBytes / 1024 ** 2} MB.`,
          },
          example: "identifier,title,year,purpose,units\n978-0-306-40615-7,,,TRAIN,1250000\n,The Tidewater Atlas,2019,RAG,4800\n",
        },
      },
    },
    responses: {
      202: { description: "The report was received and queued.", body: "UsageReportAccepted", headers: { Location: LOCATION_HEADER } },
    },
    errors: {
      409: "Another report for this quarter arrived at the same moment; send it again.",
      413: `The file is larger than ${USAGE_LIMITS.maxFileBytes / 1024 ** 2} MB, or the JSON body larger than 16 MB.`,
      415: "The body is neither JSON nor CSV.",
      422: "The quarter is missing, not valid or not begun, the lines are missing or too many, or a line is not an object of strings and numbers (details: `lines[7]`). What a line's values say (an unknown purpose, zero units) is judged per line by the job and reported on the report.",
    },
  },
  {
    method: "get",
    path: "/api/v1/usage-reports",
    operationId: "listUsageReports",
    tag: "Usage reports",
    summary: "List your usage reports",
    description: "Your organisation's reports, newest first, a cursor page at a time (replaced ones too: they stay readable).",
    scope: "usage:read",
    query: { schema: ZReportsQuery },
    responses: { 200: { description: "A page of reports.", body: "UsageReportsPage" } },
    errors: { 422: "A query parameter is wrong, unknown or repeated, the quarter is not valid, or the cursor is not one we gave out." },
  },
  {
    method: "get",
    path: "/api/v1/usage-reports/{id}",
    operationId: "getUsageReport",
    tag: "Usage reports",
    summary: "Read a usage report",
    description: "The report's status, what its lines add up to, its refused lines and a page of its lines with their matches and eligibility. Follow `next` for the following page.",
    scope: "usage:read",
    pathParameters: REPORT_ID,
    query: { schema: ZReportQuery },
    responses: { 200: { description: "The report.", body: "UsageReport" } },
    errors: { 404: "No report of your organisation has this id." },
  },
];
