// The Origin check on cookie-authenticated mutations: the rule itself, the real route handlers
// refusing other origins before they read the session or the body, and an inventory of every
// route handler in src/app that accepts POST, PUT, PATCH or DELETE.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as postCoverageCheck } from "@/app/api/coverage-checks/route";
import { POST as postUsageReport } from "@/app/api/usage-reports/route";
import { POST as postWorksImport } from "@/app/api/works-imports/route";
import { checkRequestOrigin, portalOrigin, withSameOrigin } from "@/server/http/origin-check";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "src/app");
const PORTAL = portalOrigin();

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("checkRequestOrigin", () => {
  it("accepts the portal's own Origin", () => {
    expect(checkRequestOrigin(headers({ origin: PORTAL }))).toEqual({ isSameOrigin: true });
  });

  it("refuses another origin, a look-alike, another port or scheme, and the opaque origin", () => {
    const url = new URL(PORTAL);
    const others = [
      "https://evil.example",
      `${url.protocol}//${url.hostname}.evil.example${url.port ? `:${url.port}` : ""}`,
      `${url.protocol}//${url.hostname}:${Number(url.port || 80) + 1}`,
      `${url.protocol === "https:" ? "http:" : "https:"}//${url.host}`,
      "null",
    ];
    for (const origin of others) {
      expect(checkRequestOrigin(headers({ origin })), origin).toEqual({ isSameOrigin: false, reason: `it came from ${origin}` });
    }
  });

  it("lets the Origin decide even when the Referer is ours", () => {
    expect(checkRequestOrigin(headers({ origin: "https://evil.example", referer: `${PORTAL}/rightsholder/imports` })).isSameOrigin).toBe(false);
  });

  it("falls back to the Referer's origin when there is no Origin", () => {
    expect(checkRequestOrigin(headers({ referer: `${PORTAL}/licensee/usage?quarter=2026Q3` }))).toEqual({ isSameOrigin: true });
    expect(checkRequestOrigin(headers({ referer: "https://evil.example/page" }))).toEqual({ isSameOrigin: false, reason: "it came from https://evil.example" });
    expect(checkRequestOrigin(headers({ referer: "not a url" }))).toEqual({ isSameOrigin: false, reason: "it came from an unreadable Referer" });
  });

  it("refuses a request with neither Origin nor Referer", () => {
    expect(checkRequestOrigin(headers({}))).toEqual({ isSameOrigin: false, reason: "it said neither where it came from (no Origin or Referer header)" });
  });
});

describe("withSameOrigin", () => {
  it("runs the handler, with its arguments, only for the portal's own origin", async () => {
    const calls: unknown[][] = [];
    const wrapped = withSameOrigin(async (request: Request, context: { id: string }) => {
      calls.push([request.url, context.id]);
      return new Response("done", { status: 201 });
    });
    const ours = await wrapped(new Request(`${PORTAL}/api/x`, { method: "POST", headers: { origin: PORTAL } }), { id: "a" });
    expect(ours.status).toBe(201);
    const theirs = await wrapped(new Request(`${PORTAL}/api/x`, { method: "POST", headers: { origin: "https://evil.example" } }), { id: "b" });
    expect(theirs.status).toBe(403);
    expect(calls).toEqual([[`${PORTAL}/api/x`, "a"]]);
  });
});

describe("the cookie-authenticated upload routes", () => {
  const routes = [
    ["POST /api/works-imports", postWorksImport, "/api/works-imports"],
    ["POST /api/usage-reports", postUsageReport, "/api/usage-reports?quarter=2026Q3"],
    ["POST /api/coverage-checks", postCoverageCheck, "/api/coverage-checks?purpose=TRAIN"],
  ] as const;

  for (const [name, handler, url] of routes) {
    it(`${name} refuses another origin and a request from nowhere, with a clear message`, async () => {
      const cases: [Record<string, string>, string][] = [
        [{ origin: "https://evil.example" }, "it came from https://evil.example"],
        [{ referer: "https://evil.example/upload.html" }, "it came from https://evil.example"],
        [{}, "no Origin or Referer header"],
      ];
      for (const [sent, reason] of cases) {
        // The body would be a file; it must not be read, so a stream that fails when read proves it.
        const body = new ReadableStream({ pull: () => { throw new Error("the body was read"); } });
        const request = new Request(`${PORTAL}${url}`, { method: "POST", headers: { "x-file-name": "x.csv", ...sent }, body, duplex: "half" } as RequestInit);
        const response = await handler(request);
        expect(response.status, JSON.stringify(sent)).toBe(403);
        const payload = (await response.json()) as { error: { code: string; message: string } };
        expect(payload.error.code).toBe("CROSS_ORIGIN");
        expect(payload.error.message).toContain(reason);
        expect(payload.error.message).toContain(`the portal's own pages at ${PORTAL}`);
      }
    });
  }
});

// Every mutating route handler either uses the check or is exempt here, with the reason.
const EXEMPT: { match: (file: string) => boolean; reason: string }[] = [
  { match: (f) => f === "src/app/api/stripe/webhook/route.ts", reason: "Stripe's webhook: no session; the body is verified against Stripe's signature" },
  { match: (f) => f === "src/app/api/auth/[...nextauth]/route.ts", reason: "next-auth's own endpoints: its POSTs require its double-submit CSRF token" },
  { match: (f) => f.startsWith("src/app/api/v1/"), reason: "the public API: a bearer API key in Authorization, never a cookie, so a forged request carries no credential" },
];

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(ROOT, full).split(path.sep).join("/")] : [];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [path.relative(ROOT, full).split(path.sep).join("/")] : [];
  });
}

/** The mutating methods a route file exports, however it spells the export. */
function mutatingExports(source: string): string[] {
  const named = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)].map((m) => m[1]!);
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!.trim()));
  return [...named, ...listed].filter((name): name is (typeof MUTATING)[number] => (MUTATING as readonly string[]).includes(name));
}

describe("every mutating route handler is checked or exempt with a reason", () => {
  const files = routeFiles(APP);

  it("finds the route handlers", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain("src/app/api/works-imports/route.ts");
  });

  it("wraps each cookie-authenticated mutation in withSameOrigin", () => {
    const problems: string[] = [];
    for (const file of files) {
      const methods = mutatingExports(readFileSync(path.join(ROOT, file), "utf8"));
      if (methods.length === 0 || EXEMPT.some((e) => e.match(file))) continue;
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const method of methods) {
        if (!new RegExp(`export const ${method} = withSameOrigin\\(`).test(source)) problems.push(`${file}: ${method} is not wrapped in withSameOrigin`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has found the mutations it checks, and each exemption still matches a route", () => {
    const checked = files.filter((f) => mutatingExports(readFileSync(path.join(ROOT, f), "utf8")).length > 0 && !EXEMPT.some((e) => e.match(f)));
    expect(checked.sort()).toEqual(["src/app/api/coverage-checks/route.ts", "src/app/api/usage-reports/route.ts", "src/app/api/works-imports/route.ts"]);
    for (const exemption of EXEMPT) expect(files.some(exemption.match), exemption.reason).toBe(true);
  });

  it("keeps the exemptions true: the API and the webhook never read the session", () => {
    const sessionReaders = /@\/server\/auth\/session|from "next-auth|next\/headers|getServerSession|cookies\(/;
    // The routes, and the plumbing every /api/v1 handler runs through (src/server/api).
    const apiPlumbing = sourceFiles(path.join(ROOT, "src/server/api"));
    const readers = [...files.filter((f) => f.startsWith("src/app/api/v1/") || f === "src/app/api/stripe/webhook/route.ts"), ...apiPlumbing]
      .filter((f) => sessionReaders.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(apiPlumbing.length).toBeGreaterThan(5);
    expect(readers).toEqual([]);
  });
});
