import { Badge } from "@/components/ui/badge";
import type { HttpMethod, JsonSchema, OperationObject, ResponseObject } from "@/server/api/openapi/openapi-types";
import { curlExamples } from "./curl-examples";
import { InlineText } from "./inline-text";
import { constraintsOf, refName, SchemaView, typeLabel, type Components } from "./schema-view";

// One operation of the document as a developer reads it: method and path, scope, what it does,
// its parameters, its request body, its answers and curl lines to try it.

const METHOD_TONES: Record<HttpMethod, "green" | "brand"> = { get: "green", post: "brand" };

function Heading({ children }: { children: React.ReactNode }) {
  return <h4 className="mb-2 mt-5 text-xs font-semibold uppercase tracking-wide text-slate-500">{children}</h4>;
}

export function CodeBlock({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">{children}</pre>;
}

/** An error answer's codes, and the other shape it may take instead (works' all-rejected 422). */
function errorShape(schema: JsonSchema): { codes: string[]; or: string | null } | null {
  const parts = (schema.anyOf as JsonSchema[] | undefined) ?? [schema];
  const error = parts.find((p) => Array.isArray(p.allOf));
  if (!error) return null;
  const narrowing = (error.allOf as JsonSchema[])[1] as { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } };
  const other = parts.find((p) => p !== error);
  return { codes: narrowing.properties?.error?.properties?.code?.enum ?? [], or: other ? refName(other) : null };
}

function ResponseView({ status, response, components }: { status: string; response: ResponseObject; components: Components }) {
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  const error = media ? errorShape(media.schema) : null;
  const headers = Object.entries(response.headers ?? {});
  return (
    <div className="rounded-lg ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline gap-2 px-3 py-2 text-xs">
        <span className={`font-mono font-semibold ${Number(status) < 400 ? "text-emerald-700" : "text-red-700"}`}>{status}</span>
        <span className="text-slate-700">
          <InlineText text={response.description} />
        </span>
      </div>
      {headers.length > 0 ? (
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
          Headers: {headers.map(([name, h]) => <span key={name} className="mr-3"><code className="font-mono text-slate-900">{name}</code>{h.required ? "" : " (optional)"}: <InlineText text={h.description} /></span>)}
        </p>
      ) : null}
      {media && !error ? (
        <div className="border-t border-slate-100 px-3 py-2">
          <p className="mb-1 font-mono text-[11px] text-slate-500">{type}</p>
          <SchemaView schema={media.schema} components={components} />
        </div>
      ) : null}
      {error?.or ? (
        <details className="border-t border-slate-100 px-3 py-2 text-xs">
          <summary className="cursor-pointer text-slate-700">Or, when every item was rejected: {error.or}</summary>
          <div className="mt-2"><SchemaView schema={{ $ref: `#/components/schemas/${error.or}` }} components={components} /></div>
        </details>
      ) : null}
    </div>
  );
}

export function EndpointView({ baseUrl, path, method, operation, components }: { baseUrl: string; path: string; method: HttpMethod; operation: OperationObject; components: Components }) {
  const scope = operation["x-required-scope"];
  const [successes, failures] = Object.entries(operation.responses).reduce<[[string, ResponseObject][], [string, ResponseObject][]]>(
    ([ok, failed], entry) => (Number(entry[0]) < 400 ? [[...ok, entry], failed] : [ok, [...failed, entry]]),
    [[], []],
  );
  return (
    <article id={operation.operationId} className="scroll-mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6" data-testid="api-endpoint">
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[method]}>{method.toUpperCase()}</Badge>
        <code className="font-mono text-sm font-semibold text-slate-900">{path}</code>
        {scope ? <Badge tone="amber">scope {scope}</Badge> : <Badge>public</Badge>}
      </header>
      <h3 className="mt-3 text-base font-semibold text-slate-900">{operation.summary}</h3>
      <p className="mt-1 text-sm leading-6 text-slate-700">
        <InlineText text={operation.description.split("\n\n")[0]!} />
      </p>

      {operation.parameters.length > 0 ? (
        <>
          <Heading>Parameters</Heading>
          <table className="w-full text-left text-xs">
            <thead className="text-slate-500"><tr><th className="py-1 pr-3 font-medium">Name</th><th className="py-1 pr-3 font-medium">In</th><th className="py-1 pr-3 font-medium">Type</th><th className="py-1 font-medium">Meaning</th></tr></thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {operation.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`}>
                  <td className="py-2 pr-3 font-mono text-slate-900">{p.name}{p.required ? <span className="ml-1 font-sans text-[10px] font-semibold uppercase text-amber-700">required</span> : null}</td>
                  <td className="py-2 pr-3 text-slate-600">{p.in}</td>
                  <td className="py-2 pr-3 font-mono text-brand-700">{typeLabel(p.schema)}</td>
                  <td className="py-2 text-slate-600"><InlineText text={[p.description, ...constraintsOf(p.schema)].join(" ")} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {operation.requestBody ? (
        <>
          <Heading>Request body</Heading>
          <p className="mb-2 text-xs text-slate-600"><InlineText text={operation.requestBody.description} /></p>
          <div className="space-y-3">
            {Object.entries(operation.requestBody.content).map(([type, media]) => (
              <div key={type} className="rounded-lg px-3 py-2 ring-1 ring-slate-200">
                <p className="mb-1 font-mono text-[11px] text-slate-500">{type}</p>
                <SchemaView schema={media.schema} components={components} />
              </div>
            ))}
          </div>
        </>
      ) : null}

      <Heading>Answers</Heading>
      <div className="space-y-2">
        {successes.map(([status, response]) => <ResponseView key={status} status={status} response={response} components={components} />)}
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-slate-700">Errors: {failures.map(([status]) => status).join(", ")} (the error format)</summary>
        <div className="mt-2 space-y-2">
          {failures.map(([status, response]) => <ResponseView key={status} status={status} response={response} components={components} />)}
        </div>
      </details>

      <Heading>Try it</Heading>
      <div className="space-y-3">
        {curlExamples(baseUrl, path, method, operation).map((example) => (
          <div key={example.label}>
            {example.file ? (
              <>
                <p className="mb-1 text-xs text-slate-600">With <code className="font-mono">{example.file.name}</code>:</p>
                <CodeBlock>{example.file.content}</CodeBlock>
              </>
            ) : null}
            <div className="mt-1"><CodeBlock>{example.command}</CodeBlock></div>
          </div>
        ))}
      </div>
    </article>
  );
}
