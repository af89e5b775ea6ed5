// The page access matrix again, with the requests that have bypassed Next middleware or confused
// its caches: a forged x-middleware-subrequest (CVE-2025-29927 and its Next 15/16 spellings), the
// RSC payload of a page (RSC: 1 header, ?_rsc=, its .rsc address) and router prefetches. Each must
// be allowed or refused exactly as the plain request is, and a refused one never carries the
// page's content.
// Requests only (no browser pages), every role at once, so it stays a short CI step.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { demoAccount } from "./helpers";
import { NOT_FOUND_WHEN_ALLOWED, PAGES, REDIRECTS_WHEN_ALLOWED } from "./page-matrix";
import { EVERYONE, type Who } from "./page-matrix/types";

/** `kind`: how the answer is read. A prefetch of a dynamic page renders nothing but the route tree. */
type Variant = {
  name: string;
  headers?: Record<string, string>;
  query?: string;
  /** Asks another address for the page (its .rsc file): may be "not found", never more than the page allows. */
  suffix?: string;
  kind: "document" | "rsc" | "prefetch";
  isSubrequest?: boolean;
};

const SUBREQUEST_VALUES = [
  "middleware",
  "src/middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

const VARIANTS: Variant[] = [
  ...SUBREQUEST_VALUES.map((value): Variant => ({ name: `x-middleware-subrequest: ${value}`, headers: { "x-middleware-subrequest": value }, kind: "document", isSubrequest: true })),
  { name: "RSC: 1", headers: { RSC: "1" }, kind: "rsc" },
  { name: "?_rsc= without the header", query: "_rsc=x1y2z", kind: "document" },
  { name: "RSC: 1 with a made-up ?_rsc=", headers: { RSC: "1" }, query: "_rsc=x1y2z", kind: "rsc" },
  { name: ".rsc address", headers: { RSC: "1" }, suffix: ".rsc", kind: "rsc" },
  { name: "router prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" }, kind: "prefetch" },
  { name: "segment prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/__PAGE__" }, kind: "prefetch" },
];

/** What a request got, reduced to what the matrix is about; "tree" is a prefetch's route tree alone. */
type Outcome = "allowed" | "not found" | "sign-in" | "forbidden" | "redirect" | "tree" | `status ${number}`;

type Answer = { outcome: Outcome; status: number; body: string; hasCsp: boolean };

const CONCURRENCY = 4;

async function signedInContext(who: Who, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (who === "anonymous") return context;
  const account = demoAccount(who);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: `${baseURL}/home`, json: "true" },
    maxRedirects: 0,
  });
  expect(signedIn.status(), `sign-in as ${who}`).toBeLessThan(400);
  const session = (await (await context.get("/api/auth/session")).json()) as { uid?: string };
  expect(session.uid, `a session for ${who}`).toBeTruthy();
  return context;
}

function variantUrl(url: string, variant?: Variant): string {
  const [path = "/", search] = url.split("?");
  const withSuffix = variant?.suffix ? `${path === "/" ? "/index" : path}${variant.suffix}` : path;
  const query = [search, variant?.query].filter(Boolean).join("&");
  return query ? `${withSuffix}?${query}` : withSuffix;
}

/**
 * A document answer says "redirect", "forbidden" and "not found" in its status line (307, 403,
 * 404). An RSC answer says them inside the payload (NEXT_REDIRECT, NEXT_HTTP_ERROR_FALLBACK
 * digests), after Next's own redirect that puts the right ?_rsc= cache-buster on the URL.
 */
async function ask(context: APIRequestContext, url: string, variant?: Variant): Promise<Answer> {
  const get = (target: string) => context.get(target, { headers: variant?.headers, maxRedirects: 0 });
  const target = variantUrl(url, variant);
  let response = await get(target);
  const busted = response.headers()["location"] ?? "";
  if (variant?.kind !== "document" && response.status() === 307 && busted.startsWith(new URL(target, "http://x").pathname) && busted.includes("_rsc")) {
    response = await get(busted);
  }
  const status = response.status();
  const location = response.headers()["location"] ?? "";
  const hasCsp = !!response.headers()["content-security-policy"];
  const body = status >= 300 && status < 400 ? "" : await response.text();
  const isPayload = (response.headers()["content-type"] ?? "").startsWith("text/x-component");
  const redirectsTo = location || (isPayload ? (body.match(/NEXT_REDIRECT;[a-z]+;([^;"]+);/)?.[1] ?? "") : "");
  let outcome: Outcome;
  if (status === 403 || (isPayload && body.includes("NEXT_HTTP_ERROR_FALLBACK;403"))) outcome = "forbidden";
  else if (redirectsTo.includes("/sign-in")) outcome = "sign-in";
  else if (redirectsTo) outcome = "redirect";
  else if (status === 404 || (isPayload && body.includes("NEXT_HTTP_ERROR_FALLBACK;404"))) outcome = "not found";
  else if (status !== 200) outcome = `status ${status}`;
  // A rendered payload holds elements (["$","div",…]) or client modules (7:I[…]); a tree holds neither.
  else outcome = variant?.kind === "prefetch" && !/\["\$","|^\w+:I\[/m.test(body) ? "tree" : "allowed";
  return { outcome, status, body, hasCsp };
}

/** Runs the tasks a few at a time: the server has two cores. */
async function inBatches<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += size) results.push(...(await Promise.all(tasks.slice(i, i + size).map((t) => t()))));
  return results;
}

/**
 * What only the page's own content carries: its <h1> text, when it is plain words (an <h1> with
 * interpolated values is written differently in HTML and in an RSC payload). The <title> is not
 * used: Next renders a page's static metadata even when the page itself refuses.
 */
function contentMarkOf(html: string): { heading: string; title: string } | null {
  const inner = html.match(/<h1\b[^>]*>(.*?)<\/h1>/s)?.[1] ?? "";
  if (inner.includes("<")) return null;
  const heading = inner.replaceAll("&amp;", "&").trim();
  if (!/^[\p{L}\p{N} ,.:&-]{4,}$/u.test(heading)) return null;
  return { heading, title: html.match(/<title>([^<]*)<\/title>/)?.[1] ?? "" };
}

test("every page, as every role, answers its variants as it answers the plain request", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const contexts = new Map(await Promise.all(EVERYONE.map(async (who) => [who, await signedInContext(who, baseURL!)] as const)));

  // The plain requests, as page-access.spec.ts makes them; allowed pages give each page's title.
  const pages = Object.entries(PAGES);
  const plain = new Map<string, Answer>();
  const marks = new Map<string, { heading: string; title: string }>();
  await inBatches(EVERYONE.flatMap((who) => pages.map(([pattern, [url, allowed]]) => async () => {
    const answer = await ask(contexts.get(who)!, url);
    plain.set(`${who} ${pattern}`, answer);
    const mark = allowed.includes(who) && answer.outcome === "allowed" ? contentMarkOf(answer.body) : null;
    if (mark) marks.set(pattern, mark);
  })), CONCURRENCY);

  const problems: string[] = [];
  const tally = new Map<string, Map<Outcome, number>>();
  for (const who of EVERYONE) {
    for (const [pattern, [url, allowed]] of pages) {
      const { outcome } = plain.get(`${who} ${pattern}`)!;
      const expected: Outcome[] = allowed.includes(who)
        ? NOT_FOUND_WHEN_ALLOWED.has(pattern) ? ["not found"] : REDIRECTS_WHEN_ALLOWED.has(pattern) ? ["allowed", "redirect"] : ["allowed"]
        : who === "anonymous" ? ["sign-in"] : ["forbidden"];
      if (!expected.includes(outcome)) problems.push(`${who} ${url} (plain): ${outcome}, expected ${expected.join("/")}`);
    }
  }

  // A page everyone may open cannot be refused: its variants are asked once, anonymously.
  const isForSome = (allowed: Who[]) => EVERYONE.some((who) => !allowed.includes(who));
  const checks = EVERYONE.flatMap((who) => pages.filter(([, [, allowed]]) => who === "anonymous" || isForSome(allowed)).flatMap(([pattern, [url, allowed]]) => VARIANTS.map((variant) => async () => {
    const base = plain.get(`${who} ${pattern}`)!;
    const answer = await ask(contexts.get(who)!, url, variant);
    const where = `${who} ${url} [${variant.name}]`;
    const counts = tally.get(variant.name) ?? new Map<Outcome, number>();
    tally.set(variant.name, counts.set(answer.outcome, (counts.get(answer.outcome) ?? 0) + 1));
    const isRefused = !allowed.includes(who);
    const isSame = answer.outcome === base.outcome || (variant.kind === "prefetch" && answer.outcome === "tree") || (!!variant.suffix && answer.outcome === "not found");
    if (!isSame) problems.push(`${where}: ${answer.outcome} (${answer.status}), but the plain request was ${base.outcome}`);
    if (isRefused && answer.outcome === "allowed") problems.push(`${where}: refused plainly, answered with the page`);
    const mark = marks.get(pattern);
    if (isRefused && mark && answer.body.replaceAll(mark.title, "").includes(mark.heading)) problems.push(`${where}: refused, yet the body holds the page's heading "${mark.heading}"`);
    // The proxy sets the CSP; without it on the answer, the forged header skipped the proxy.
    if (variant.isSubrequest && !answer.hasCsp) problems.push(`${where}: no Content-Security-Policy, so the proxy did not run`);
  })));
  const started = Date.now();
  await inBatches(checks, CONCURRENCY);
  for (const context of contexts.values()) await context.dispose();

  console.log(`${checks.length} variant requests (${pages.length} pages, ${EVERYONE.length} roles, ${VARIANTS.length} variants) in ${((Date.now() - started) / 1000).toFixed(1)} s; ${marks.size} page headings watched`);
  for (const [name, counts] of tally) console.log(`  ${name}: ${[...counts].map(([o, n]) => `${n} ${o}`).join(", ")}`);
  expect(marks.size, "headings of the allowed pages, to look for in refused answers").toBeGreaterThan(pages.length / 2);
  expect(problems).toEqual([]);
});
