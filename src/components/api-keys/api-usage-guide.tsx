import type { OrganizationKind } from "@/generated/prisma/enums";
import { Card, CardTitle } from "../ui/card";

function CodeBlock({ children, label }: { children: string; label: string }) {
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      <code>{children}</code>
    </pre>
  );
}

function ReferenceLink() {
  return (
    <p>
      Every endpoint, its parameters, answers and errors:{" "}
      <a href="/developers/api" className="font-medium text-brand-700 hover:underline">the API reference</a> (also as{" "}
      <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">OpenAPI 3.1</a>).
    </p>
  );
}

/** A short "how to call it" for the organisation's kind of endpoints, with the full reference linked. */
export function ApiUsageGuide({ kind, baseUrl }: { kind: OrganizationKind; baseUrl: string }) {
  if (kind !== "RIGHTSHOLDER") {
    const coverage = `curl -H "Authorization: Bearer $CLEARWAY_API_KEY" \\
  "${baseUrl}/coverage?identifier=978-1-900000-00-0&purpose=TRAIN"`;
    const usage = `curl -X POST "${baseUrl}/usage-reports" \\
  -H "Authorization: Bearer $CLEARWAY_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: usage-2026Q3-v1" \\
  -d '{"quarter": "2026Q3", "lines": [{"identifier": "978-1-900000-00-0",
        "purpose": "TRAIN", "units": 120000}]}'`;
    return (
      <Card>
        <CardTitle description="Check coverage and report usage from your own systems. Keep the key in an environment variable such as CLEARWAY_API_KEY.">
          Using the API
        </CardTitle>
        <div className="space-y-5 text-sm text-slate-700">
          <section className="space-y-2">
            <h3 className="font-semibold text-slate-900">Is a work covered?</h3>
            <CodeBlock label="Check coverage with curl">{coverage}</CodeBlock>
            <p>
              With a coverage:read key; many identifiers at once go to <code className="rounded bg-slate-100 px-1">POST /coverage/bulk</code>.
            </p>
          </section>
          <section className="space-y-2">
            <h3 className="font-semibold text-slate-900">Report a quarter&apos;s usage</h3>
            <CodeBlock label="Report usage with curl">{usage}</CodeBlock>
            <p>
              With a usage:write key. The answer is 202 with the report&apos;s link; a repeated Idempotency-Key returns the first answer
              instead of a second report.
            </p>
          </section>
          <ReferenceLink />
        </div>
      </Card>
    );
  }
  const list = `curl -H "Authorization: Bearer $CLEARWAY_API_KEY" \\
  "${baseUrl}/works?limit=50"`;
  const enroll = `curl -X POST "${baseUrl}/works" \\
  -H "Authorization: Bearer $CLEARWAY_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"works": [{"title": "The Tidewater Atlas",
        "contributors": ["Mira Okafor"], "type": "BOOK",
        "publicationYear": 2021, "purposes": ["TRAIN", "RAG"],
        "identifiers": ["978-1-4028-9462-6"]}]}'`;
  return (
    <Card>
      <CardTitle description="Enroll and read your works from your own systems. Keep the key in an environment variable such as CLEARWAY_API_KEY.">
        Using the API
      </CardTitle>
      <div className="space-y-5 text-sm text-slate-700">
        <section className="space-y-2">
          <h3 className="font-semibold text-slate-900">List your works</h3>
          <CodeBlock label="List works with curl">{list}</CodeBlock>
          <p>
            Answers <code className="rounded bg-slate-100 px-1">{"{ data, nextCursor }"}</code>, up to 200 works per page. Pass{" "}
            <code className="rounded bg-slate-100 px-1">cursor=&lt;nextCursor&gt;</code> for the next page, or{" "}
            <code className="rounded bg-slate-100 px-1">identifier=&lt;ISBN, ISSN, DOI or URL&gt;</code> to look one work up.
          </p>
        </section>
        <section className="space-y-2">
          <h3 className="font-semibold text-slate-900">Enroll or update works</h3>
          <CodeBlock label="Enroll works with curl">{enroll}</CodeBlock>
          <p>
            One work, or up to 1,000 in <code className="rounded bg-slate-100 px-1">works</code> (5 MB at most). A work whose identifiers you
            already enrolled is updated. Each item is judged on its own and the results come back in order:
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong>200</strong>: every work was created, updated or unchanged;
            </li>
            <li>
              <strong>207</strong>: some were rejected (their errors are in <code className="rounded bg-slate-100 px-1">results</code>); the
              others were written;
            </li>
            <li>
              <strong>422</strong>: none was accepted and nothing was written.
            </li>
          </ul>
          <p>
            Every failure reads <code className="rounded bg-slate-100 px-1">{'{"error": {"code", "message", "details"}}'}</code>. An
            identifier another rightsholder holds opens a dispute for staff and is listed under{" "}
            <code className="rounded bg-slate-100 px-1">disputedIdentifiers</code>.
          </p>
        </section>
        <ReferenceLink />
      </div>
    </Card>
  );
}
