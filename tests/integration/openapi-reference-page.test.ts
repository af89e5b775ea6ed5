// The reference page's parts (/developers/api), rendered on the server as the page renders them,
// from the real document: every operation shows its method, path, scope, parameters, answers and
// working curl lines; the schema renderer ends on a schema that refers to itself.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { curlExamples } from "@/app/(public)/developers/api/_components/curl-examples";
import { EndpointView } from "@/app/(public)/developers/api/_components/endpoint-view";
import { SchemaView } from "@/app/(public)/developers/api/_components/schema-view";
import { openApiDocument } from "@/server/api/openapi/build-openapi-document";
import type { HttpMethod, JsonSchema } from "@/server/api/openapi/openapi-types";

const document = openApiDocument();
const components = document.components.schemas;
const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method: method as HttpMethod, operation: operation! })));
const BASE = "https://portal.example";
const decode = (html: string) => html.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");

describe("the API reference page", () => {
  for (const { path, method, operation } of operations) {
    it(`shows ${method.toUpperCase()} ${path} with its scope, parameters, answers and body fields`, () => {
      const html = decode(renderToStaticMarkup(createElement(EndpointView, { baseUrl: BASE, path, method, operation, components })));
      expect(html).toContain(`>${method.toUpperCase()}<`);
      expect(html).toContain(path);
      expect(html).toContain(operation["x-required-scope"] ? `scope ${operation["x-required-scope"]}` : "public");
      for (const parameter of operation.parameters) expect(html).toContain(`>${parameter.name}`);
      for (const status of Object.keys(operation.responses)) expect(html).toContain(`>${status}<`);
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        const ref = (media.schema.$ref as string | undefined)?.split("/").pop();
        const properties = Object.keys((ref ? (components[ref]!.properties as object | undefined) : undefined) ?? {});
        for (const property of properties) expect(html, `${ref}.${property}`).toContain(`>${property}`);
      }
      expect(html).toContain(`curl${method === "post" ? " -X POST" : ""}`);
    });
  }

  it("writes curl lines that carry the key, the query examples, an Idempotency-Key and the body example", () => {
    const coverage = curlExamples(BASE, "/api/v1/coverage", "get", document.paths["/api/v1/coverage"]!.get!);
    expect(coverage).toEqual([{ label: "Request", command: `curl \\\n  -H "Authorization: Bearer $CLEARWAY_API_KEY" \\\n  '${BASE}/api/v1/coverage?identifier=978-0-306-40615-7&purpose=TRAIN&date=2026-06-01'` }]);
    expect(curlExamples(BASE, "/api/v1/license-terms", "get", document.paths["/api/v1/license-terms"]!.get!)[0]!.command).toBe(`curl \\\n  '${BASE}/api/v1/license-terms'`);

    const usage = curlExamples(BASE, "/api/v1/usage-reports", "post", document.paths["/api/v1/usage-reports"]!.post!);
    expect(usage.map((e) => e.label)).toEqual(["JSON body", "text/csv body"]);
    expect(usage[0]!.command).toContain('-H "Idempotency-Key: $(uuidgen)"');
    const json = /-d '(.*)' \\/.exec(usage[0]!.command)![1]!;
    expect(JSON.parse(json)).toEqual(document.paths["/api/v1/usage-reports"]!.post!.requestBody!.content["application/json"]!.example);
    expect(usage[1]).toMatchObject({ file: { name: "file.csv", content: expect.stringContaining("identifier,title,year,purpose,units") } });
    expect(usage[1]!.command).toContain(`'${BASE}/api/v1/usage-reports?quarter=2026Q3'`);

    const statement = curlExamples(BASE, "/api/v1/statements/{id}", "get", document.paths["/api/v1/statements/{id}"]!.get!);
    expect(statement[0]!.command).toMatch(/\/api\/v1\/statements\/[0-9a-f-]{36}'$/);
  });

  it("renders a schema that refers to itself, once per branch", () => {
    const looping: Record<string, JsonSchema> = { Node: { type: "object", description: "A node.", properties: { name: { type: "string" }, child: { $ref: "#/components/schemas/Node" } }, required: ["name"] } };
    const html = renderToStaticMarkup(createElement(SchemaView, { schema: { $ref: "#/components/schemas/Node" }, components: looping }));
    expect(html.match(/>name</g)).toHaveLength(1);
    expect(html).toContain(">Node<");
  });
});
