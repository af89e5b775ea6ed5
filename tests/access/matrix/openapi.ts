// The OpenAPI document of /api/v1: built from code alone (the endpoints' definitions and zod
// schemas), it holds no organisation's data, so it is public like the reference page.
import type { MatrixEntry } from "./types";

export const OPENAPI_MATRIX: Record<string, MatrixEntry> = {};

export const OPENAPI_PUBLIC: Record<string, string> = {
  openApiDocument: "the published API description (/api/v1/openapi.json, /developers/api): endpoints, schemas and scopes, built from code, no data",
  buildOpenApiDocument: "builds that same published API description from the endpoints' definitions; reads no data",
};

export const OPENAPI_INTERNAL = [
  // zod → JSON Schema for the document's components and query parameters
  "componentRef",
  "responseComponents",
  "requestComponents",
  "queryParameters",
  // the answers every endpoint shares, as the document writes them
  "errorCodesFor",
  "errorResponse",
  "keyedErrorResponses",
  // the cursor-page shape of the response schemas
  "cursorPage",
  // the guide's text as Markdown for info.description
  "apiGuideMarkdown",
];
