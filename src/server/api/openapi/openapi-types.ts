import "server-only";
import type { z } from "zod";
import type { ApiScope } from "../../api-keys/api-keys.schema";

// The few OpenAPI 3.1 shapes this project writes, and the way each resource file describes its
// endpoints. The builder (build-openapi-document.ts) turns the descriptions into the document and
// adds what every endpoint shares (authentication, errors, rate limits, idempotency).

/** A JSON Schema 2020-12 object (OpenAPI 3.1's Schema Object is exactly that). */
export type JsonSchema = { [keyword: string]: unknown };

export type HeaderObject = { description: string; required?: boolean; schema: JsonSchema };
export type MediaTypeObject = { schema: JsonSchema; example?: unknown };
export type ResponseObject = { description: string; headers?: Record<string, HeaderObject>; content?: Record<string, MediaTypeObject> };
export type ParameterObject = { name: string; in: "query" | "path" | "header"; required: boolean; description: string; schema: JsonSchema; example?: string };

export type OperationObject = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  "x-required-scope"?: ApiScope;
  parameters: ParameterObject[];
  requestBody?: { required: true; description: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
};

export type HttpMethod = "get" | "post";
export type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 422;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; summary: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

/** A success (or endpoint-specific error) answer: a component's name, or an inline schema for text bodies. */
export type ResponseDefinition = {
  description: string;
  /** The name of a schema in components.schemas (JSON), or a schema for a text body. */
  body: string | { contentType: string; schema: JsonSchema };
  headers?: Record<string, HeaderObject>;
};

/** What one resource file says about one endpoint; shared answers are added by the builder. */
export type EndpointDefinition = {
  method: HttpMethod;
  /** As OpenAPI writes it: /api/v1/coverage/bulk/{id}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** The key's scope the endpoint needs; null for a public endpoint that takes no key. */
  scope: ApiScope | null;
  pathParameters?: { name: string; description: string; schema: JsonSchema; example: string }[];
  /**
   * The query string, as the zod object that validates it (or describes it, where the route
   * parses by hand); examples feed the reference page's curl lines.
   */
  query?: { schema: z.ZodObject; descriptions?: Record<string, string>; examples?: Record<string, string> };
  requestBody?: {
    description: string;
    /** Media type → a component's name (JSON) or a schema for a text body, with an example for the reference page. */
    content: Record<string, { schema: string | JsonSchema; example: unknown }>;
  };
  /** By status: 200, 202, 207, or 404/422 with a meaning of their own. */
  responses: Record<number, ResponseDefinition>;
  /**
   * Error statuses this endpoint answers beyond the shared ones (which the builder adds): what
   * they mean here, and the component answered instead of the plain error format where there is one.
   */
  errors?: Partial<Record<ErrorStatus, string | { description: string; or: string }>>;
};

/** A request schema: the zod schema the use case parses, plus what the reference adds to it. */
export type RequestSchemaDefinition = {
  schema: z.ZodType;
  description?: string;
  /** Property → what it means (zod's schemas carry messages, not documentation). */
  properties?: Record<string, string>;
  /** Property → the component its array items are read with, where the use case reads them in a second step. */
  itemsOf?: Record<string, string>;
};

/** Named schemas (components): request bodies as zod parses them ("input"), answers as the routes write them ("output"). */
export type NamedSchemas = { request: Record<string, RequestSchemaDefinition>; response: Record<string, z.ZodType> };
