import type { Metadata } from "next";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { API_SCOPES } from "@/server/api-keys/api-keys.schema";
import { API_GUIDE } from "@/server/api/openapi/api-guide";
import { openApiDocument } from "@/server/api/openapi/build-openapi-document";
import type { HttpMethod } from "@/server/api/openapi/openapi-types";
import { getActor } from "@/server/auth/session";
import { appUrl } from "@/server/env";
import { CodeBlock, EndpointView } from "./_components/endpoint-view";
import { InlineText } from "./_components/inline-text";
import { SchemaView } from "./_components/schema-view";

export const metadata: Metadata = { title: "API reference" };

const JSON_DOCUMENT = "/api/v1/openapi.json";

const ERROR_EXAMPLE = JSON.stringify(
  { error: { code: "VALIDATION", message: "Check the query parameters.", details: { identifer: ["Unknown parameter; use limit, cursor, identifier."] } } },
  null,
  2,
);

/** The API reference for developers, rendered from the same OpenAPI document /api/v1/openapi.json serves. Public. */
export default async function ApiReferencePage() {
  const actor = await getActor();
  const document = openApiDocument();
  const components = document.components.schemas;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    (Object.entries(item) as [HttpMethod, NonNullable<(typeof item)[HttpMethod]>][]).map(([method, operation]) => ({ path, method, operation })),
  );
  const byTag = document.tags.map((tag) => ({ tag, operations: operations.filter((o) => o.operation.tags[0] === tag.name) }));
  const baseUrl = appUrl();

  return (
    <div className="min-h-screen bg-slate-50">
      <div className="bg-white">
        <PublicHeader isSignedIn={actor !== null} />
      </div>
      <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">API reference</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          {document.info.summary} Every request and answer is JSON over HTTPS at <code className="font-mono text-sm">{baseUrl}/api/v1</code>. The
          same description, as OpenAPI {document.openapi}, is at{" "}
          <a className="text-brand-700 underline" href={JSON_DOCUMENT}>{JSON_DOCUMENT}</a> for code generators and API tools.
        </p>

        <nav aria-label="On this page" className="mt-8 grid gap-6 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
          <div>
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Guide</p>
            <ul className="space-y-1">{API_GUIDE.map((s) => <li key={s.id}><a className="text-brand-700 hover:underline" href={`#${s.id}`}>{s.title}</a></li>)}</ul>
          </div>
          <div>
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Endpoints</p>
            <ul className="space-y-1">
              {operations.map(({ path, method, operation }) => (
                <li key={operation.operationId}>
                  <a className="text-brand-700 hover:underline" href={`#${operation.operationId}`}>
                    <span className="mr-2 font-mono text-xs text-slate-500">{method.toUpperCase()}</span>
                    {path}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>

        <div className="mt-10 space-y-8 text-sm leading-6 text-slate-700">
          {API_GUIDE.map((section) => (
            <section key={section.id} id={section.id} className="scroll-mt-6">
              <h2 className="text-lg font-semibold text-slate-900">{section.title}</h2>
              {section.paragraphs.map((paragraph) => <p key={paragraph} className="mt-2"><InlineText text={paragraph} /></p>)}
              {section.id === "authentication" ? (
                <table className="mt-4 w-full text-left text-xs" data-testid="api-scopes">
                  <thead className="text-slate-500"><tr><th className="py-1 pr-3 font-medium">Scope</th><th className="py-1 pr-3 font-medium">For</th><th className="py-1 font-medium">Lets a key</th></tr></thead>
                  <tbody className="divide-y divide-slate-100">
                    {Object.entries(API_SCOPES).map(([scope, s]) => (
                      <tr key={scope}>
                        <td className="py-2 pr-3 font-mono text-slate-900">{scope}</td>
                        <td className="py-2 pr-3">{s.kind === "LICENSEE" ? "Licensees" : "Rightsholders"}</td>
                        <td className="py-2">{s.label}: {s.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {section.id === "errors" ? (
                <div className="mt-4 grid gap-4 md:grid-cols-2">
                  <CodeBlock>{ERROR_EXAMPLE}</CodeBlock>
                  <div className="rounded-lg bg-white p-3 ring-1 ring-slate-200"><SchemaView schema={{ $ref: "#/components/schemas/Error" }} components={components} /></div>
                </div>
              ) : null}
            </section>
          ))}
        </div>

        {byTag.map(({ tag, operations: tagged }) => (
          <section key={tag.name} className="mt-12">
            <h2 className="text-xl font-semibold tracking-tight text-slate-900">{tag.name}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{tag.description}</p>
            <div className="space-y-6">
              {tagged.map(({ path, method, operation }) => (
                <EndpointView key={operation.operationId} baseUrl={baseUrl} path={path} method={method} operation={operation} components={components} />
              ))}
            </div>
          </section>
        ))}
      </main>
      <PublicFooter />
    </div>
  );
}
