// The security headers on every kind of response, and pages that still work under the
// Content-Security-Policy: every role opens its pages in the browser, navigates on the client,
// and no CSP violation (nor any other console error) is reported.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccount, signIn } from "./helpers";
import { PAGES } from "./page-matrix";
import type { Who } from "./page-matrix/types";

const STATIC_HEADERS = {
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** The concrete address of a page in the access matrix, so this list cannot drift from the app. */
const at = (pattern: string) => {
  const entry = PAGES[pattern];
  if (!entry) throw new Error(`${pattern} is not in the page matrix`);
  return entry[0];
};

const PAGES_BY_ROLE: [Who, string[]][] = [
  ["anonymous", ["/", "/pricing", "/terms", "/repertoire", "/developers/api", "/sign-in", "/sign-up", "/forgot-password"].map(at)],
  ["Licensee owner", ["/licensee", "/licensee/coverage", "/licensee/usage", "/licensee/profile", "/licensee/members", "/account"].map(at)],
  ["Rightsholder owner", ["/rightsholder", "/rightsholder/works", "/rightsholder/works/new", "/rightsholder/imports", "/rightsholder/statements"].map(at)],
  ["Staff admin", ["/staff", "/staff/works", "/staff/distributions", "/staff/pricing", "/notifications"].map(at)],
];

function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

test("every kind of response carries the security headers; documents a CSP with a fresh nonce", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset, "a script of the build on the home page").toBeTruthy();
  const responses = {
    page: home,
    "static file": await request.get(asset!),
    "route handler (JSON)": await request.get("/api/v1/openapi.json"),
    "route handler (text)": await request.get("/robots.txt"),
    "not found": await request.get("/no-such-page-here"),
    "sign-in redirect": await request.get("/licensee", { maxRedirects: 0 }),
  };
  for (const [what, response] of Object.entries(responses)) {
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(response.headers()[name], `${name} on ${what}`).toBe(value);
  }
  expect(responses["sign-in redirect"].status()).toBe(307);
  expect(responses["not found"].status()).toBe(404);

  const policy = home.headers()["content-security-policy"] ?? "";
  const directives = cspDirectives(policy);
  const nonce = directives.get("script-src")?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, policy).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(Object.fromEntries(directives)).toEqual({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", expect.stringMatching(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/)],
    "frame-ancestors": ["'none'"],
  });
  // Next put this request's nonce on every script it wrote into the page, inline ones included.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  for (const what of ["not found", "route handler (JSON)"] as const) {
    expect(responses[what].headers()["content-security-policy"], `CSP on ${what}`).toMatch(/script-src 'self' 'nonce-/);
  }

  const again = cspDirectives((await request.get("/")).headers()["content-security-policy"] ?? "");
  expect(again.get("script-src")).not.toContain(`'nonce-${nonce}'`);
});

/** Records CSP violations and console errors of every page in the context, from before any script runs. */
async function watchedContext(browser: Browser) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${location.pathname}`);
    });
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    // A failed load is reported once, with its address, from the response; the console's copy of it
    // ("Failed to load resource") says no more. Chromium asks for /favicon.ico by itself; there is none.
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (response.status() >= 400 && url.pathname !== "/favicon.ico") problems.push(`${response.status()} for ${url.pathname}${url.search} on ${page.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console error at ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught at ${page.url()}: ${error.message}`));
  };
  context.on("page", watch);
  const violations = async (page: Page) => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  return { context, problems, violations };
}

for (const [who, urls] of PAGES_BY_ROLE) {
  test(`pages work under the CSP with no violation, as ${who}`, async ({ browser }) => {
    const { context, problems, violations } = await watchedContext(browser);
    const page = await context.newPage();
    if (who !== "anonymous") {
      const account = demoAccount(who);
      await signIn(page, account.email, account.password);
    }
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      // Hydrated: React reached the page's elements, which needs every script (inline ones too) to have run.
      await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__reactFiber"))), { message: `hydrated at ${url}` }).toBe(true);
      expect(await violations(page), url).toEqual([]);
    }
    // A client-side navigation: the RSC payload is fetched and new chunks load under the same policy.
    const from = page.url();
    const href = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>("a[href^='/']")].map((a) => a.getAttribute("href")!).find((h) => h !== location.pathname && !h.startsWith("/api/") && !h.includes(".")));
    expect(href, `a link on ${from}`).toBeTruthy();
    await page.locator(`a[href="${href}"]`).first().click();
    await expect(page).not.toHaveURL(from);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test("the policy is enforced: an injected inline script does not run, and framing is refused", async ({ browser }) => {
  const { context, violations } = await watchedContext(browser);
  // A script that reached the HTML (as an injection would) without the nonce: the policy the
  // server sent keeps it from running, and the browser reports it.
  const page = await context.newPage();
  await page.route((url) => url.pathname === "/", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__injectedRan = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/");
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src(-elem)? blocked inline at \/$/)]);
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan === true)).toBe(false);

  // A page on another origin (served by the browser itself, without our headers) frames the portal:
  // frame-ancestors 'none' leaves the frame on Chromium's error page.
  await context.route("http://framer.test/", (route) => route.fulfill({ contentType: "text/html", body: `<iframe src="${new URL(page.url()).origin}/sign-in"></iframe>` }));
  const framer = await context.newPage();
  await framer.goto("http://framer.test/");
  await expect.poll(() => framer.frames().map((f) => f.url())).toContainEqual(expect.stringMatching(/^chrome-error:/));
  await context.close();
});
