import type { JsonSchema } from "@/server/api/openapi/openapi-types";
import { InlineText } from "./inline-text";

// A compact, recursive rendering of the document's JSON Schemas for people: one row per property
// (name, type, required, what it means), nested objects indented below their property. A $ref is
// named and expanded once per branch, so a schema that refers to itself still ends.

export type Components = Record<string, JsonSchema>;

const MAX_DEPTH = 5;
const PREFIX = "#/components/schemas/";

export const refName = (schema: JsonSchema): string | null => (typeof schema.$ref === "string" ? schema.$ref.slice(PREFIX.length) : null);

const variantsOf = (schema: JsonSchema) => ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined) ?? null;
const isNull = (schema: JsonSchema) => schema.type === "null";

/** The type in a few words: "string (date-time)", "array of Work", "integer or null". */
export function typeLabel(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return name;
  const variants = variantsOf(schema);
  if (variants) return variants.map(typeLabel).join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  if (schema.type === "array") return `array of ${typeLabel((schema.items as JsonSchema | undefined) ?? {})}`;
  if (schema.type === "object" && typeof schema.additionalProperties === "object" && !schema.properties) {
    return `map of ${typeLabel(schema.additionalProperties as JsonSchema)}`;
  }
  if (typeof schema.format === "string") return `${String(schema.type)} (${schema.format})`;
  return typeof schema.type === "string" ? schema.type : "any";
}

/** Limits, allowed values and defaults, in words. */
export function constraintsOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const values = (schema.enum as unknown[] | undefined) ?? ((schema.propertyNames as JsonSchema | undefined)?.enum as unknown[] | undefined);
  if (values) notes.push(`${schema.enum ? "One of" : "Keys"}: ${values.join(", ")}.`);
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) notes.push(`${String(min)}–${String(max)}${unit}.`);
    else if (min !== undefined) notes.push(`At least ${String(min)}${unit}.`);
    else if (max !== undefined) notes.push(`At most ${String(max)}${unit}.`);
  };
  range(schema.minimum, schema.maximum, "");
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  if (typeof schema.pattern === "string" && schema.pattern.length <= 40) notes.push(`Pattern: ${schema.pattern}`);
  if (schema.default !== undefined) notes.push(`Default: ${JSON.stringify(schema.default)}.`);
  return notes;
}

/** The object whose properties belong under this one: through $ref, arrays, nullable unions and maps. */
function expandable(schema: JsonSchema, components: Components, seen: string[]): { schema: JsonSchema; seen: string[] } | null {
  const name = refName(schema);
  if (name) return seen.includes(name) || !components[name] ? null : expandable(components[name], components, [...seen, name]);
  const variants = variantsOf(schema)?.filter((v) => !isNull(v));
  if (variants?.length === 1) return expandable(variants[0]!, components, seen);
  if (schema.type === "array" && schema.items) return expandable(schema.items as JsonSchema, components, seen);
  if (schema.properties) return { schema, seen };
  if (typeof schema.additionalProperties === "object") return expandable(schema.additionalProperties as JsonSchema, components, seen);
  return null;
}

function PropertiesTable({ schema, components, seen, depth }: { schema: JsonSchema; components: Components; seen: string[]; depth: number }) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <table className="w-full text-left text-xs">
      <tbody className="divide-y divide-slate-100 align-top">
        {Object.entries(properties).map(([name, property]) => {
          const child = depth < MAX_DEPTH ? expandable(property, components, seen) : null;
          const description = typeof property.description === "string" ? property.description : "";
          return (
            <tr key={name}>
              <td className="py-2 pr-3 font-mono text-slate-900">
                {name}
                {required.has(name) ? <span className="ml-1 text-[10px] font-sans font-semibold uppercase text-amber-700">required</span> : null}
              </td>
              <td className="py-2 pr-3 font-mono text-brand-700">{typeLabel(property)}</td>
              <td className="py-2 text-slate-600">
                <InlineText text={[description, ...constraintsOf(property)].filter(Boolean).join(" ")} />
                {child ? (
                  <div className="mt-2 border-l-2 border-slate-200 pl-3">
                    <PropertiesTable schema={child.schema} components={components} seen={child.seen} depth={depth + 1} />
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A whole schema: its name and description, then its fields (or its variants, or its type). */
export function SchemaView({ schema, components, seen = [] }: { schema: JsonSchema; components: Components; seen?: string[] }) {
  const name = refName(schema);
  const resolved = name ? components[name] ?? {} : schema;
  const path = name ? [...seen, name] : seen;
  const description = typeof resolved.description === "string" ? resolved.description : null;
  const variants = variantsOf(resolved);
  return (
    <div className="space-y-2">
      {name || description ? (
        <p className="text-xs text-slate-600">
          {name ? <span className="mr-2 font-mono font-semibold text-slate-900">{name}</span> : null}
          {description ? <InlineText text={description} /> : null}
        </p>
      ) : null}
      {variants ? (
        <div className="space-y-3">
          <p className="text-xs font-medium text-slate-700">One of:</p>
          {variants.map((variant, index) => (
            <div key={index} className="border-l-2 border-slate-200 pl-3">
              <SchemaView schema={variant} components={components} seen={path} />
            </div>
          ))}
        </div>
      ) : resolved.properties ? (
        <PropertiesTable schema={resolved} components={components} seen={path} depth={1} />
      ) : (
        <p className="font-mono text-xs text-brand-700">{typeLabel(resolved)}</p>
      )}
    </div>
  );
}
