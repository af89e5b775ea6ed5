import "server-only";
import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_WORKS_PER_REQUEST, ZApiWork } from "../../works/works-v1.schema";
import type { EndpointDefinition, NamedSchemas } from "../openapi-types";
import { ZWork, ZWorkItemResult, ZWorksEnrollRejected, ZWorksEnrollResponse, ZWorksEnrollSummary, ZWorksPage } from "../schemas/works.response";

// /api/v1/works for a rightsholder's systems (docs/decisions/008-api-keys-and-v1.md).

/** The body POST /api/v1/works reads (readWorksEnvelope): one work, or {"works": [1…1,000 works]}; each item is ZApiWork. */
const ZWorksEnrollRequest = z.union([ZApiWork, z.strictObject({ works: z.array(ZApiWork).min(1).max(MAX_WORKS_PER_REQUEST) })]);

/**
 * GET's query string. The route checks it by hand (parseWorksQuery: unknown or repeated
 * parameters are refused too); this object only describes it, with the same limits.
 */
const ZWorksQuery = z.object({
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Works per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
  cursor: z.string().max(100).describe("The nextCursor of the previous page; omit it for the first page.").optional(),
  identifier: z.string().describe("Only the work with this identifier, in any form: ISBN-10 or -13 with or without hyphens, ISSN, DOI (with or without doi.org), URL. One the organisation does not hold gives an empty page.").optional(),
});

const WORK_FIELDS: Record<string, string> = {
  title: "Required for a new work.",
  contributors: "Names, in order.",
  type: "BOOK, JOURNAL, JOURNAL_ARTICLE, NEWS or OTHER.",
  language: 'A language code such as "en".',
  publicationYear: "A year such as 2021 (a number or a string of digits).",
  publisher: "The publisher's name.",
  purposes: "The AI purposes permitted: TRAIN, FINE_TUNE, RAG. Default: all three.",
  excludedFrom: "YYYY-MM-DD: out of the repertoire from this day on (never before usage already reported).",
  identifiers: 'At least one: strings in any form ("978-1-4028-9462-6", "10.1000/xyz", a URL) or {"type": "ISBN", "value": "…"}.',
};

export const WORKS_SCHEMAS: NamedSchemas = {
  request: {
    WorkInput: { schema: ZApiWork, description: "One work. Unknown fields are refused, so a typo is not silently dropped.", properties: WORK_FIELDS },
    WorksEnrollRequest: { schema: ZWorksEnrollRequest, description: `One work, or {"works": [ … ]} with 1 to ${MAX_WORKS_PER_REQUEST.toLocaleString("en")} works.` },
  },
  response: {
    Work: ZWork,
    WorksPage: ZWorksPage,
    WorkItemResult: ZWorkItemResult,
    WorksEnrollSummary: ZWorksEnrollSummary,
    WorksEnrollResponse: ZWorksEnrollResponse,
    WorksEnrollRejected: ZWorksEnrollRejected,
  },
};

export const WORKS_ENDPOINTS: EndpointDefinition[] = [
  {
    method: "get",
    path: "/api/v1/works",
    operationId: "listWorks",
    tag: "Works",
    summary: "List your works",
    description: "The key's organisation's works in id order, a cursor page at a time. A work enrolled while you page appears at the end; none is skipped or repeated.",
    scope: "works:read",
    query: { schema: ZWorksQuery },
    responses: { 200: { description: "A page of works.", body: "WorksPage" } },
    errors: { 422: "A query parameter is wrong, unknown or repeated (a typo such as `identifer=` would otherwise return every work); details name it." },
  },
  {
    method: "post",
    path: "/api/v1/works",
    operationId: "enrollWorks",
    tag: "Works",
    summary: "Enroll or update works",
    description:
      `One work, or up to ${MAX_WORKS_PER_REQUEST.toLocaleString("en")} in {"works": [ … ]}, at most 5 MB of JSON. Each item is checked on its own; the valid ones are written together in one transaction, ` +
      "the invalid ones are reported and not written. A work is matched to the repertoire by its identifiers: sending the same work again answers `unchanged` and writes nothing. " +
      "Identifiers another rightsholder holds open a dispute for staff, and the work is enrolled without them.",
    scope: "works:write",
    requestBody: {
      description: "A work, or a batch of works.",
      content: {
        "application/json": {
          schema: "WorksEnrollRequest",
          example: { title: "The Tidewater Atlas", contributors: ["Ada Marsh"], type: "BOOK", language: "en", publicationYear: 2019, identifiers: ["978-0-306-40615-7"], purposes: ["TRAIN", "RAG"] },
        },
      },
    },
    responses: {
      200: { description: "Every item was accepted (created, updated or unchanged).", body: "WorksEnrollResponse" },
      207: { description: "Some items were rejected and the others written: read each item's result.", body: "WorksEnrollResponse" },
    },
    errors: {
      413: "The body is larger than 5 MB: send fewer works per request.",
      415: "The body is not `application/json` (UTF-8).",
      422: {
        description: "The body is not a work or a batch (nothing was read further), or every item was rejected (nothing was written): then the answer also carries `summary` and `results`, and details name each item's fields (`works[3].title`, or `title` for a single work).",
        or: "WorksEnrollRejected",
      },
    },
  },
];

