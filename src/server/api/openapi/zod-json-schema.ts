import "server-only";
import { z } from "zod";
import type { JsonSchema, ParameterObject, RequestSchemaDefinition } from "./openapi-types";

// zod → the JSON Schema 2020-12 that OpenAPI 3.1 uses. Named schemas become components that refer
// to each other by $ref (zod's registry conversion writes the references); request bodies are
// converted as zod reads them ("input"), answers as the routes write them ("output", where an
// object lists every field and allows no others, so a field a route adds undocumented fails the
// contract tests).

export const COMPONENTS_PREFIX = "#/components/schemas/";

/** A reference to a schema in components.schemas. */
export function componentRef(name: string): JsonSchema {
  return { $ref: `${COMPONENTS_PREFIX}${name}` };
}

const SAFE_INTEGER_BOUNDS = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

const FORMATS_WITH_PATTERNS = new Set(["date-time", "date", "uuid"]);

/**
 * zod writes JavaScript's safe-integer range on every z.int(), and a long regular expression
 * beside the format of every date, time and uuid; the format says it (and validators check it).
 */
function withoutNoise(ctx: { jsonSchema: JsonSchema }) {
  const schema = ctx.jsonSchema;
  if (schema.minimum === SAFE_INTEGER_BOUNDS.minimum) delete schema.minimum;
  if (schema.maximum === SAFE_INTEGER_BOUNDS.maximum) delete schema.maximum;
  if (typeof schema.format === "string" && FORMATS_WITH_PATTERNS.has(schema.format)) delete schema.pattern;
}

function convertNamed(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: (id) => `${COMPONENTS_PREFIX}${id}`,
    // Request schemas stay exactly as zod writes them (a test compares them with the use cases').
    ...(io === "output" ? { override: withoutNoise } : {}),
  });
  if ("__shared" in schemas) throw new Error("A schema is shared between components without a name of its own; give it one.");
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // A component is embedded in the document: no dialect or base URI of its own.
      const embedded: JsonSchema = { ...(schema as JsonSchema) };
      delete embedded.$schema;
      delete embedded.$id;
      return [id, embedded];
    }),
  );
}

/** The response components, as the routes write them. */
export function responseComponents(named: Record<string, z.ZodType>): Record<string, JsonSchema> {
  return convertNamed(named, "output");
}

/** The request components, as the use cases parse them, with their documentation added. */
export function requestComponents(definitions: Record<string, RequestSchemaDefinition>): Record<string, JsonSchema> {
  const converted = convertNamed(Object.fromEntries(Object.entries(definitions).map(([id, d]) => [id, d.schema])), "input");
  for (const [id, definition] of Object.entries(definitions)) {
    const schema = converted[id]!;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (definition.description) schema.description = definition.description;
    for (const [name, description] of Object.entries(definition.properties ?? {})) {
      if (!properties[name]) throw new Error(`${id} has no property ${name} to describe.`);
      properties[name] = { ...properties[name], description };
    }
    for (const [name, itemsComponent] of Object.entries(definition.itemsOf ?? {})) {
      if (properties[name]?.type !== "array") throw new Error(`${id}.${name} is not an array.`);
      properties[name] = { ...properties[name], items: componentRef(itemsComponent) };
    }
  }
  return converted;
}

/** The query parameters of a zod object, each with its schema and what it means. */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}, examples: Record<string, string> = {}): ParameterObject[] {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", override: withoutNoise }) as JsonSchema;
  const required = new Set((json.required as string[] | undefined) ?? []);
  const unknown = Object.keys(examples).filter((name) => !(json.properties as Record<string, unknown> | undefined)?.[name]);
  if (unknown.length > 0) throw new Error(`No query parameter ${unknown.join(", ")} to give an example of.`);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    const text = descriptions[name] ?? (typeof description === "string" ? description : undefined);
    if (!text) throw new Error(`Describe the query parameter ${name}.`);
    return { name, in: "query", required: required.has(name), description: text, schema: propertySchema, ...(examples[name] ? { example: examples[name] } : {}) };
  });
}
