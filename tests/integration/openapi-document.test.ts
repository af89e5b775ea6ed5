// The OpenAPI document itself: valid OpenAPI 3.1 in structure, every /api/v1 route handler in it
// with each method it really serves (and nothing else), its request schemas exactly what the use
// cases parse, and served at /api/v1/openapi.json.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getOpenApiJson, POST as postOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { ZCoverageCheckJson } from "@/server/coverage/coverage-checks.schema";
import { ZCoverageQuery } from "@/server/coverage/coverage.schema";
import { ZListQuery } from "@/server/api/lists/list-query";
import { openApiDocument } from "@/server/api/openapi/build-openapi-document";
import type { JsonSchema, OperationObject } from "@/server/api/openapi/openapi-types";
import { MAX_WORKS_PER_REQUEST, ZApiWork } from "@/server/api/works/works-v1.schema";
import { ZUsageJsonBody, ZUsageJsonLine } from "@/server/usage/usage-reports.schema";
import { createContractValidator } from "./openapi-validate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const V1 = path.join(ROOT, "src/app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const document = openApiDocument();

function operations(): { path: string; method: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([p, item]) => Object.entries(item).map(([method, operation]) => ({ path: p, method, operation: operation! })));
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/** A schema as zod writes it: documentation (string descriptions) and the dialect removed. */
function undocumented(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(undocumented);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === "description" && typeof v === "string") && key !== "$schema")
      .map(([key, v]) => [key, undocumented(v)]),
  );
}

const zodInput = (schema: z.ZodType) => undocumented(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }));

describe("the OpenAPI document is valid OpenAPI 3.1", () => {
  it("has the top-level fields, bearer keys, and a unique operationId and responses with descriptions everywhere", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "API key" });
    const ids = operations().map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(document.tags.map((t) => t.name));
    for (const { path: p, method, operation } of operations()) {
      expect(Object.keys(operation.responses).length, `${method} ${p}`).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(status, `${method} ${p}`).toMatch(/^[1-5]\d\d$/);
        expect(response.description, `${method} ${p} ${status}`).toBeTruthy();
      }
      expect(operation.tags.every((t) => tags.has(t)), `${method} ${p} tags`).toBe(true);
      for (const requirement of operation.security) expect(Object.keys(requirement)).toEqual(["apiKey"]);
    }
  });

  it("resolves every $ref", () => {
    const refs: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === "object" && value !== null) {
        for (const [key, v] of Object.entries(value)) {
          if (key === "$ref" && typeof v === "string") refs.push(v);
          else walk(v);
        }
      }
    };
    walk(document);
    expect(refs.length).toBeGreaterThan(20);
    const resolve = (ref: string) =>
      ref.slice(2).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~")).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    expect(refs.filter((ref) => !ref.startsWith("#/") || resolve(ref) === undefined)).toEqual([]);
  });

  it("declares every path parameter, required, and only those; parameters are unique per operation", () => {
    for (const { path: p, method, operation } of operations()) {
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = operation.parameters.filter((param) => param.in === "path");
      expect(declared.map((param) => param.name), `${method} ${p}`).toEqual(templated);
      expect(declared.every((param) => param.required)).toBe(true);
      const keys = operation.parameters.map((param) => `${param.in}:${param.name}`);
      expect(new Set(keys).size, `${method} ${p}`).toBe(keys.length);
      if (method === "post") expect(keys, `${method} ${p}`).toContain("header:Idempotency-Key");
    }
  });

  it("compiles every schema as JSON Schema 2020-12, and the request examples validate", () => {
    const { ajv } = createContractValidator(document);
    for (const name of Object.keys(document.components.schemas)) expect(ajv.getSchema(`https://clearway.test/openapi/components#/$defs/${name}`), name).toBeTruthy();
    const validator = createContractValidator(document);
    for (const { path: p, method, operation } of operations()) {
      for (const parameter of operation.parameters) expect(() => validator.ajv.compile(parameter.schema), `${method} ${p} ${parameter.name}`).not.toThrow();
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/schemas/', '"https://clearway.test/openapi/components#/$defs/')) as JsonSchema;
        const validate = validator.ajv.compile(schema);
        expect(validate(media.example), `${method} ${p} ${type} example: ${validator.ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it("documents the scope of every keyed operation, and which are public", () => {
    for (const { path: p, method, operation } of operations()) {
      const scope = operation["x-required-scope"];
      if (p === "/api/v1/license-terms") {
        expect([scope, operation.security]).toEqual([undefined, []]);
        continue;
      }
      expect(scope, `${method} ${p}`).toMatch(/^[a-z]+:(read|write)$/);
      expect(operation.security).toEqual([{ apiKey: [scope] }]);
      expect(operation.description).toContain(`\`${scope}\``);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
      expect(operation.responses["429"]!.headers?.["Retry-After"]?.required).toBe(true);
    }
  });
});

describe("the contract validator", () => {
  it("refuses an undocumented status or content type, a missing required header, a wrong code and an extra field", async () => {
    const { validateResponse } = createContractValidator(document);
    const limited = { error: { code: "RATE_LIMITED", message: "Slow down.", details: {} } };
    const answer = (body: unknown, status: number, headers: Record<string, string> = { "Retry-After": "12" }) => Response.json(body, { status, headers });
    await expect(validateResponse(answer(limited, 429), "/api/v1/works", "get")).resolves.toEqual(limited);
    await expect(validateResponse(answer(limited, 429, {}), "/api/v1/works", "get")).rejects.toThrow(/header Retry-After is missing/);
    await expect(validateResponse(answer(limited, 429, { "Retry-After": "soon" }), "/api/v1/works", "get")).rejects.toThrow(/header Retry-After/);
    await expect(validateResponse(answer({ error: { ...limited.error, code: "NOT_FOUND" } }, 429), "/api/v1/works", "get")).rejects.toThrow(/allowed values/);
    await expect(validateResponse(answer({ ...limited, hint: "x" }, 429), "/api/v1/works", "get")).rejects.toThrow(/additional properties/);
    await expect(validateResponse(answer({ data: [], nextCursor: null, total: 0 }, 200), "/api/v1/works", "get")).rejects.toThrow(/additional properties/);
    await expect(validateResponse(answer(limited, 418), "/api/v1/works", "get")).rejects.toThrow(/not documented/);
    await expect(validateResponse(new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }), "/api/v1/works", "get")).rejects.toThrow(/content type/);
    await expect(validateResponse(answer({}, 200), "/api/v1/nowhere", "get")).rejects.toThrow(/not in the document/);
  });
});

describe("every /api/v1 route is documented with the methods it serves", () => {
  it("lists each route.ts's real handlers, and nothing that is not one", async () => {
    const served: string[] = [];
    for (const file of routeFiles(V1)) {
      const relative = path.relative(V1, path.dirname(file)).split(path.sep).join("/");
      if (relative === "openapi.json") continue;
      const apiPath = `/api/v1/${relative.replace(/\[(\w+)\]/g, "{$1}")}`;
      const route = (await import(file)) as Record<string, (request: Request, context: unknown) => Promise<Response> | Response>;
      for (const method of METHODS) {
        const handler = route[method];
        if (!handler) continue;
        // Without a key, a real handler answers 401 (or, public, its answer); the stub answers 405.
        const response = await handler(new Request(`http://localhost${apiPath}`, { method }), { params: Promise.resolve({ id: "00000000-0000-7000-8000-000000000000" }) });
        const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (response.status === 405 && body?.error?.code === "METHOD_NOT_ALLOWED") continue;
        served.push(`${method.toLowerCase()} ${apiPath}`);
      }
    }
    const documented = operations().map((o) => `${o.method} ${o.path}`);
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(documented.sort()).toEqual(served.sort());
  });
});

describe("the request schemas are the use cases' own (they cannot drift)", () => {
  const schemas = document.components.schemas;
  const items = (schema: JsonSchema, property: string) => ((schema.properties as Record<string, JsonSchema>)[property]!).items;
  const withItems = (schema: JsonSchema, property: string, value: unknown) => {
    const copy = structuredClone(schema) as { properties: Record<string, JsonSchema> };
    copy.properties[property] = { ...copy.properties[property], items: value };
    return copy;
  };

  it("equals z.toJSONSchema of each schema a use case parses, documentation aside", () => {
    const checked: Record<string, unknown> = {
      WorkInput: zodInput(ZApiWork),
      CoverageCheckRequest: zodInput(ZCoverageCheckJson),
      UsageLineInput: zodInput(ZUsageJsonLine),
      // The envelope is parsed with ZUsageJsonBody (items unknown), then each line with ZUsageJsonLine.
      UsageReportRequest: zodInput(ZUsageJsonBody),
    };
    expect(undocumented(withItems(schemas.UsageReportRequest!, "lines", {}))).toEqual(checked.UsageReportRequest);
    expect(items(schemas.UsageReportRequest!, "lines")).toEqual({ $ref: "#/components/schemas/UsageLineInput" });
    for (const name of ["WorkInput", "CoverageCheckRequest", "UsageLineInput"]) expect(undocumented(schemas[name]), name).toEqual(checked[name]);

    // POST /api/v1/works: one ZApiWork, or {"works": [ZApiWork × 1…1,000]}.
    expect(undocumented(schemas.WorksEnrollRequest)).toEqual({
      anyOf: [
        { $ref: "#/components/schemas/WorkInput" },
        { type: "object", properties: { works: { type: "array", minItems: 1, maxItems: MAX_WORKS_PER_REQUEST, items: { $ref: "#/components/schemas/WorkInput" } } }, required: ["works"], additionalProperties: false },
      ],
    });
    const requestComponents = new Set(operations().flatMap((o) => Object.values(o.operation.requestBody?.content ?? {}).map((m) => JSON.stringify(m.schema))));
    const named = [...requestComponents].map((s) => (JSON.parse(s) as { $ref?: string }).$ref?.split("/").pop()).filter(Boolean);
    expect(named.every((name) => name === "WorksEnrollRequest" || name! in checked)).toBe(true);
  });

  it("takes query parameters from the zod schemas that read them", () => {
    const parametersOf = (method: "get" | "post", p: string) =>
      Object.fromEntries(document.paths[p]![method]!.parameters.filter((x) => x.in === "query").map((x) => [x.name, { required: x.required, schema: x.schema }]));
    const fromZod = (schema: z.ZodObject) => {
      const json = zodInput(schema) as { properties: Record<string, JsonSchema>; required?: string[] };
      return Object.fromEntries(Object.entries(json.properties).map(([name, s]) => [name, { required: (json.required ?? []).includes(name), schema: s }]));
    };
    expect(parametersOf("get", "/api/v1/coverage")).toEqual(fromZod(ZCoverageQuery));
    for (const list of ["/api/v1/coverage/bulk", "/api/v1/statements"]) expect(parametersOf("get", list), list).toEqual(fromZod(ZListQuery));
    expect(parametersOf("get", "/api/v1/usage-reports")).toMatchObject(fromZod(ZListQuery));
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document to anyone, cacheable, built once per process", async () => {
    const response = getOpenApiJson();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    expect(openApiDocument()).toBe(document);
    const refused = postOpenApiJson();
    expect([refused.status, refused.headers.get("allow")]).toEqual([405, "GET"]);
  });
});
