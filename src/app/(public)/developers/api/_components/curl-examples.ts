import type { HttpMethod, OperationObject } from "@/server/api/openapi/openapi-types";

// curl lines for an operation, from the document alone: the path and query examples, the key,
// an Idempotency-Key on POSTs, and each request body's example (a file for CSV).

export type CurlExample = { label: string; command: string; file?: { name: string; content: string } };

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

export function curlExamples(baseUrl: string, path: string, method: HttpMethod, operation: OperationObject): CurlExample[] {
  let url = path;
  for (const p of operation.parameters.filter((x) => x.in === "path")) url = url.replace(`{${p.name}}`, p.example ?? `<${p.name}>`);
  const query = operation.parameters.filter((p) => p.in === "query" && p.example !== undefined).map((p) => `${p.name}=${encodeURIComponent(p.example!)}`);
  const withQuery = (withIt: boolean) => quote(`${baseUrl}${url}${withIt && query.length > 0 ? `?${query.join("&")}` : ""}`);
  const head = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`}`];
  // Double quotes: the shell puts the key in from the environment.
  if (operation.security.length > 0) head.push('-H "Authorization: Bearer $CLEARWAY_API_KEY"');
  if (method === "post") head.push(`-H "Idempotency-Key: $(uuidgen)"`);
  const join = (parts: string[]) => parts.join(" \\\n  ");

  const bodies = Object.entries(operation.requestBody?.content ?? {});
  if (bodies.length === 0) return [{ label: "Request", command: join([...head, withQuery(true)]) }];
  return bodies.map(([type, media]) => {
    if (type === "application/json") {
      return { label: "JSON body", command: join([...head, `-H ${quote(`Content-Type: ${type}`)}`, `-d ${quote(JSON.stringify(media.example))}`, withQuery(false)]) };
    }
    const name = type === "text/csv" ? "file.csv" : "file.txt";
    return {
      label: `${type} body`,
      command: join([...head, `-H ${quote(`Content-Type: ${type}`)}`, `--data-binary @${name}`, withQuery(true)]),
      file: { name, content: String(media.example) },
    };
  });
}
