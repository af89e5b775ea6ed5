import "server-only";
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isNonPublicAddress } from "./webhook-address";
import { webhookUrlFormProblem, type UrlPolicy } from "./webhook-url";
import { WEBHOOK_LIMITS } from "./webhooks.schema";

// One POST to a customer's endpoint, with node:http(s) rather than fetch because the address
// check has to happen where the connection is made: the lookup below resolves the host and, in
// production, refuses private addresses, and the socket connects to exactly the address checked
// (no second resolution a rebinding DNS server could answer differently). Redirects are never
// followed (a 3xx is a failed attempt); the whole exchange is bounded by an AbortSignal timeout;
// of the answer only the first 2 KB are read.

export type SendOutcome = {
  /** The HTTP status, or null when none was received. */
  status: number | null;
  bodyExcerpt: string | null;
  /** Why there is no usable answer (timeout, refused address, connection error), or null. */
  error: string | null;
  durationMs: number;
};

export type SendRequest = {
  url: string;
  body: string;
  headers: Record<string, string>;
  policy: UrlPolicy;
  timeoutMs?: number;
  /** How host names are resolved (the system's resolver; tests give their own). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
};

class RefusedAddress extends Error {}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true });

function checkedLookup(policy: UrlPolicy, resolve: (hostname: string) => Promise<LookupAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const addresses = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        const blocked = policy === "production" ? addresses.find((a) => isNonPublicAddress(a.address)) : undefined;
        if (blocked) return callback(new RefusedAddress(`${hostname} resolves to a private or reserved address (${blocked.address}); not sent.`), "", 0);
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), "", 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

function excerpt(chunks: Buffer[]): string {
  // Postgres text holds no NUL; a cut multi-byte character becomes U+FFFD, still ≤ 2048 characters.
  return Buffer.concat(chunks).subarray(0, WEBHOOK_LIMITS.responseExcerptBytes).toString("utf8").replaceAll("\u0000", "");
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof RefusedAddress) return error.message;
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) return `No answer within ${timeoutMs / 1000} s (timed out).`;
  const code = (error as { code?: string }).code;
  return `Could not connect: ${code ?? (error instanceof Error ? error.message : String(error))}`.slice(0, 500);
}

export async function sendWebhook(request: SendRequest): Promise<SendOutcome> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const timeoutMs = request.timeoutMs ?? WEBHOOK_LIMITS.timeoutMs;
  const problem = webhookUrlFormProblem(request.url, request.policy);
  if (problem) return { status: null, bodyExcerpt: null, error: `Not sent: ${problem}`, durationMs: 0 };
  const url = new URL(request.url);
  const client = url.protocol === "https:" ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);

  return new Promise<SendOutcome>((resolve) => {
    let isSettled = false;
    const settle = (outcome: Omit<SendOutcome, "durationMs">) => {
      if (isSettled) return;
      isSettled = true;
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const req = client.request(url, {
      method: "POST",
      headers: { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) },
      lookup: checkedLookup(request.policy, request.resolve ?? systemResolve),
      agent: false,
      signal,
    });
    req.on("error", (error) => settle({ status: null, bodyExcerpt: null, error: describe(error, timeoutMs) }));
    req.on("response", (res) => {
      const status = res.statusCode ?? null;
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = () => {
        const isRedirect = status !== null && status >= 300 && status < 400;
        settle({ status, bodyExcerpt: excerpt(chunks), error: isRedirect ? `Redirected to ${String(res.headers.location ?? "another URL").slice(0, 300)}; redirects are not followed.` : null });
        res.destroy();
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= WEBHOOK_LIMITS.responseExcerptBytes) finish();
      });
      res.on("end", finish);
      // The status arrived: a body cut off by the timeout or a reset still leaves a real answer.
      res.on("error", finish);
      res.on("aborted", finish);
    });
    req.end(request.body);
  });
}
