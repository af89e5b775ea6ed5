// Validates real responses against the OpenAPI document: the status must be documented for the
// operation, the content type one of its media types, the body valid against its schema (ajv,
// JSON Schema 2020-12, formats checked) and every documented header present when required and
// valid when present. Which (path, method, status) were seen is kept, so a test can ask that every
// documented answer was exercised.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { HttpMethod, JsonSchema, OpenApiDocument } from "@/server/api/openapi/openapi-types";

const COMPONENTS_ID = "https://clearway.test/openapi/components";

/** "#/components/schemas/X" → the same schema in the one ajv schema holding every component. */
function rebased<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)) as T;
}

export function createContractValidator(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebased(document.components.schemas) });
  const compiled = new Map<string, ValidateFunction>();
  const seen = new Set<string>();

  function compile(schema: JsonSchema, cacheKey: string): ValidateFunction {
    let validate = compiled.get(cacheKey);
    if (!validate) {
      validate = ajv.compile(rebased(schema));
      compiled.set(cacheKey, validate);
    }
    return validate;
  }

  function problemsOf(validate: ValidateFunction): string {
    return ajv.errorsText(validate.errors, { separator: "\n" });
  }

  /** Throws, naming every mismatch, unless the response is one the document describes; returns the parsed body. */
  async function validateResponse(response: Response, path: string, method: HttpMethod): Promise<unknown> {
    const operation = document.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    const where = `${method.toUpperCase()} ${path} → ${response.status}`;
    const documented = operation.responses[String(response.status)];
    if (!documented) throw new Error(`${where} is not documented (documented: ${Object.keys(operation.responses).join(", ")}). Body: ${(await response.clone().text()).slice(0, 500)}`);
    seen.add(`${method} ${path} ${response.status}`);

    const problems: string[] = [];
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`header ${name} is missing`);
        continue;
      }
      const asValue = header.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
      const validate = compile(header.schema, `${where} header ${name}`);
      if (!validate(asValue)) problems.push(`header ${name}: ${value}: ${problemsOf(validate)}`);
    }

    const contentType = response.headers.get("content-type") ?? "";
    const mediaTypes = Object.keys(documented.content ?? {});
    const mediaType = mediaTypes.find((type) => type.split(";")[0]!.trim() === contentType.split(";")[0]!.trim().toLowerCase());
    const text = await response.clone().text();
    let body: unknown = text;
    if (!mediaType) {
      problems.push(`content type ${contentType} is not one of ${mediaTypes.join(", ")}`);
    } else {
      if (mediaType.startsWith("application/json")) {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          problems.push(`the body is not JSON: ${text.slice(0, 200)}`);
        }
      }
      const validate = compile(documented.content![mediaType]!.schema, `${where} ${mediaType}`);
      if (!validate(body)) problems.push(`body: ${problemsOf(validate)}\n${text.slice(0, 1_000)}`);
    }
    if (problems.length > 0) throw new Error(`${where} does not match the document:\n${problems.join("\n")}`);
    return body;
  }

  /** Documented answers no test has produced yet. */
  function unexercised(except: (method: string, path: string, status: string) => boolean): string[] {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const status of Object.keys(operation!.responses)) {
          if (!seen.has(`${method} ${path} ${status}`) && !except(method, path, status)) missing.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    return missing;
  }

  return { ajv, validateResponse, unexercised };
}
