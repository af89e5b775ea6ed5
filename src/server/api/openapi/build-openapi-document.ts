import "server-only";
import { API_SCOPES } from "../../api-keys/api-keys.schema";
import { apiGuideMarkdown } from "./api-guide";
import type { EndpointDefinition, ErrorStatus, JsonSchema, MediaTypeObject, OpenApiDocument, OperationObject, ParameterObject, ResponseObject } from "./openapi-types";
import { API_ENDPOINTS, API_SCHEMAS, API_TAGS } from "./registry";
import { errorCodesFor, errorResponse, IDEMPOTENCY_KEY_PARAMETER, keyedErrorResponses, POST_ERRORS, REPLAYED_HEADER } from "./shared-responses";
import { componentRef, queryParameters, requestComponents, responseComponents } from "./zod-json-schema";

// The OpenAPI 3.1 document of /api/v1, built from the endpoints' definitions and the zod schemas
// (the request schemas are the ones the use cases parse). Served at /api/v1/openapi.json and
// rendered at /developers/api; built once per process.

export const SECURITY_SCHEME = "apiKey";

const NEVER_REPLAYED = new Set([401, 403, 429, 500]);

function components(): Record<string, JsonSchema> {
  const request = Object.assign({}, ...API_SCHEMAS.map((s) => s.request));
  const response = Object.assign({}, ...API_SCHEMAS.map((s) => s.response));
  const names = API_SCHEMAS.flatMap((s) => [...Object.keys(s.request), ...Object.keys(s.response)]);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) throw new Error(`Schema names used twice: ${repeated.join(", ")}`);
  return { ...requestComponents(request), ...responseComponents(response) };
}

const bodySchema = (schema: string | JsonSchema): JsonSchema => (typeof schema === "string" ? componentRef(schema) : schema);

function parametersOf(endpoint: EndpointDefinition): ParameterObject[] {
  const declared = (endpoint.pathParameters ?? []).map((p) => p.name);
  const templated = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (declared.join() !== templated.join()) throw new Error(`${endpoint.path}: declare the path parameters ${templated.join(", ")}`);
  return [
    ...(endpoint.pathParameters ?? []).map((p): ParameterObject => ({ ...p, in: "path", required: true })),
    ...(endpoint.query ? queryParameters(endpoint.query.schema, endpoint.query.descriptions, endpoint.query.examples) : []),
    ...(endpoint.method === "post" ? [IDEMPOTENCY_KEY_PARAMETER] : []),
  ];
}

function responsesOf(endpoint: EndpointDefinition): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  for (const [status, definition] of Object.entries(endpoint.responses)) {
    const content: Record<string, MediaTypeObject> =
      typeof definition.body === "string" ? { "application/json": { schema: componentRef(definition.body) } } : { [definition.body.contentType]: { schema: definition.body.schema } };
    responses[status] = { description: definition.description, ...(definition.headers ? { headers: definition.headers } : {}), content };
  }
  const errors: Partial<Record<ErrorStatus, string | { description: string; or: string }>> = { ...endpoint.errors };
  if (endpoint.method === "post") {
    for (const status of [400, 409, 422] as const) {
      const own = errors[status];
      const shared = POST_ERRORS[status];
      errors[status] = own === undefined ? shared : typeof own === "string" ? `${own} ${shared}` : { ...own, description: `${own.description} ${shared}` };
    }
  }
  for (const [status, meaning] of Object.entries(errors)) {
    const code = Number(status);
    // A GET's 422 is always a VALIDATION; IDEMPOTENCY_MISMATCH is for POSTs only.
    const codes = code === 422 && endpoint.method !== "post" ? ["VALIDATION" as const] : errorCodesFor(code);
    const response = errorResponse(code, typeof meaning === "string" ? meaning : meaning.description, codes);
    if (typeof meaning !== "string") {
      const media = response.content!["application/json"]!;
      media.schema = { anyOf: [media.schema, componentRef(meaning.or)] };
    }
    responses[status] = response;
  }
  if (endpoint.scope) Object.assign(responses, keyedErrorResponses());
  if (endpoint.method === "post") {
    // The handler's answers are kept and replayed with their status and body; refusals before it
    // runs (key, scope, rate limit, the Idempotency-Key itself) and 5xx are not.
    for (const [status, response] of Object.entries(responses)) {
      if (!NEVER_REPLAYED.has(Number(status))) response.headers = { ...response.headers, "Idempotent-Replayed": REPLAYED_HEADER };
    }
  }
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
}

function operationOf(endpoint: EndpointDefinition): OperationObject {
  const access = endpoint.scope ? `Needs an API key with the \`${endpoint.scope}\` scope.` : "Public: no key needed.";
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: `${endpoint.description}\n\n${access}`,
    // OpenAPI 3.1 lets a non-OAuth scheme name the roles it needs: the key's scope.
    security: endpoint.scope ? [{ [SECURITY_SCHEME]: [endpoint.scope] }] : [],
    ...(endpoint.scope ? { "x-required-scope": endpoint.scope } : {}),
    parameters: parametersOf(endpoint),
    ...(endpoint.requestBody
      ? {
        requestBody: {
          required: true as const,
          description: endpoint.requestBody.description,
          content: Object.fromEntries(Object.entries(endpoint.requestBody.content).map(([type, c]) => [type, { schema: bodySchema(c.schema), example: c.example }])),
        },
      }
      : {}),
    responses: responsesOf(endpoint),
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of API_ENDPOINTS) {
    const item = (paths[endpoint.path] ??= {});
    if (item[endpoint.method]) throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.path} is defined twice.`);
    item[endpoint.method] = operationOf(endpoint);
  }
  const scopes = Object.entries(API_SCOPES).map(([scope, s]) => `- \`${scope}\` (${s.kind === "LICENSEE" ? "licensees" : "rightsholders"}): ${s.description}`);
  return {
    openapi: "3.1.0",
    info: {
      title: "Clearway API",
      version: "1.0.0",
      summary: "Enroll works, read statements, check coverage and report usage under the Clearway collective AI-training license.",
      description: `The reference for people is at /developers/api.\n\n${apiGuideMarkdown()}`,
    },
    servers: [{ url: "/", description: "This portal" }],
    tags: API_TAGS,
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "API key",
          description: `An organisation's API key (\`cw_live_…\`), created by an owner under API keys. Each key carries scopes:\n${scopes.join("\n")}`,
        },
      },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document, built on first use and kept for the life of the process (it changes only with the code). */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
